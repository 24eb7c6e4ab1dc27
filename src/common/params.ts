import type { Request } from 'express';
import { notFound } from './errors.js';

/** The route's numeric id, for view-model builders that read the request; anything else is a 404. */
export function idParam(req: Request, name = 'id'): number {
  const value = req.params[name];
  if (typeof value !== 'string' || !/^\d{1,9}$/.test(value)) throw notFound('That page');
  return Number(value);
}

/** True for a real calendar date written YYYY-MM-DD (no 30 February). */
export function isRealDate(value: string): boolean {
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}
