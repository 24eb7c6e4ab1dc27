import { Injectable } from '@nestjs/common';
import type { User } from '../accounts/entities/user.entity.js';
import type { Application } from '../candidates/entities/application.entity.js';
import { PipelineService } from '../candidates/pipeline.service.js';
import { DomainError } from '../common/errors.js';

/** Who may read a candidate's messages in the outbox, and who may write to a candidate. */
@Injectable()
export class MessagesAccess {
  constructor(private readonly pipeline: PipelineService) {}

  /** The outbox holds every message, staff mail included: admins only. */
  canOpenOutbox(user: User): boolean {
    return user.hasRole('admin');
  }

  /** People who may manage the application (the candidates rule); never to a candidate who withdrew. */
  async writable(user: User, applicationId: number): Promise<Application> {
    const application = await this.pipeline.findManaged(user, applicationId);
    if (application.stage === 'withdrawn')
      throw new DomainError(
        'conflict',
        `${application.candidate.name} withdrew this application, so Keeper sends them no further messages about it.`,
      );
    return application;
  }
}
