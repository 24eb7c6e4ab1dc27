import { Injectable } from '@nestjs/common';
import { confirmationPage } from '../common/confirmation.js';
import type { FormPage, PageRequest } from '../common/decorators.js';
import { DomainError } from '../common/errors.js';
import type { PositionStatus } from '../positions/entities/position.entity.js';
import { positionSummary } from '../positions/positions.view.js';
import { STATUS_LABELS } from '../positions/publishing.service.js';
import { STAGE_LABELS } from './entities/application.entity.js';
import { PipelineService } from './pipeline.service.js';
import { PositionStatusService } from './position-status.service.js';
import { RejectionService } from './rejection.service.js';

/** The question and the button of each change. */
const WORDING: Record<PositionStatus, { heading: (title: string) => string; button: string }> = {
  draft: { heading: (title) => title, button: '' },
  published: { heading: (title) => `Reopen ${title}?`, button: 'Reopen the position' },
  'on-hold': { heading: (title) => `Put ${title} on hold?`, button: 'Put the position on hold' },
  filled: { heading: (title) => `Mark ${title} as filled?`, button: 'Mark the position as filled' },
  closed: { heading: (title) => `Close ${title}?`, button: 'Close the position' },
};

const WHAT_HAPPENS: Record<PositionStatus, string[]> = {
  draft: [],
  published: ['The position is published again: the careers site and share links show it.'],
  'on-hold': [
    'The careers site stops taking applications; share links keep showing the position.',
    'Applications stay where they are; you can reopen the position later.',
  ],
  filled: ['The careers site and share links stop showing the position.', 'You can still close it later.'],
  closed: [
    'The careers site and share links stop showing the position.',
    'A closed position stays closed: to recruit again, clone it.',
  ],
};

/** The confirmation step of a status change; for an ending status, the choice about the open applications. */
@Injectable()
export class PositionStatusPage implements FormPage {
  readonly view = 'positions/status';

  constructor(
    private readonly status: PositionStatusService,
    private readonly rejection: RejectionService,
    private readonly pipeline: PipelineService,
  ) {}

  async build({ user, id, query = {}, body }: PageRequest) {
    const to = String((body ?? query).status ?? '') as PositionStatus;
    if (!(to in STATUS_LABELS)) throw new DomainError('invalid', 'Choose a status.');
    const { position, allowed, open } = await this.status.step(user, id, to);
    if (!allowed)
      throw new DomainError(
        'conflict',
        `A ${STATUS_LABELS[position.status].toLowerCase()} position cannot become ${STATUS_LABELS[to].toLowerCase()}.`,
      );
    const applications = open.length ? await this.pipeline.findMany(open.map((application) => application.id)) : [];
    const groups = this.rejection.groupsOf(applications);
    const [reasons, days] = open.length
      ? await Promise.all([this.rejection.reasonsFor(groups), this.rejection.delayDays()])
      : [[], 0];
    const count = `${open.length} open ${open.length === 1 ? 'application' : 'applications'}`;
    return {
      ...confirmationPage({
        heading: WORDING[to].heading(position.title),
        consequences: [
          `The position becomes ${STATUS_LABELS[to].toLowerCase()}.`,
          ...WHAT_HAPPENS[to],
          ...(open.length ? [`It has ${count}: choose below what happens to them.`] : []),
        ],
        action: `/positions/${position.id}/status`,
        button: WORDING[to].button,
        cancel: `/positions/${position.id}`,
        hidden: [{ name: 'status', value: to }],
      }),
      position: positionSummary(position),
      open: applications.map((application) => ({
        name: application.candidate.name,
        stage: STAGE_LABELS[application.stage],
      })),
      openCount: count,
      reasons: reasons.map((reason) => ({ value: String(reason.id), label: reason.label })),
      delay: { days, at: new Date(Date.now() + days * 86_400_000) },
      values: { applications: '', send: 'message', when: 'later' },
    };
  }
}
