import type { User } from '../accounts/entities/user.entity.js';

export type FlashKind = 'success' | 'info' | 'warning';

declare module 'express-session' {
  interface SessionData {
    userId?: number;
    /** When the person signed in (ms since the epoch): the session ends a fixed time after, however active. */
    signedInAt?: number;
    flash?: { kind: FlashKind; text: string }[];
  }
}

declare global {
  namespace Express {
    interface Request {
      user?: User;
      id?: string;
    }
  }
}
