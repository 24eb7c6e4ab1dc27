import { Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import { ModuleRef, Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { catchError, from, mergeMap, throwError, type Observable } from 'rxjs';
import type { User } from '../accounts/entities/user.entity.js';
import { FORM_VIEW, type FormViewOptions, type PageRequest } from './decorators.js';
import { FormInvalidError } from './errors.js';
import { idParam } from './params.js';

/** The page request a builder gets, from an Express request (the numeric id checked once, here). */
export function pageRequestOf(req: Request): PageRequest<User | undefined> {
  const params = req.params as Record<string, string>;
  return {
    user: req.user,
    id: params.id === undefined ? 0 : idParam(req),
    params,
    query: req.query as Record<string, unknown>,
    body: req.method === 'POST' ? ((req.body ?? {}) as Record<string, unknown>) : null,
  };
}

/** Tells the exception filter which template shows an invalid form again, and with what (see @FormView). */
@Injectable()
export class FormViewInterceptor implements NestInterceptor {
  constructor(
    private readonly reflector: Reflector,
    private readonly moduleRef: ModuleRef,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const options = this.reflector.get<FormViewOptions | undefined>(FORM_VIEW, context.getHandler());
    if (!options) return next.handle();
    return next.handle().pipe(
      catchError((error: unknown) => {
        if (!(error instanceof FormInvalidError)) return throwError(() => error);
        return from(this.render(options, context)).pipe(
          mergeMap(({ view, model }) => {
            error.view = view;
            error.viewModel = model;
            return throwError(() => error);
          }),
        );
      }),
    );
  }

  private async render(
    options: FormViewOptions,
    context: ExecutionContext,
  ): Promise<{ view: string; model: Record<string, unknown> }> {
    const req = context.switchToHttp().getRequest<Request>();
    if (!('page' in options)) return options;
    const page = this.moduleRef.get(options.page, { strict: false });
    return { view: page.view, model: await page.build(pageRequestOf(req)) };
  }
}
