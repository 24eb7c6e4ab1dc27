import { inTurn } from './audit-writer.js';

const tick = () => new Promise((done) => setTimeout(done, 5));

describe('inTurn', () => {
  it('runs the writes on one connection one after the other, and on two connections side by side', async () => {
    const log: string[] = [];
    const write = (name: string) => async () => {
      log.push(`${name} start`);
      await tick();
      log.push(`${name} end`);
    };
    const one = {};
    const two = {};
    await Promise.all([inTurn(one, write('a')), inTurn(one, write('b')), inTurn(two, write('c'))]);
    expect(log.indexOf('b start')).toBeGreaterThan(log.indexOf('a end'));
    expect(log.indexOf('c start')).toBeLessThan(log.indexOf('a end'));
  });

  it('passes a failure to its own caller and still runs the next write', async () => {
    const connection = {};
    const failed = inTurn(connection, () => Promise.reject(new Error('refused')));
    const next = inTurn(connection, () => Promise.resolve());
    await expect(failed).rejects.toThrow('refused');
    await expect(next).resolves.toBeUndefined();
  });
});
