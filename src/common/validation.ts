import { ValidationPipe, type ValidationError } from '@nestjs/common';
import { Transform } from 'class-transformer';
import { FormInvalidError, type FieldErrors } from './errors.js';

function collect(errors: ValidationError[], prefix = '', into: FieldErrors = {}): FieldErrors {
  for (const error of errors) {
    const field = prefix ? `${prefix}.${error.property}` : error.property;
    if (error.constraints) into[field] = Object.values(error.constraints);
    if (error.children?.length) collect(error.children, field, into);
  }
  return into;
}

/** The one global pipe: unknown fields are refused, and errors become a field → messages map for the form. */
export function formValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    stopAtFirstError: true,
    exceptionFactory: (errors) => new FormInvalidError(collect(errors)),
  });
}

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

/** Form quirk: numbers arrive as text; "" is no value, anything not numeric is left for the validator to refuse. */
export const ToNumberOrNull = () =>
  Transform(({ value }) => {
    if (value === undefined || value === null) return value;
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
