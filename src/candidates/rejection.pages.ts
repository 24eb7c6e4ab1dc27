import { Injectable } from '@nestjs/common';
import { confirmationPage } from '../common/confirmation.js';
import type { FormPage, PageRequest } from '../common/decorators.js';
import { DomainError } from '../common/errors.js';
import { messageTemplate } from '../mail/message-templates.js';
import { positionSummary } from '../positions/positions.view.js';
import { PositionsService } from '../positions/positions.service.js';
import { STAGE_LABELS, type Application } from './entities/application.entity.js';
import { STAGE_GROUP_LABELS, type RejectionReason } from './entities/rejection-reason.entity.js';
import { PipelineService } from './pipeline.service.js';
import { RejectionService } from './rejection.service.js';
import { stages } from './stages.js';

const DAY_MS = 86_400_000;

const reasonChoices = (reasons: RejectionReason[]) =>
  reasons.map((reason) => ({ value: String(reason.id), label: reason.label }));

/** When a message sent "after a delay" today would go (shown with {{dateTime}}, in the viewer's zone). */
function delayed(days: number): { days: number; at: Date } {
  return { days, at: new Date(Date.now() + days * DAY_MS) };
}

function requireOpen(application: Application): void {
  if (!stages.canMove(application.stage, 'rejected'))
    throw new DomainError('conflict', `An application in ${STAGE_LABELS[application.stage]} cannot be rejected.`);
}

/** The confirmation step before one application is rejected: reason, message, when. */
@Injectable()
export class RejectPage implements FormPage {
  readonly view = 'applications/reject';

  constructor(
    private readonly pipeline: PipelineService,
    private readonly rejection: RejectionService,
  ) {}

  async build({ user, id }: PageRequest) {
    const application = await this.pipeline.findManaged(user, id);
    requireOpen(application);
    const group = stages.rejectionGroup(application.stage);
    const [reasons, draft, days] = await Promise.all([
      this.rejection.reasonsFor([group]),
      this.rejection.draft(application),
      this.rejection.delayDays(),
    ]);
    const name = application.candidate.name;
    return {
      title: `Reject ${name}`,
      application: { id: application.id, stageLabel: STAGE_LABELS[application.stage] },
      candidateName: name,
      position: positionSummary(application.position),
      reasons: reasonChoices(reasons),
      template: messageTemplate(draft.key)?.label,
      delay: delayed(days),
      values: { send: 'message', when: 'later', subject: draft.subject, body: draft.body },
    };
  }
}

/** The same step once for the applications ticked in a position's list. */
@Injectable()
export class BulkRejectPage implements FormPage {
  readonly view = 'applications/bulk-reject';

  constructor(
    private readonly positions: PositionsService,
    private readonly rejection: RejectionService,
  ) {}

  async build({ user, id, query = {}, body }: PageRequest) {
    const ids = [(body ?? query).ids].flat().map(Number).filter(Number.isInteger);
    const [position, applications] = await Promise.all([
      this.positions.findOrFail(id),
      this.rejection.selection(user, id, ids),
    ]);
    const groups = this.rejection.groupsOf(applications);
    const [reasons, days] = await Promise.all([this.rejection.reasonsFor(groups), this.rejection.delayDays()]);
    const count = `${applications.length} ${applications.length === 1 ? 'application' : 'applications'}`;
    const delay = delayed(days);
    return {
      ...confirmationPage({
        heading: `Reject ${count}?`,
        consequences: [
          `These ${count} move to Rejected now and their portal links stop working.`,
          `With a message, each candidate receives theirs now or after ${days} ${days === 1 ? 'day' : 'days'}, as you choose below; until then each rejection can be undone from its application page.`,
        ],
        action: `/positions/${position.id}/applications/reject`,
        button: `Reject ${count}`,
        cancel: `/positions/${position.id}/applications`,
      }),
      position: positionSummary(position),
      count: applications.length,
      applications: applications.map((application) => ({
        id: application.id,
        name: application.candidate.name,
        stageLabel: STAGE_LABELS[application.stage],
      })),
      templates: groups.map((group) => ({
        group: STAGE_GROUP_LABELS[group],
        label: messageTemplate(`rejection-${group}`)?.label,
        key: `rejection-${group}`,
      })),
      reasons: reasonChoices(reasons),
      delay,
      values: { send: 'message', when: 'later' },
    };
  }
}
