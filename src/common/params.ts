import { Injectable, type PipeTransform } from '@nestjs/common';
import type { Request } from 'express';
import { notFound } from './errors.js';

/** The largest id both databases store in an integer column (PostgreSQL's int4). */
export const MAX_ID = 2_147_483_647;

/** True for a whole number from 1 to MAX_ID written in plain digits. */
export function isId(value: unknown): boolean {
  const text = String(value);
  return /^\d{1,10}$/.test(text) && Number(text) >= 1 && Number(text) <= MAX_ID;
}

/** The route's numeric id, for view-model builders that read the request; anything else is a 404. */
export function idParam(req: Request, name = 'id'): number {
  const value = req.params[name];
  if (typeof value !== 'string' || !isId(value)) throw notFound('That page');
  return Number(value);
}

/** True for a real calendar date written YYYY-MM-DD (no 30 February). */
export function isRealDate(value: string): boolean {
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

/**
 * A route's numeric id (`:id`, `:offerId`, ...) from 1 to MAX_ID; anything else is "not found" (404),
 * never a 400 or a database error.
 */
@Injectable()
export class ParseIdPipe implements PipeTransform<string, number> {
  transform(value: string | number): number {
    // The global ValidationPipe may already have turned the string into a number (NaN for "abc").
    if (!isId(value)) throw notFound('That page');
    return Number(value);
  }
}
