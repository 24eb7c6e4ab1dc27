import { createParamDecorator, SetMetadata, type ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import type { User } from '../accounts/entities/user.entity.js';
import type { Role } from '../accounts/role.js';

export const IS_PUBLIC = 'keeper:public';
export const ROLES = 'keeper:roles';
export const FORM_VIEW = 'keeper:form-view';

/** The route needs no sign-in. Every other route does. */
export const Public = () => SetMetadata(IS_PUBLIC, true);

/** Only users holding at least one of these roles may use the route. */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES, roles);

/**
 * What else the form's template needs when shown again: a fixed object, or the name of a method
 * on the controller that builds it from the request (e.g. the record the form belongs to).
 */
export type FormViewModel = Record<string, unknown> | string;

export interface FormViewOptions {
  view: string;
  model?: FormViewModel;
}

/** When this handler's input is invalid, show `view` again with the submitted values and the errors. */
export const FormView = (view: string, model?: FormViewModel) => SetMetadata(FORM_VIEW, { view, model } satisfies FormViewOptions);

/** The signed-in user (routes that are not @Public always have one). */
export const CurrentUser = createParamDecorator((_data: unknown, ctx: ExecutionContext): User => {
  return ctx.switchToHttp().getRequest<Request>().user as User;
});
