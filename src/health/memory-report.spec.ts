import type { Logger } from '@nestjs/common';
import { reportMemoryOnSignal } from './memory-report.js';

describe('reportMemoryOnSignal', () => {
  it('logs the resident set and the heap within it on SIGUSR2, and stops when asked', () => {
    const lines: Record<string, unknown>[] = [];
    const logger = { log: (line: Record<string, unknown>) => lines.push(line) } as unknown as Logger;
    const stop = reportMemoryOnSignal(logger);
    process.emit('SIGUSR2');
    stop();
    process.emit('SIGUSR2');
    expect(lines).toHaveLength(1);
    const [line] = lines as { message: string; rssMb: number; heapUsedMb: number; heapTotalMb: number }[];
    expect(line.message).toBe('Memory use');
    expect(line.heapUsedMb).toBeGreaterThan(0);
    expect(line.heapTotalMb).toBeGreaterThanOrEqual(line.heapUsedMb);
    expect(line.rssMb).toBeGreaterThan(line.heapUsedMb);
  });

  it('adds the figures after a full collection when the process was started with --expose-gc', () => {
    const lines: Record<string, unknown>[] = [];
    const logger = { log: (line: Record<string, unknown>) => lines.push(line) } as unknown as Logger;
    let collections = 0;
    const global = globalThis as { gc?: () => void };
    const before = global.gc;
    global.gc = () => (collections += 1);
    const stop = reportMemoryOnSignal(logger);
    try {
      process.emit('SIGUSR2');
    } finally {
      stop();
      global.gc = before;
    }
    expect(collections).toBe(1);
    const [line] = lines as { afterFullCollection?: { rssMb: number; heapUsedMb: number } }[];
    expect(line.afterFullCollection?.heapUsedMb).toBeGreaterThan(0);
    expect(line.afterFullCollection?.rssMb).toBeGreaterThan(line.afterFullCollection!.heapUsedMb);
  });
});
