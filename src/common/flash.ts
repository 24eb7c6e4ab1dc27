import type { Request } from 'express';
import type { FlashKind } from './request.js';

/** A one-time message shown on the next page the visitor sees (after a redirect). */
export function flash(req: Request, kind: FlashKind, text: string): void {
  req.session.flash = [...(req.session.flash ?? []), { kind, text }];
}

export function takeFlash(req: Request): { kind: FlashKind; text: string }[] {
  const messages = req.session?.flash ?? [];
  if (req.session?.flash) delete req.session.flash;
  return messages;
}
