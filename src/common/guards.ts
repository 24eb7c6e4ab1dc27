import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { isConfinedToCompliance, type Role } from '../accounts/role.js';
import { csrf } from './csrf.js';
import { IS_PUBLIC, OPEN_TO_RECRUITERS, ROLES } from './decorators.js';
import { CsrfTokenInvalidError, DomainError, SignInRequiredError } from './errors.js';

/** Every state-changing request carries the session's CSRF token (synchronizer-token pattern). */
@Injectable()
export class CsrfGuard implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    const req = context.switchToHttp().getRequest<Request>();
    if (['GET', 'HEAD', 'OPTIONS'].includes(req.method)) return true;
    if (!csrf.isRequestValid(req)) throw new CsrfTokenInvalidError();
    if (req.body && typeof req.body === 'object') delete (req.body as Record<string, unknown>)._csrf;
    return true;
  }
}

/** Every route needs a signed-in user unless it is marked @Public(). */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    const isPublic = this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, [context.getHandler(), context.getClass()]);
    if (isPublic) return true;
    if (!context.switchToHttp().getRequest<Request>().user) throw new SignInRequiredError();
    return true;
  }
}

/**
 * @Roles(...) on a handler or controller: the user must hold one of them. An agency recruiter is refused everywhere
 * except routes whose @Roles names 'recruiter', routes marked @OpenToRecruiters() and public ones: staff pages
 * without @Roles are open to every signed-in member of staff, never to an agency. A user holding only the compliance
 * role is confined likewise to routes whose @Roles names 'compliance' (and the open and public ones).
 */
@Injectable()
export class RolesGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    const targets = [context.getHandler(), context.getClass()];
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES, targets);
    const user = context.switchToHttp().getRequest<Request>().user;
    const open = () =>
      this.reflector.getAllAndOverride<boolean>(OPEN_TO_RECRUITERS, targets) ||
      this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets);
    if (user?.hasRole('recruiter') && !roles?.includes('recruiter') && !open())
      throw new DomainError('forbidden', 'This page is for the hiring team. Your agency portal is at /agency.');
    // A compliance officer with no other role is confined the same way: the adverse-impact report and their account.
    if (user && isConfinedToCompliance(user.roles) && !roles?.includes('compliance') && !open())
      throw new DomainError('forbidden', 'Your role shows the adverse-impact report only: /insights/adverse-impact.');
    if (!roles?.length) return true;
    if (user && roles.some((role) => user.hasRole(role))) return true;
    throw new DomainError('forbidden', 'Your roles do not include this page.');
  }
}
