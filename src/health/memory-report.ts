import { Logger } from '@nestjs/common';

const mb = (bytes: number) => Math.round(bytes / 1024 / 1024);

/** Keeper's memory use now, in MB: the process's resident set, and the main thread's JavaScript heap within it. */
export function memoryUse() {
  const use = process.memoryUsage();
  return {
    rssMb: mb(use.rss),
    heapUsedMb: mb(use.heapUsed),
    heapTotalMb: mb(use.heapTotal),
    externalMb: mb(use.external),
    arrayBuffersMb: mb(use.arrayBuffers),
  };
}

/**
 * `kill -USR2 <pid>` makes Keeper write one log line with its memory use, for an operator (and the benchmark) to see
 * whether a large resident set is JavaScript heap or native memory (SQLite's caches, the report threads, malloc).
 * Started with `node --expose-gc` (the benchmark does), it then also runs a full collection and adds the figures
 * after it (`afterFullCollection`): heap that a collection frees was garbage not yet collected, not memory held.
 */
export function reportMemoryOnSignal(logger = new Logger('Memory')): () => void {
  const report = () => {
    const now = memoryUse();
    const collect = (globalThis as { gc?: () => void }).gc;
    if (typeof collect !== 'function') return logger.log({ message: 'Memory use', ...now });
    collect();
    logger.log({ message: 'Memory use', ...now, afterFullCollection: memoryUse() });
  };
  process.on('SIGUSR2', report);
  return () => process.off('SIGUSR2', report);
}
