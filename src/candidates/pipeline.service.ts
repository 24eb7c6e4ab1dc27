import { Injectable } from '@nestjs/common';
import { randomInt } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { User } from '../accounts/entities/user.entity.js';
import { DomainError, FormInvalidError, notFound } from '../common/errors.js';
import type { PageRequest } from '../common/pagination.js';
import { assertCanEditPosition, canEditPosition } from '../positions/position-access.js';
import { PositionsService } from '../positions/positions.service.js';
import { PortalService } from '../vetting/portal.service.js';
import { VettingService, type GateResult } from '../vetting/vetting.service.js';
import { CandidatesRepository, type ApplicationsFilter } from './candidates.repository.js';
import { PIPELINE_STAGES, STAGE_LABELS, type Application, type Stage } from './entities/application.entity.js';
import type { Candidate } from './entities/candidate.entity.js';

/** Where an application may go from each stage. Rejected and withdrawn are final. */
const NEXT: Record<Stage, Stage[]> = {
  applied: ['vetting', 'rejected', 'withdrawn'],
  vetting: ['interview', 'rejected', 'withdrawn'],
  interview: ['decision', 'rejected', 'withdrawn'],
  decision: ['offer', 'rejected', 'withdrawn'],
  // Hired only by accepting a recorded offer (HiresService), which creates the new hire's account and plans.
  offer: ['rejected', 'withdrawn'],
  hired: [],
  rejected: [],
  withdrawn: [],
};

const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
export const BOARD_COLUMN_SIZE = 20;

/** Applications moving through the stages, with the vetting gate before any interview. */
@Injectable()
export class PipelineService {
  constructor(
    private readonly candidates: CandidatesRepository,
    private readonly positions: PositionsService,
    private readonly vetting: VettingService,
    private readonly portal: PortalService,
  ) {}

  async assertOpenForApplications(positionId: number): Promise<void> {
    const position = await this.positions.findOrFail(positionId);
    if (position.status !== 'published' || !position.publishedVersion) {
      throw FormInvalidError.single('positionId', `“${position.title}” is not published, so it takes no applications.`);
    }
  }

  /** The candidate applies to the position's current published version. */
  async apply(user: User, candidate: Candidate, positionId: number, manager: EntityManager): Promise<Application> {
    const position = await this.positions.findOrFail(positionId);
    assertCanEditPosition(user, position);
    if (await this.candidates.applicationExists(candidate.id, positionId)) {
      throw FormInvalidError.single('positionId', `${candidate.name} has already applied to “${position.title}”.`);
    }
    const application = await this.candidates.saveApplication(
      {
        candidateId: candidate.id,
        positionId,
        positionVersion: position.publishedVersion!,
        stage: 'applied',
        stageChangedAt: new Date(),
        code: await this.newCode(),
        createdById: user.id,
      },
      manager,
    );
    await this.candidates.addEvent(
      {
        applicationId: application.id,
        toStage: 'applied',
        summary: `Applied to version ${position.publishedVersion}`,
        byId: user.id,
      },
      manager,
    );
    return application;
  }

  /** Only the position's hiring manager, its creator or an admin act on its applications; other managers read. */
  assertCanManage(user: User, application: Application): void {
    assertCanEditPosition(user, application.position);
  }

  canManage(user: User, application: Application): boolean {
    return canEditPosition(user, application.position);
  }

  async findOrFail(id: number): Promise<Application> {
    const application = await this.candidates.findApplication(id);
    if (!application) throw notFound('That application');
    return application;
  }

  events(id: number) {
    return this.candidates.findEvents(id);
  }

  reasons() {
    return this.candidates.findActiveReasons();
  }

  nextStages(application: Application): Stage[] {
    return NEXT[application.stage];
  }

  /** Every required vetting step must pass before an interview; an admin may override with a written reason. */
  gate(application: Application): Promise<GateResult> {
    return this.vetting.gate(application.positionId, application.id);
  }

  async move(user: User, id: number, to: Stage, overrideReason: string | null | undefined): Promise<Application> {
    const application = await this.findOrFail(id);
    this.assertCanManage(user, application);
    if (to === 'rejected') throw FormInvalidError.single('to', 'Reject with a reason instead.');
    if (!NEXT[application.stage].includes(to)) {
      throw new DomainError(
        'conflict',
        `An application in ${STAGE_LABELS[application.stage]} cannot move to ${STAGE_LABELS[to]}.`,
      );
    }
    let summary = `Moved from ${STAGE_LABELS[application.stage]} to ${STAGE_LABELS[to]}`;
    if (to === 'interview') {
      const gate = await this.gate(application);
      if (!gate.passed) {
        if (!user.hasRole('admin'))
          throw FormInvalidError.single(
            'to',
            `Vetting is not complete: ${gate.unmet.join('; ')}. Only an admin can override this, with a written reason.`,
          );
        if (!overrideReason)
          throw FormInvalidError.single(
            'overrideReason',
            'Write why this candidate should be interviewed before vetting is complete',
          );
        summary += ` — vetting gate overridden by an admin: “${overrideReason}”`;
      }
    }
    return this.changeStage(user, application, to, summary);
  }

  async reject(user: User, id: number, reasonId: number): Promise<Application> {
    const application = await this.findOrFail(id);
    this.assertCanManage(user, application);
    return this.rejectOne(user, application, reasonId);
  }

  async bulkReject(user: User, positionId: number, ids: number[], reasonId: number): Promise<number> {
    assertCanEditPosition(user, await this.positions.findOrFail(positionId));
    const applications = await this.candidates.findApplicationsByIds(positionId, ids);
    const open = applications.filter((application) => NEXT[application.stage].includes('rejected'));
    for (const application of open) await this.rejectOne(user, application, reasonId);
    return open.length;
  }

