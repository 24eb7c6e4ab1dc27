import { jest } from '@jest/globals';
import { InProcessJobRunner } from './in-process-job-runner.js';

describe(InProcessJobRunner.name, () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('runs a job every interval, never two runs at once, and on stop waits for the running one', async () => {
    const sut = new InProcessJobRunner();
    let runs = 0;
    let finish = () => {};
    sut.every('sweep', 1, () => {
      runs += 1;
      return new Promise<void>((done) => (finish = done));
    });
    await sut.start();
    await jest.advanceTimersByTimeAsync(3_500);
    expect(runs).toBe(1);

    let stopped = false;
    const stopping = sut.stop().then(() => (stopped = true));
    await jest.advanceTimersByTimeAsync(0);
    expect(stopped).toBe(false);
    finish();
    await stopping;
    await jest.advanceTimersByTimeAsync(5_000);
    expect(runs).toBe(1);
  });

  it('refuses a second job with the same name', () => {
    const sut = new InProcessJobRunner();
    sut.every('sweep', 1, () => Promise.resolve());
    expect(() => sut.every('sweep', 1, () => Promise.resolve())).toThrow('A job named sweep is already registered');
  });
});
