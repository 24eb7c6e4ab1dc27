import type { HttpStatus } from '@nestjs/common';

export type DomainErrorCode = 'invalid' | 'not-found' | 'forbidden' | 'conflict' | 'gone' | 'throttled' | 'too-large';

export const STATUS_BY_CODE: Record<DomainErrorCode, HttpStatus> = {
  invalid: 422,
  'not-found': 404,
  forbidden: 403,
  conflict: 409,
  gone: 410,
  throttled: 429,
  'too-large': 413,
};

/** An error a service raises about the domain; the exception filter maps its code to HTTP at the edge. */
export class DomainError extends Error {
  constructor(
    readonly code: DomainErrorCode,
    message: string,
  ) {
    super(message);
  }
}

export type FieldErrors = Record<string, string[]>;

/**
 * Input that cannot be accepted. Raised by the validation pipe and by services; the form's view
 * (named with @FormView) is shown again with the submitted values and these errors. Errors that
 * belong to no single field go under the key "_form".
 */
export class FormInvalidError extends DomainError {
  /** Set by FormViewInterceptor: which template shows this form again. */
  view?: string;
  viewModel?: Record<string, unknown>;

  constructor(
    readonly fields: FieldErrors,
    code: 'invalid' | 'throttled' | 'conflict' | 'too-large' = 'invalid',
  ) {
    super(code, Object.values(fields).flat()[0] ?? 'The form has errors.');
  }

  static single(field: string, message: string): FormInvalidError {
    return new FormInvalidError({ [field]: [message] });
  }
}

/** The visitor must sign in first; HTML requests are redirected to the sign-in page. */
export class SignInRequiredError extends Error {}

/** A state-changing request arrived without a valid CSRF token. */
export class CsrfTokenInvalidError extends Error {}

export function notFound(what: string): DomainError {
  return new DomainError('not-found', `${what} was not found.`);
}
