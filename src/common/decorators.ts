import { createParamDecorator, SetMetadata, type ExecutionContext, type Type } from '@nestjs/common';
import type { Request } from 'express';
import type { User } from '../accounts/entities/user.entity.js';
import type { Role } from '../accounts/role.js';

export const IS_PUBLIC = 'keeper:public';
export const ROLES = 'keeper:roles';
export const FORM_VIEW = 'keeper:form-view';
export const OPEN_TO_RECRUITERS = 'keeper:open-to-recruiters';

/** The route needs no sign-in. Every other route does. */
export const Public = () => SetMetadata(IS_PUBLIC, true);

/**
 * A route without @Roles that agency recruiters may also use (signing out, their password). Every other route
 * refuses a recruiter unless its @Roles names 'recruiter': they are external and see only their portal.
 */
export const OpenToRecruiters = () => SetMetadata(OPEN_TO_RECRUITERS, true);

/** Only users holding at least one of these roles may use the route. */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES, roles);

/**
 * What a page builder gets: the signed-in user, the route's numeric id (0 when it has none), its other parameters,
 * the query string and the posted form (null on GET).
 */
export interface PageRequest<U extends User | undefined = User> {
  user: U;
  id: number;
  params?: Record<string, string>;
  query?: Record<string, unknown>;
  body?: Record<string, unknown> | null;
}

/** Builds the view model of one page; the same builder serves the GET and the form shown again after an error. */
export interface FormPage<U extends User | undefined = User> {
  readonly view: string;
  build(request: PageRequest<U>): Promise<Record<string, unknown>> | Record<string, unknown>;
}

export type FormViewOptions =
  { page: Type<FormPage<User | undefined>> } | { view: string; model: Record<string, unknown> };

/**
 * When this handler's input is invalid, show the form again with the submitted values and the errors:
 * either a page builder (an injectable `FormPage`, by reference) or a fixed view and model.
 */
export function FormView(page: Type<FormPage<User>> | Type<FormPage<undefined>>): MethodDecorator;
export function FormView(view: string, model?: Record<string, unknown>): MethodDecorator;
export function FormView(
  target: string | Type<FormPage<User>> | Type<FormPage<undefined>>,
  model: Record<string, unknown> = {},
): MethodDecorator {
  const options: FormViewOptions =
    typeof target === 'string' ? { view: target, model } : { page: target as Type<FormPage<User | undefined>> };
  return SetMetadata(FORM_VIEW, options);
}

/** The signed-in user (routes that are not @Public always have one). */
export const CurrentUser = createParamDecorator((_data: unknown, ctx: ExecutionContext): User => {
  return ctx.switchToHttp().getRequest<Request>().user as User;
});
