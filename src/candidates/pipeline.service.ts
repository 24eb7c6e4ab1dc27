import { Injectable, type OnModuleInit } from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import { randomInt } from 'node:crypto';
import type { User } from '../accounts/entities/user.entity.js';
import { contributionsOf } from '../common/contributions.js';
import { DomainError, FormInvalidError, notFound } from '../common/errors.js';
import type { PageRequest } from '../common/pagination.js';
import { UnitOfWork } from '../database/unit-of-work.js';
import { PositionsService } from '../positions/positions.service.js';
import {
  BoardMarks,
  OnStageChange,
  StageGateProvider,
  type BoardMarksProvider,
  type CardMark,
  type StageGate,
  type StageListener,
} from './application-hub.js';
import { CandidatesAccess } from './candidates.access.js';
import { CandidatesRepository, type ApplicationsFilter } from './candidates.repository.js';
import { PIPELINE_STAGES, STAGE_LABELS, type Application, type Stage } from './entities/application.entity.js';
import type { Candidate, Source } from './entities/candidate.entity.js';
import type { Position } from '../positions/entities/position.entity.js';
import type { RejectionReason } from './entities/rejection-reason.entity.js';
import { stages } from './stages.js';

/** How an application arrived: who entered it (null: the candidate), its source and what the candidate agreed to. */
export interface Intake {
  by: User | null;
  source: Source;
  summary?: string;
  agencyId?: number | null;
  recruiterId?: number | null;
  privacyNoticeVersion?: number | null;
  privacyAcceptedAt?: Date | null;
  outcomesConfirmedAt?: Date | null;
}

const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
export const BOARD_COLUMN_SIZE = 20;

export interface GateCheck {
  passed: boolean;
  unmet: string[];
}

/**
 * Applications moving through the stages. Later steps plug in without being imported: gates a stage must pass
 * (vetting before Interview), listeners told of every change inside its transaction, marks on board cards.
 */
@Injectable()
export class PipelineService implements OnModuleInit {
  private gates: StageGate[] = [];
  private listeners: StageListener[] = [];
  private markers: BoardMarksProvider[] = [];

  constructor(
    private readonly candidates: CandidatesRepository,
    private readonly positions: PositionsService,
    private readonly access: CandidatesAccess,
    private readonly uow: UnitOfWork,
    private readonly discovery: DiscoveryService,
  ) {}

  onModuleInit(): void {
    this.gates = contributionsOf<StageGate, { order?: number }>(this.discovery, StageGateProvider).map(
      (c) => c.instance,
    );
    this.listeners = contributionsOf<StageListener, { order?: number }>(this.discovery, OnStageChange).map(
      (c) => c.instance,
    );
    this.markers = contributionsOf<BoardMarksProvider, { order?: number }>(this.discovery, BoardMarks).map(
      (c) => c.instance,
    );
  }

  async assertOpenForApplications(positionId: number): Promise<void> {
    const position = await this.positions.findOrFail(positionId);
    if (position.status !== 'published' || !position.publishedVersion) {
      throw FormInvalidError.single('positionId', `“${position.title}” is not published, so it takes no applications.`);
    }
  }

  /** The candidate applies to the position's current published version (inside the caller's unit of work). */
  async apply(user: User, candidate: Candidate, positionId: number): Promise<Application> {
    const position = await this.positions.requireEditable(user, positionId);
    if (await this.candidates.applicationExists(candidate.id, positionId)) {
      throw FormInvalidError.single('positionId', `${candidate.name} has already applied to “${position.title}”.`);
    }
    return this.open(candidate, position, { by: user, source: candidate.source });
  }

  /**
   * An application that no staff member entered: the candidate applied on the careers site (`by` null) or a recruiter
   * submitted them. The caller has checked that the position takes applications from them and that none exists.
   */
  receive(candidate: Candidate, position: Position, intake: Intake): Promise<Application> {
    return this.open(candidate, position, intake);
  }

