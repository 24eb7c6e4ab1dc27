import { Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import { AsyncLocalStorage } from 'node:async_hooks';
import type { Request } from 'express';
import { Observable } from 'rxjs';
import type { ActorKind } from './audit-event.entity.js';

export interface Actor {
  kind: ActorKind;
  id: number | null;
}

const SYSTEM: Actor = { kind: 'system', id: null };
const requests = new AsyncLocalStorage<Actor>();

/** Who is acting now: the signed-in person, the candidate (a request without one), or the system (no request). */
export function currentActor(): Actor {
  return requests.getStore() ?? SYSTEM;
}

/** Runs `work` as this actor (the demo and tests attribute their writes with it). */
export function runAs<T>(actor: Actor, work: () => T): T {
  return requests.run(actor, work);
}

/**
 * Sets the actor for the rest of each request, after sign-in and guards: every write the handler causes, however
 * deep, is attributed to them. Requests without a signed-in user are the candidate's (careers site, portal).
 */
@Injectable()
export class AuditActorInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const user = context.switchToHttp().getRequest<Request>().user;
    const actor: Actor = user ? { kind: 'user', id: user.id } : { kind: 'candidate', id: null };
    return new Observable((subscriber) => requests.run(actor, () => next.handle().subscribe(subscriber)));
  }
}
