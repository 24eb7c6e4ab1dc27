import { asStaffPage, readOnce, withReadMemo } from './read-memo.js';

const counter = () => {
  let calls = 0;
  return { load: () => Promise.resolve(++calls), calls: () => calls };
};

/** Runs a request's rest through asStaffPage, reading the same key twice; returns how many loads ran. */
async function loadsThrough(method: string, user?: object): Promise<number> {
  const reads = counter();
  const request = { method, user } as Parameters<typeof asStaffPage>[0];
  await asStaffPage(request, () => Promise.all([readOnce('k', reads.load), readOnce('k', reads.load)]));
  return reads.calls();
}

describe('readOnce', () => {
  it('runs every call outside a page', async () => {
    const reads = counter();
    expect([await readOnce('k', reads.load), await readOnce('k', reads.load)]).toEqual([1, 2]);
  });

  it('shares one load per key within a page, and keeps keys apart', async () => {
    const reads = counter();
    const results = await withReadMemo(() =>
      Promise.all([readOnce('a', reads.load), readOnce('a', reads.load), readOnce('b', reads.load)]),
    );
    expect(results).toEqual([1, 1, 2]);
    expect(reads.calls()).toBe(2);
  });

  it('does not keep a failed read: the next caller loads again', async () => {
    let calls = 0;
    const flaky = () => (++calls === 1 ? Promise.reject(new Error('busy')) : Promise.resolve(calls));
    await withReadMemo(async () => {
      await expect(readOnce('k', flaky)).rejects.toThrow('busy');
      await new Promise((done) => setImmediate(done));
      expect(await readOnce('k', flaky)).toBe(2);
    });
  });

  it('gives a memo to staff pages only: a GET by a signed-in user, not a post, not a signed-out visitor', async () => {
    expect(await loadsThrough('GET', { id: 1 })).toBe(1);
    expect(await loadsThrough('POST', { id: 1 })).toBe(2);
    expect(await loadsThrough('GET')).toBe(2);
  });
});
