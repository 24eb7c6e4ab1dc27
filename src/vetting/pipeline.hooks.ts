import { Injectable } from '@nestjs/common';
import {
  BoardMarks,
  OnStageChange,
  StageGateProvider,
  type BoardMarksProvider,
  type CardMark,
  type StageChange,
  type StageGate,
  type StageListener,
} from '../candidates/application-hub.js';
import type { Application } from '../candidates/entities/application.entity.js';
import { mayMailCandidate } from '../candidates/candidate-mail.js';
import { stages } from '../candidates/stages.js';
import { OutboxRepository } from '../mail/outbox.repository.js';
import { PortalService } from './portal.service.js';
import { VettingService } from './vetting.service.js';

/** Every required vetting step must pass before an interview (an admin may override, with a written reason). */
@Injectable()
@StageGateProvider()
export class VettingGate implements StageGate {
  readonly before = 'interview' as const;

  constructor(private readonly vetting: VettingService) {}

  async check(application: Application) {
    const { passed, unmet } = await this.vetting.gate(application.positionId, application.id);
    return { passed, unmet };
  }
}

const STEPS = [
  { key: 'assessment', short: 'A', label: 'Assessment' },
  { key: 'writing', short: 'W', label: 'Writing test' },
  { key: 'presentation', short: 'P', label: 'Presentation' },
] as const;

/** Pass/fail/pending marks of the three vetting steps on each board card. */
@Injectable()
@BoardMarks()
export class VettingBoardMarks implements BoardMarksProvider {
  constructor(private readonly vetting: VettingService) {}

  async marksFor(positionId: number, applicationIds: number[]): Promise<Map<number, CardMark[]>> {
    const marks = await this.vetting.marks(positionId, applicationIds);
    return new Map(
      [...marks].map(([id, mark]) => [
        id,
        STEPS.map((step) => ({ short: step.short, label: step.label, status: mark[step.key], text: mark[step.key] })),
      ]),
    );
  }
}

/** A closed application's portal link stops working at once, in the same transaction as the move. */
@Injectable()
@OnStageChange()
export class PortalClosing implements StageListener {
  constructor(private readonly portal: PortalService) {}

  async onStageChange({ application, to }: StageChange): Promise<void> {
    if (stages.isClosed(to)) await this.portal.revokeAll(application.id);
  }
}

/**
 * Moving to Vetting opens the candidate's tasks. A self-arrived candidate (careers site, agency) holding only the
 * link mailed on applying gets their next steps with a new link (PortalService.inviteToVetting). A candidate with no
 * link at all (entered by the hiring team) gets the writing test invitation with their first link, once per
 * application, when the position asks for a writing test (else the next steps). One invited by a member of staff
 * before the move already has their tasks and hears nothing more.
 */
@Injectable()
@OnStageChange()
export class PortalInviting implements StageListener {
  constructor(
    private readonly portal: PortalService,
    private readonly vetting: VettingService,
    private readonly outbox: OutboxRepository,
  ) {}

  async onStageChange({ application, to, user }: StageChange): Promise<void> {
    if (to !== 'vetting') return;
    if (await this.portal.activeLink(application.id)) return this.portal.inviteToVetting(user, application);
    const writing = (await this.vetting.configFor(application.positionId)).writingRequired;
    const key = writing ? 'writing-test-invitation' : 'portal-link';
    if (!mayMailCandidate(application, key) || (await this.outbox.hasTemplate(application.id, key))) return;
    await this.portal.issue(user, application, key);
  }
}

export const PipelineHooks = [VettingGate, VettingBoardMarks, PortalClosing, PortalInviting];