  private async open(candidate: Candidate, position: Position, intake: Intake): Promise<Application> {
    const { by, summary, ...fields } = intake;
    const application = await this.candidates.saveApplication({
      ...fields,
      candidateId: candidate.id,
      positionId: position.id,
      positionVersion: position.publishedVersion!,
      stage: 'applied',
      stageChangedAt: new Date(),
      code: await this.newCode(),
      createdById: by?.id ?? null,
    });
    await this.candidates.addEvent({
      applicationId: application.id,
      toStage: 'applied',
      summary: summary ?? `Applied to version ${position.publishedVersion}`,
      byId: by?.id ?? null,
    });
    return application;
  }

  /** Only the position's hiring manager, its creator or an admin act on its applications; other managers read. */
  assertCanManage(user: User, application: Application): void {
    this.access.requireManage(user, application);
  }

  canManage(user: User, application: Application): boolean {
    return this.access.canManage(user, application);
  }

  async findOrFail(id: number): Promise<Application> {
    const application = await this.candidates.findApplication(id);
    if (!application) throw notFound('That application');
    return application;
  }

  /** Several applications with their candidates and positions, for later steps' lists (no access check). */
  findMany(ids: number[]): Promise<Application[]> {
    return this.candidates.findApplicationsWithPeople([...new Set(ids)]);
  }

  /** The application, for a user who may act on it (403 otherwise). */
  async findManaged(user: User, id: number): Promise<Application> {
    const application = await this.findOrFail(id);
    this.access.requireManage(user, application);
    return application;
  }

  events(id: number) {
    return this.candidates.findEvents(id);
  }

  reasons() {
    return this.candidates.findActiveReasons();
  }

  nextStages(application: Application): Stage[] {
    return stages.next(application.stage);
  }

  /** Every gate before `to` (the vetting steps before Interview): passed only when all pass. */
  async gate(application: Application, to: Stage = 'interview'): Promise<GateCheck> {
    const checks = await Promise.all(
      this.gates.filter((gate) => gate.before === to).map((gate) => gate.check(application)),
    );
    return { passed: checks.every((check) => check.passed), unmet: checks.flatMap((check) => check.unmet) };
  }

