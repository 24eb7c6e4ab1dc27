import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import type { Role } from '../accounts/role.js';
import { csrf } from './csrf.js';
import { IS_PUBLIC, ROLES } from './decorators.js';
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

/** @Roles(...) on a handler or controller: the user must hold one of them. */
@Injectable()
export class RolesGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (!roles?.length) return true;
    const user = context.switchToHttp().getRequest<Request>().user;
    if (user && roles.some((role) => user.hasRole(role))) return true;
    throw new DomainError('forbidden', 'Your roles do not include this page.');
  }
}
