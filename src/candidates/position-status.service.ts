import { Injectable } from '@nestjs/common';
import type { User } from '../accounts/entities/user.entity.js';
import { FormInvalidError } from '../common/errors.js';
import { UnitOfWork } from '../database/unit-of-work.js';
import type { Position, PositionStatus } from '../positions/entities/position.entity.js';
import { PublishingService } from '../positions/publishing.service.js';
import { PositionsService } from '../positions/positions.service.js';
import { CandidatesRepository } from './candidates.repository.js';
import type { PositionStatusDto } from './dto/candidate.dto.js';
import type { Application } from './entities/application.entity.js';
import { RejectionService } from './rejection.service.js';

/** Statuses that end the search: the step asks what happens to the applications still open. */
const ENDING: PositionStatus[] = ['closed', 'filled'];

/**
 * A position's status change after its confirmation step (issue 16). Lives beside the candidates because closing
 * a position offers to reject its open applications with the humane rejection's messages, or to leave them open.
 */
@Injectable()
export class PositionStatusService {
  constructor(
    private readonly positions: PositionsService,
    private readonly publishing: PublishingService,
    private readonly candidates: CandidatesRepository,
    private readonly rejection: RejectionService,
    private readonly uow: UnitOfWork,
  ) {}

  /** The position, the statuses it may take, and the applications an ending status would concern. */
  async step(user: User, id: number, status: PositionStatus) {
    const position = await this.positions.requireEditable(user, id);
    const open = ENDING.includes(status) ? await this.openApplications(id) : [];
    return { position, allowed: this.publishing.nextStatuses(position).includes(status), open };
  }

  /** The confirmed change; with "reject", the open applications are rejected in the same transaction. */
  async change(user: User, id: number, dto: PositionStatusDto): Promise<{ position: Position; rejected: number }> {
    const { open } = await this.step(user, id, dto.status);
    if (open.length && !dto.applications)
      throw FormInvalidError.single('applications', 'Choose what happens to the open applications');
    const reject = open.length > 0 && dto.applications === 'reject';
    return this.uow.run(async () => {
      const rejected = reject
        ? await this.rejection.bulk(
            user,
            id,
            open.map((application) => application.id),
            { reasonId: dto.reasonId!, send: dto.send!, when: dto.when ?? 'later' },
          )
        : 0;
      return { position: await this.publishing.changeStatus(user, id, dto.status), rejected };
    });
  }

  private openApplications(positionId: number): Promise<Application[]> {
    return this.candidates.findOpenApplications(positionId);
  }
}
