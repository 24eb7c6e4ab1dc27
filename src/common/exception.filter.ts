import { Catch, HttpException, Logger, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { Request, Response } from 'express';
import { QueryFailedError } from 'typeorm';
import { CsrfTokenInvalidError, DomainError, FormInvalidError, SignInRequiredError, STATUS_BY_CODE } from './errors.js';
import { allowedMethods, isRouteMiss } from './route-miss.js';

const SECRET_FIELD = /password|_csrf|token/i;

const TITLES: Record<number, string> = {
  400: 'That request could not be understood',
  401: 'Please sign in',
  403: 'You do not have access to this page',
  404: 'Page not found',
  405: 'That address does not take this kind of request',
  409: 'That conflicts with something already there',
  410: 'This link can no longer be used',
  413: 'That upload is too large',
  422: 'Please check the form',
  429: 'Too many attempts',
  500: 'Something went wrong on our side',
};

/**
 * The one place errors become responses: HTML pages for browsers (no stack traces),
 * JSON for JSON clients, and invalid forms shown again with what was typed.
 */
@Catch()
export class AppExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const req = http.getRequest<Request>();
    const res = http.getResponse<Response>();
    if (res.headersSent) return;
    const wantsJson = req.accepts(['html', 'json']) === 'json';

    if (exception instanceof SignInRequiredError) {
      if (wantsJson) return void res.status(401).json({ statusCode: 401, error: 'Sign in required' });
      const next =
        req.method === 'GET' && req.originalUrl !== '/' ? `?next=${encodeURIComponent(req.originalUrl)}` : '';
      return res.redirect(303, `/login${next}`);
    }

    if (exception instanceof FormInvalidError && exception.view && !wantsJson) {
      const status = STATUS_BY_CODE[exception.code];
      return res.status(status).render(exception.view, {
        ...exception.viewModel,
        values: submittedValues(req),
        errors: exception.fields,
        errorList: errorList(exception.fields),
      });
    }

    const { status, message } = this.describe(exception, req);
    if (wantsJson) {
      const body: Record<string, unknown> = { statusCode: status, error: TITLES[status] ?? 'Error', message };
      if (exception instanceof FormInvalidError) body.errors = exception.fields;
      return void res.status(status).json(body);
    }
    this.renderPage(res, { status, title: TITLES[status] ?? 'Error', message }, exception);
  }

  /** The HTML error page; a part of the app for other visitors (the careers site) shows its own. */
  protected renderPage(
    res: Response,
    page: { status: number; title: string; message: string },
    _exception: unknown,
  ): void {
    const view = [403, 404, 500].includes(page.status) ? `errors/${page.status}` : 'errors/error';
    res.status(page.status).render(view, page);
  }

  /**
   * No route matched: Nest's own message ("Cannot GET /x") is framework text, so a person reads what happened instead;
   * a known address asked with another method (a form posted to a page, a bookmarked action) is 405 with `Allow`.
   */
  private routeMiss(req: Request): { status: number; message: string } {
    const allowed = allowedMethods(req);
    if (allowed.length === 0) return { status: 404, message: 'There is no page at this address.' };
    req.res?.setHeader('Allow', allowed.join(', '));
    return {
      status: 405,
      message: allowed.includes('GET')
        ? 'This page can be opened, but not sent to this way. Open it again and use its buttons or forms.'
        : 'This address only takes a form sent from its page. Go back to the page and use its buttons.',
    };
  }

  private describe(exception: unknown, req: Request): { status: number; message: string } {
    if (exception instanceof CsrfTokenInvalidError) {
      return {
        status: 403,
        message: 'This form was open too long or came from another site. Go back, reload the page and try again.',
      };
    }
    if (exception instanceof DomainError) return { status: STATUS_BY_CODE[exception.code], message: exception.message };
    if (exception instanceof HttpException && exception.getStatus() === 404 && isRouteMiss(exception.message)) {
      return this.routeMiss(req);
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      return { status, message: status >= 500 ? 'Please try again in a moment.' : exception.message };
    }
    const clientStatus = clientErrorStatus(exception);
    if (clientStatus) return { status: clientStatus, message: TITLES[clientStatus] ?? TITLES[400] };
    if (isUnstorableInput(exception)) {
      // A value no column can hold reached the database: the request's fault, but a check is missing; say which.
      this.logger.warn({ message: 'Input refused by the database', requestId: req.id, error: String(exception) });
      return { status: 400, message: 'Some of what was sent cannot be stored. Check the values and try again.' };
    }
    this.logger.error({
      message: 'Unhandled error',
      requestId: req.id,
      error: String(exception),
      stack: (exception as Error)?.stack,
    });
    return {
      status: 500,
      message: 'Please try again in a moment. If it keeps happening, tell your admin the time it happened.',
    };
  }
}

/** The status of a client error raised below Nest (body-parser and multer errors carry one), or null. */
function clientErrorStatus(exception: unknown): number | null {
  const error = exception as { status?: unknown; statusCode?: unknown; name?: unknown } | null;
  if (error?.name === 'MulterError') return 400;
  const status = Number(error?.status ?? error?.statusCode);
  return Number.isInteger(status) && status >= 400 && status < 500 ? status : null;
}

/**
 * PostgreSQL's data exceptions (class 22: out-of-range numbers, invalid dates, bad encoding) and SQLite's
 * type mismatch: the database refused a value that came from the request.
 */
function isUnstorableInput(exception: unknown): boolean {
  if (!(exception instanceof QueryFailedError)) return false;
  const code = String((exception.driverError as { code?: unknown } | undefined)?.code ?? '');
  return /^22[0-9A-Z]{3}$/.test(code) || code === 'SQLITE_MISMATCH' || code === 'SQLITE_TOOBIG';
}

function submittedValues(req: Request): Record<string, unknown> {
  const body = (req.body ?? {}) as Record<string, unknown>;
  return Object.fromEntries(Object.entries(body).filter(([key]) => !SECRET_FIELD.test(key)));
}

/** Every message, each linked to its field (a field may have several reasons, e.g. two protected topics). */
function errorList(fields: Record<string, string[]>): { field: string; message: string }[] {
  return Object.entries(fields).flatMap(([field, messages]) => messages.map((message) => ({ field, message })));
}