  async move(user: User, id: number, to: Stage, overrideReason: string | null | undefined): Promise<Application> {
    const application = await this.findManaged(user, id);
    if (to === 'rejected') throw FormInvalidError.single('to', 'Reject with a reason instead.');
    if (!stages.canMove(application.stage, to)) {
      throw new DomainError(
        'conflict',
        `An application in ${STAGE_LABELS[application.stage]} cannot move to ${STAGE_LABELS[to]}.`,
      );
    }
    let summary = `Moved from ${STAGE_LABELS[application.stage]} to ${STAGE_LABELS[to]}`;
    const gate = await this.gate(application, to);
    if (!gate.passed) {
      if (!this.access.canOverrideGate(user))
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
    return this.changeStage(user, application, to, summary);
  }

  /** A rejection without a message to the candidate (the demo's history); see RejectionService for the step. */
  async reject(user: User, id: number, reasonId: number): Promise<Application> {
    const reason = await this.candidates.findReason(reasonId);
    if (!reason?.active) throw FormInvalidError.single('reasonId', 'Choose a reason from the list');
    return this.rejectWith(user, await this.findManaged(user, id), reason, '');
  }

  /** Rejects with a reason, keeping the stage it left for an undo; `more` ends the history line. */
  rejectWith(user: User, application: Application, reason: RejectionReason, more: string): Promise<Application> {
    if (!stages.canMove(application.stage, 'rejected')) {
      throw new DomainError('conflict', `An application in ${STAGE_LABELS[application.stage]} cannot be rejected.`);
    }
    Object.assign(application, { rejectionReasonId: reason.id, rejectedFromStage: application.stage });
    const summary = `Rejected from ${STAGE_LABELS[application.stage]}: ${reason.label}.${more ? ` ${more}` : ''}`;
    return this.changeStage(user, application, 'rejected', summary);
  }

  /** A rejected application goes back to the stage it left, without its reason (an undo or a reopening). */
  async restore(user: User, application: Application, summary: string): Promise<Application> {
    const to = application.rejectedFromStage ?? (await this.stageBeforeRejection(application.id));
    Object.assign(application, { rejectionReasonId: null, rejectedFromStage: null, rejectionMessageId: null });
    return this.changeStage(user, application, to, `Back to ${STAGE_LABELS[to]}: ${summary}`);
  }

  /** Records the rejection's message on the application (inside the rejection's unit of work). */
  async recordRejectionMessage(application: Application, messageId: number): Promise<void> {
    application.rejectionMessageId = messageId;
    await this.candidates.saveApplication({ id: application.id, rejectionMessageId: messageId });
  }

  /** The stage of an application rejected before Keeper kept it on the application (from its history). */
  private async stageBeforeRejection(id: number): Promise<Stage> {
    const events = await this.candidates.findEvents(id);
    const rejection = events.filter((event) => event.toStage === 'rejected').pop();
    if (!rejection?.fromStage) throw new DomainError('conflict', 'The stage this application left is not known.');
    return rejection.fromStage as Stage;
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
    const ids = columns.flatMap((column) => column.applications.map((application) => application.id));
    const marks = new Map<number, CardMark[]>();
    for (const marker of this.markers) {
      for (const [id, more] of await marker.marksFor(positionId, ids))
        marks.set(id, [...(marks.get(id) ?? []), ...more]);
    }
    return { columns, marks, closed: (counts.get('rejected') ?? 0) + (counts.get('withdrawn') ?? 0) };
  }

  list(positionId: number, filter: ApplicationsFilter, page: PageRequest) {
    return this.candidates.findApplicationPage(positionId, filter, page);
  }

  /** Applications in Vetting on the published positions a manager runs (for their to-do list). */
  /** Shows the position's first-year development plan to the candidate in their portal (method rule 4). */
  async sharePlan(user: User, id: number): Promise<Application> {
    const application = await this.findManaged(user, id);
    if (application.planSharedAt) return application;
    application.planSharedAt = new Date();
    await this.uow.run(async () => {
      await this.candidates.saveApplication({ id, planSharedAt: application.planSharedAt });
      await this.note(user, application, 'Shared the first-year development plan in the candidate portal');
    });
    return application;
  }

  /** The candidate opened the shared plan in their portal for the first time. */
  async recordPlanOpened(application: Application): Promise<void> {
    if (!application.planSharedAt || application.planOpenedAt) return;
    application.planOpenedAt = new Date();
    await this.candidates.saveApplication({ id: application.id, planOpenedAt: application.planOpenedAt });
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
    if (!stages.isSchedulable(application.stage)) {
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
      return this.rejectWith(user, application, reason, summary);
    }
    await this.note(user, application, summary);
    return application;
  }

  /** Offer → Hired, when the candidate accepts the offer (inside the acceptance's unit of work). */
  async recordHire(user: User, application: Application, summary: string): Promise<Application> {
    this.assertCanManage(user, application);
    if (application.stage !== 'offer')
      throw new DomainError(
        'conflict',
        `The application is in ${STAGE_LABELS[application.stage]}; only an application in Offer can be hired.`,
      );
    return this.changeStage(user, application, 'hired', summary);
  }

  /** Records something done to an application that is not a move (e.g. a vetting result). */
  async note(user: User, application: Application, summary: string): Promise<void> {
    await this.candidates.addEvent({ applicationId: application.id, summary, byId: user.id });
  }

  /** One unit of work: the conditional move, its history line and every listener's writes (e.g. the portal link revoked). */
  private changeStage(user: User, application: Application, to: Stage, summary: string): Promise<Application> {
    const from = application.stage;
    return this.uow.run(async () => {
      // Only from the stage this request saw: a concurrent move wins, this one is refused.
      const changed = await this.candidates.changeStage(application.id, from, to, {
        rejectionReasonId: application.rejectionReasonId,
        rejectedFromStage: application.rejectedFromStage,
        rejectionMessageId: application.rejectionMessageId,
      });
      if (!changed)
        throw new DomainError(
          'conflict',
          'Someone else moved this application a moment ago. Reload the page to see where it is now.',
        );
      await this.candidates.addEvent({
        applicationId: application.id,
        fromStage: from,
        toStage: to,
        summary,
        byId: user.id,
      });
      Object.assign(application, { stage: to, stageChangedAt: new Date() });
      for (const listener of this.listeners) await listener.onStageChange({ application, from, to, user });
      return application;
    });
  }

  private async newCode(): Promise<string> {
    for (;;) {
      const code = `A-${Array.from({ length: 4 }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]).join('')}`;
      if (!(await this.candidates.codeExists(code))) return code;
    }
  }
}
