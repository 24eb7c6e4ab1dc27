import { BadRequestException, ValidationPipe, type ArgumentMetadata, type ValidationError } from '@nestjs/common';
import { plainToInstance, Transform } from 'class-transformer';
import { applyDecorators } from '@nestjs/common';
import { IsInt, Max, Min, validate, ValidateBy, type ValidationOptions } from 'class-validator';
import { isTimeZone } from './dates.js';
import { FormInvalidError, type FieldErrors } from './errors.js';
import { isRealDate, MAX_ID } from './params.js';
import { humanMessage } from './validation-messages.js';

/** Deeper than any form Keeper has (e.g. outcomes[0][indicators][1] is three levels). */
const MAX_DEPTH = 8;

function collect(errors: ValidationError[], prefix = '', into: FieldErrors = {}): FieldErrors {
  for (const error of errors) {
    const field = prefix ? `${prefix}.${error.property}` : error.property;
    if (error.constraints) {
      into[field] = Object.entries(error.constraints).map(([constraint, message]) =>
        humanMessage(constraint, message, error.property),
      );
    }
    if (error.children?.length) collect(error.children, field, into);
  }
  return into;
}

/**
 * Why a body, query or route parameter cannot be read as a form at all, or null: a NUL character (no
 * database column stores one) or nesting deeper than any form (it would exhaust the stack when transformed).
 */
export function unreadableInput(value: unknown, depth = 0): string | null {
  if (typeof value === 'string') return value.includes('\u0000') ? 'a NUL character' : null;
  if (value === null || typeof value !== 'object') return null;
  if (depth >= MAX_DEPTH) return 'nesting too deep';
  for (const [key, item] of Object.entries(value as Record<string, unknown>)) {
    const problem = unreadableInput(key, depth + 1) ?? unreadableInput(item, depth + 1);
    if (problem) return problem;
  }
  return null;
}

/** The global ValidationPipe, refusing input no form could have sent with a plain 400 before transforming it. */
class FormValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (metadata.type !== 'custom') {
      const problem = unreadableInput(value);
      if (problem) throw new BadRequestException(`The request could not be read (${problem}).`);
    }
    return super.transform(value, metadata) as Promise<unknown>;
  }
}

/** The one global pipe: unknown fields are refused, and errors become a field → messages map for the form. */
export function formValidationPipe(): ValidationPipe {
  return new FormValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    stopAtFirstError: true,
    exceptionFactory: (errors) => new FormInvalidError(collect(errors)),
  });
}

/**
 * Validates a form in a service, for forms whose rules are partly known only there (the careers form's questions
 * come from the position): the same rules as the global pipe, with the errors returned to be shown together with
 * the service's own. Fields named in `except` are left out (the service reads them itself).
 */
export async function validateForm<T extends object>(
  type: new () => T,
  body: Record<string, unknown>,
  except: (field: string) => boolean = () => false,
): Promise<{ form: T; errors: FieldErrors }> {
  const form = plainToInstance(type, Object.fromEntries(Object.entries(body).filter(([field]) => !except(field))));
  const errors = await validate(form, { whitelist: true, forbidNonWhitelisted: true, stopAtFirstError: true });
  return { form, errors: collect(errors) };
}

/** A reference to a row: a whole number both databases store (1 to MAX_ID). */
export const IsId = (message = 'Choose one from the list') =>
  applyDecorators(IsInt({ message }), Min(1, { message }), Max(MAX_ID, { message }));

/** A real calendar date written YYYY-MM-DD (no 30 February, no five-digit year). */
export const IsRealDate = (options: ValidationOptions = { message: 'Enter a real date' }) =>
  ValidateBy(
    { name: 'isRealDate', validator: { validate: (value: unknown) => typeof value === 'string' && isRealDate(value) } },
    options,
  );

export const TIME_ZONE_MESSAGE = 'Choose a time zone from the list, e.g. Europe/Berlin';

/** An IANA time zone Keeper offers (common/dates.ts TIME_ZONES), e.g. "Europe/Berlin"; not "CET" or "GMT+1". */
export const IsTimeZone = (options: ValidationOptions = { message: TIME_ZONE_MESSAGE }) =>
  ValidateBy({ name: 'isTimeZone', validator: { validate: (value: unknown) => isTimeZone(value) } }, options);

/** Form quirk: trims strings; leaves everything else alone. */
export const Trim = () => Transform(({ value }) => (typeof value === 'string' ? value.trim() : value));

/** Form quirk: email addresses compare case-insensitively, so they are stored lower-case. */
export const NormalizeEmail = () =>
  Transform(({ value }) => (typeof value === 'string' ? value.trim().toLowerCase() : value));

/** Form quirk: a group of checkboxes arrives as nothing, one string or an array. */
export const ToArray = () =>
  Transform(({ value }) =>
    value === undefined || value === null || value === '' ? [] : Array.isArray(value) ? value : [value],
  );

/** Form quirk: an empty field means "no value". */
export const EmptyToNull = () =>
  Transform(({ value }) => {
    if (typeof value !== 'string') return value;
    const trimmed = value.trim();
    return trimmed === '' ? null : trimmed;
  });

/**
 * Form quirk: numbers arrive as text; "" is no value, anything not numeric (a repeated field's list too, which
 * would otherwise read "1,2" as 12) is left for the validator to refuse.
 */
export const ToNumberOrNull = () =>
  Transform(({ value }) => {
    if (value === undefined || value === null || typeof value === 'object') return value;
    const text = String(value).trim().replace(/[,\s]/g, '');
    if (text === '') return null;
    return Number.isFinite(Number(text)) ? Number(text) : value;
  });

/** Form quirk: a group of checkboxes of ids arrives as nothing, one string or an array of strings. */
export const ToIntArray = () =>
  Transform(({ value }) =>
    (value === undefined || value === null || value === '' ? [] : Array.isArray(value) ? value : [value]).map(
      (item: unknown) => (/^\d+$/.test(String(item)) ? Number(item) : item),
    ),
  );
