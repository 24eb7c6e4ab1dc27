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
import { stages } from '../candidates/stages.js';
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

/** Moving a self-arrived application (careers site, agency) to Vetting mails the candidate their next steps. */
@Injectable()
@OnStageChange()
export class PortalInviting implements StageListener {
  constructor(private readonly portal: PortalService) {}

  async onStageChange({ application, to, user }: StageChange): Promise<void> {
    if (to === 'vetting') await this.portal.inviteToVetting(user, application);
  }
}

export const PipelineHooks = [VettingGate, VettingBoardMarks, PortalClosing, PortalInviting];