  async board(positionId: number) {
    const counts = await this.candidates.countByStage(positionId);
    const columns = [];
    for (const stage of PIPELINE_STAGES) {
      columns.push({
        stage,
        count: counts.get(stage) ?? 0,
        applications: await this.candidates.findColumn(positionId, stage, BOARD_COLUMN_SIZE),
      });
    }
    const marks = await this.vetting.marks(
      positionId,
      columns.flatMap((column) => column.applications.map((application) => application.id)),
    );
    return { columns, marks, closed: (counts.get('rejected') ?? 0) + (counts.get('withdrawn') ?? 0) };
  }

  list(positionId: number, filter: ApplicationsFilter, page: PageRequest) {
    return this.candidates.findApplicationPage(positionId, filter, page);
  }

  /** Per position: how many applications in Vetting have passed every required step and wait for an interview. */
  async readyForInterview(managerId: number): Promise<{ positionId: number; title: string; count: number }[]> {
    const applications = await this.candidates.findInVettingForManager(managerId);
    const byPosition = new Map<number, Application[]>();
    for (const application of applications)
      byPosition.set(application.positionId, [...(byPosition.get(application.positionId) ?? []), application]);
    const result = [];
    for (const [positionId, group] of byPosition) {
      const passed = await this.vetting.passedGate(
        positionId,
        group.map((application) => application.id),
      );
      if (passed.length) result.push({ positionId, title: group[0].position.title, count: passed.length });
    }
    return result;
  }

  /** Shows the position's first-year development plan to the candidate in their portal (method rule 4). */
  async sharePlan(user: User, id: number): Promise<Application> {
    const application = await this.findOrFail(id);
    this.assertCanManage(user, application);
    if (application.planSharedAt) return application;
    application.planSharedAt = new Date();
    await this.candidates.saveApplication({ id, planSharedAt: application.planSharedAt });
    await this.note(user, application, 'Shared the first-year development plan in the candidate portal');
    return application;
  }

  /**
   * The debrief's decision moves the application: hire → Offer, no hire → Rejected (with a reason), hold → stays for
   * another round. Works from Interview or Decision, so a decision never has to pass through a manual move first.
   */
  async recordDecision(
    user: User,
    application: Application,
    decision: 'hire' | 'no-hire' | 'hold',
    summary: string,
    reasonId: number | null,
  ): Promise<Application> {
    this.assertCanManage(user, application);
    if (!['interview', 'decision'].includes(application.stage)) {
      throw new DomainError(
        'conflict',
        `The application is in ${STAGE_LABELS[application.stage]}; a debrief decision needs it in Interview or Decision.`,
      );
    }
    if (decision === 'hire') return this.changeStage(user, application, 'offer', summary);
    if (decision === 'no-hire') {
      const reason = reasonId ? await this.candidates.findReason(reasonId) : null;
      if (!reason?.active)
        throw FormInvalidError.single('reasonId', 'Choose the rejection reason for a no-hire decision');
      application.rejectionReasonId = reason.id;
      return this.changeStage(user, application, 'rejected', `${summary} Rejected: ${reason.label}.`);
    }
    await this.note(user, application, summary);
    return application;
  }

  /** Offer → Hired, when the candidate accepts the offer; the portal link stops working. */
  async recordHire(user: User, application: Application, summary: string): Promise<Application> {
    this.assertCanManage(user, application);
    if (application.stage !== 'offer')
      throw new DomainError(
        'conflict',
        `The application is in ${STAGE_LABELS[application.stage]}; only an application in Offer can be hired.`,
      );
    const hired = await this.changeStage(user, application, 'hired', summary);
    await this.portal.revokeAll(application.id);
    return hired;
  }

  /** Records something done to an application that is not a move (e.g. a vetting result). */
  async note(user: User, application: Application, summary: string): Promise<void> {
    await this.candidates.addEvent({ applicationId: application.id, summary, byId: user.id });
  }

  private async rejectOne(user: User, application: Application, reasonId: number): Promise<Application> {
    const reason = await this.candidates.findReason(reasonId);
    if (!reason?.active) throw FormInvalidError.single('reasonId', 'Choose a reason from the list');
    if (!NEXT[application.stage].includes('rejected')) {
      throw new DomainError('conflict', `An application in ${STAGE_LABELS[application.stage]} cannot be rejected.`);
    }
    application.rejectionReasonId = reason.id;
    return this.changeStage(
      user,
      application,
      'rejected',
      `Rejected from ${STAGE_LABELS[application.stage]}: ${reason.label}`,
    );
  }

  private changeStage(user: User, application: Application, to: Stage, summary: string): Promise<Application> {
    const from = application.stage;
    return this.candidates.transaction(async (manager) => {
      // Only from the stage this request saw: a concurrent move wins, this one is refused.
      const changed = await this.candidates.changeStage(
        application.id,
        from,
        to,
        application.rejectionReasonId,
        manager,
      );
      if (!changed)
        throw new DomainError(
          'conflict',
          'Someone else moved this application a moment ago. Reload the page to see where it is now.',
        );
      const saved = { stage: to, stageChangedAt: new Date() };
      await this.candidates.addEvent(
        { applicationId: application.id, fromStage: from, toStage: to, summary, byId: user.id },
        manager,
      );
      // A closed application's portal link stops working at once.
      if (to === 'rejected' || to === 'withdrawn') await this.portal.revokeAll(application.id);
      return Object.assign(application, saved);
    });
  }

  private async newCode(): Promise<string> {
    for (;;) {
      const code = `A-${Array.from({ length: 4 }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]).join('')}`;
      if (!(await this.candidates.codeExists(code))) return code;
    }
  }
}
