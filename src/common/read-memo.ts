import { AsyncLocalStorage } from 'node:async_hooks';
import type { Request } from 'express';

const pages = new AsyncLocalStorage<Map<string, Promise<unknown>>>();

/**
 * A read that several parts of one page ask for is sent once: within a page a staff member opens (a GET by a
 * signed-in user), the first call's promise is shared by the later ones with the same key; anywhere else — a form
 * post, a job, the candidate portal, a test calling a service — every call runs. Staff pages change nothing they
 * read, so a shared answer cannot be stale; keys name the read and its arguments ("vetting-gate:12").
 */
export function readOnce<T>(key: string, load: () => Promise<T>): Promise<T> {
  const memo = pages.getStore();
  if (!memo) return load();
  let shared = memo.get(key) as Promise<T> | undefined;
  if (!shared) {
    shared = load();
    memo.set(key, shared);
    // A failed read is not kept: the next caller tries again (and sees its own error).
    shared.catch(() => memo.delete(key));
  }
  return shared;
}

/** Runs `work` with a fresh read memo. */
export function withReadMemo<T>(work: () => T): T {
  return pages.run(new Map(), work);
}

/**
 * Runs the rest of a request with a fresh read memo when it is a staff page (a GET or HEAD by a signed-in user),
 * otherwise as it is. Called by the current-user middleware once it knows who is asking.
 */
export function asStaffPage<T>(request: Pick<Request, 'method' | 'user'>, rest: () => T): T {
  return request.user && (request.method === 'GET' || request.method === 'HEAD') ? withReadMemo(rest) : rest();
}
