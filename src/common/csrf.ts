import { csrfSync } from 'csrf-sync';
import type { Request } from 'express';

/** Tokens live in the server-side session; forms send them as the hidden field "_csrf". */
export const csrf = csrfSync({
  getTokenFromRequest: (req: Request) => {
    const fromBody = (req.body as Record<string, unknown> | undefined)?._csrf;
    if (typeof fromBody === 'string') return fromBody;
    const fromHeader = req.headers['x-csrf-token'];
    return typeof fromHeader === 'string' ? fromHeader : undefined;
  },
});
