import { Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import { ModuleRef, Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { catchError, from, mergeMap, throwError, type Observable } from 'rxjs';
import { FORM_VIEW, type FormViewOptions } from './decorators.js';
import { FormInvalidError } from './errors.js';

type ModelBuilder = (req: Request) => Record<string, unknown> | Promise<Record<string, unknown>>;

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
        return from(this.model(options, context)).pipe(
          mergeMap((model) => {
            error.view = options.view;
            error.viewModel = model;
            return throwError(() => error);
          }),
        );
      }),
    );
  }

  private async model(options: FormViewOptions, context: ExecutionContext): Promise<Record<string, unknown>> {
    if (typeof options.model !== 'string') return options.model ?? {};
    const controller = this.moduleRef.get(context.getClass(), { strict: false }) as Record<string, ModelBuilder>;
    return controller[options.model](context.switchToHttp().getRequest<Request>());
  }
}
