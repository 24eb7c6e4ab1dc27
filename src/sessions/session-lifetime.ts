import type { NextFunction, Request, Response } from 'express';

/**
 * Ends a sign-in a fixed time after it began, however active the person stays (the idle timeout is the
 * cookie's rolling maxAge). The expired session is replaced by an empty one, so the request goes on as a
 * visitor's and the guards send it to sign-in. Sessions from before this rule start counting now.
 */
export function absoluteSessionLifetime(maxAgeMs: number) {
  return (req: Request, _res: Response, next: NextFunction): void => {
    const session = req.session;
    if (!session?.userId) return next();
    if (typeof session.signedInAt !== 'number') {
      session.signedInAt = Date.now();
      return next();
    }
    if (Date.now() - session.signedInAt <= maxAgeMs) return next();
    session.regenerate((err) => next(err));
  };
}
