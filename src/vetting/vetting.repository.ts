import { Injectable } from '@nestjs/common';
import { In, IsNull, Not, type Repository } from 'typeorm';
import { UserRole } from '../accounts/entities/user-role.entity.js';
import { Application } from '../candidates/entities/application.entity.js';
import { AuditService } from '../audit/audit.service.js';
import { UnitOfWork } from '../database/unit-of-work.js';
import { Assessment } from './entities/assessment.entity.js';
import { PortalLink } from './entities/portal-link.entity.js';
import { PositionGrader } from './entities/position-grader.entity.js';
import { Presentation, PresentationScore } from './entities/presentation.entity.js';
import { VettingConfig } from './entities/vetting-config.entity.js';
import { WritingGrade } from './entities/writing-grade.entity.js';
import { WritingPrompt } from './entities/writing-prompt.entity.js';
import { WritingSubmission } from './entities/writing-submission.entity.js';
import { readOnce } from '../common/read-memo.js';
import { findUnique } from '../database/find-unique.js';

/**
 * The only place vetting meets TypeORM: steps, assessments, writing tests and their grades, presentations and their
 * scores, portal links. Every call joins the active unit of work.
 */
@Injectable()
export class VettingRepository {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly audit: AuditService,
  ) {}

  private get configs(): Repository<VettingConfig> {
    return this.uow.repository(VettingConfig);
  }
  private get prompts(): Repository<WritingPrompt> {
    return this.uow.repository(WritingPrompt);
  }
  private get graders(): Repository<PositionGrader> {
    return this.uow.repository(PositionGrader);
  }
  private get assessments(): Repository<Assessment> {
    return this.uow.repository(Assessment);
  }
  private get submissions(): Repository<WritingSubmission> {
    return this.uow.repository(WritingSubmission);
  }
  private get grades(): Repository<WritingGrade> {
    return this.uow.repository(WritingGrade);
  }
  private get presentations(): Repository<Presentation> {
    return this.uow.repository(Presentation);
  }
  private get scores(): Repository<PresentationScore> {
    return this.uow.repository(PresentationScore);
  }
  private get links(): Repository<PortalLink> {
    return this.uow.repository(PortalLink);
  }

  // A position's vetting steps

  findConfig(positionId: number): Promise<VettingConfig | null> {
    return this.configs.findOneBy({ positionId });
  }

  saveConfig(config: VettingConfig): Promise<VettingConfig> {
    return this.configs.save(config);
  }

  findPrompts(positionId: number): Promise<WritingPrompt[]> {
    return this.prompts.find({ where: { positionId }, order: { sortOrder: 'ASC', id: 'ASC' } });
  }

  async replacePrompts(positionId: number, texts: string[]): Promise<void> {
    await this.prompts.delete({ positionId });
    await this.prompts.save(texts.map((text, sortOrder) => this.prompts.create({ positionId, sortOrder, text })));
  }

  async findGraderIds(positionId: number): Promise<number[]> {
    return (await this.graders.findBy({ positionId })).map((row) => row.userId);
  }

  async replaceGraders(positionId: number, userIds: number[]): Promise<void> {
    await this.graders.delete({ positionId });
    await this.graders.save(userIds.map((userId) => this.graders.create({ positionId, userId })));
  }

  // External assessments

  findAssessment(applicationId: number): Promise<Assessment | null> {
    return findUnique(this.assessments, { where: { applicationId }, relations: { reportFile: true } });
  }

  findAssessments(applicationIds: number[]): Promise<Assessment[]> {
    return this.assessments.findBy({ applicationId: In(applicationIds) });
  }

  saveAssessment(assessment: Partial<Assessment>): Promise<Assessment> {
    return this.assessments.save(this.assessments.create(assessment));
  }

  /**
   * Per published position a manager leads: how many applications in Vetting have passed every required step — the
   * rules of VettingService.marks() and rubricResult() in one statement over all of them (no cap, no loop):
   * the assessment meets both minimums; every assigned grader (at least two) has submitted and the mean, rounded to
   * two places, reaches the pass mark; likewise the presentation's evaluators. No saved steps means every step
   * required with the default marks (vetting.service DEFAULTS).
   */
  async passedGateCounts(managerId: number): Promise<{ positionId: number; title: string; count: number }[]> {
    const rubric = (scores: string, owner: string, column: string, passMean: string) => `(
        (SELECT COUNT(*) FROM ${scores} s WHERE s."${owner}" = ${column}) >= 2
        AND NOT EXISTS (SELECT 1 FROM ${scores} s WHERE s."${owner}" = ${column} AND (s."submittedAt" IS NULL OR s.overall IS NULL))
        AND (SELECT AVG(s.overall) FROM ${scores} s WHERE s."${owner}" = ${column}) >= ${passMean} - 0.005)`;
    const rows = await this.uow.manager
      .getRepository(Application)
      .createQueryBuilder('application')
      .innerJoin('application.position', 'position')
      .leftJoin(VettingConfig, 'config', 'config.positionId = application.positionId')
      .select('application.positionId', 'positionId')
      .addSelect('position.title', 'title')
      .addSelect('COUNT(*)', 'count')
      .where('application.stage = :stage', { stage: 'vetting' })
      .andWhere('position.hiringManagerId = :managerId AND position.status = :status', {
        managerId,
        status: 'published',
      })
      .andWhere(
        `(config.assessmentRequired = FALSE OR EXISTS (SELECT 1 FROM assessments t WHERE t."applicationId" = application.id
          AND t.eligibility >= COALESCE(config.minEligibility, 60) AND t.suitability >= COALESCE(config.minSuitability, 60)))`,
      )
      .andWhere(
        `(config.writingRequired = FALSE OR EXISTS (SELECT 1 FROM writing_submissions w WHERE w."applicationId" = application.id
          AND w."submittedAt" IS NOT NULL AND ${rubric('writing_grades', 'submissionId', 'w.id', 'COALESCE(config.writingPassMean, 3)')}))`,
      )
      .andWhere(
        `(config.presentationRequired = FALSE OR EXISTS (SELECT 1 FROM presentations p WHERE p."applicationId" = application.id
          AND ${rubric('presentation_scores', 'presentationId', 'p.id', 'COALESCE(config.presentationPassMean, 3)')}))`,
      )
      .groupBy('application.positionId')
      .addGroupBy('position.title')
      .orderBy('application.positionId', 'ASC')
      .getRawMany<{ positionId: number; title: string; count: number | string }>();
    return rows.map((row) => ({ positionId: Number(row.positionId), title: row.title, count: Number(row.count) }));
  }

  // Writing tests

  findSubmission(applicationId: number): Promise<WritingSubmission | null> {
    return readOnce(`writing-submission:${applicationId}`, () => this.submissions.findOneBy({ applicationId }));
  }

  findSubmissionById(id: number): Promise<WritingSubmission> {
    return this.submissions.findOneByOrFail({ id });
  }

  /** Which of these applications started or submitted a test, without the texts (for the board). */
  findSubmissionStates(applicationIds: number[]): Promise<WritingSubmission[]> {
    return this.submissions.find({
      where: { applicationId: In(applicationIds) },
      select: { id: true, applicationId: true, submittedAt: true },
    });
  }

  saveSubmission(submission: Partial<WritingSubmission>): Promise<WritingSubmission> {
    return this.submissions.save(this.submissions.create(submission));
  }

  /** Submits once: true only for the call that closed the still-open row. */
  async closeSubmission(id: number, values: Pick<WritingSubmission, 'text' | 'draft' | 'signals'>): Promise<boolean> {
    const submittedAt = new Date();
    const result = await this.submissions
      .createQueryBuilder()
      .update()
      .set({ ...values, submittedAt })
      .where('id = :id AND "submittedAt" IS NULL', { id })
      .execute();
    if (result.affected !== 1) return false;
    await this.audit.changed('writing_submissions', 'writing test', { id }, {}, { text: values.text, submittedAt });
    return true;
  }

  /** Submitted tests with fewer than two graders (their position had too few when they came in). */
  async findSubmittedWithoutTwoGraders(): Promise<{ id: number; applicationId: number }[]> {
    const rows = (await this.submissions
      .createQueryBuilder('submission')
      .leftJoin(WritingGrade, 'grade', 'grade.submissionId = submission.id')
      .where('submission.submittedAt IS NOT NULL')
      .groupBy('submission.id')
      .addGroupBy('submission.applicationId')
      .having('COUNT(grade.id) < 2')
      .select('submission.id', 'id')
      .addSelect('submission.applicationId', 'applicationId')
      .getRawMany()) as { id: number | string; applicationId: number | string }[];
    return rows.map((row) => ({ id: Number(row.id), applicationId: Number(row.applicationId) }));
  }

  // Blind grades

  findGrade(id: number): Promise<WritingGrade | null> {
    return this.grades.findOne({ where: { id }, relations: { submission: true } });
  }

  findGradesOf(submissionId: number): Promise<WritingGrade[]> {
    return this.grades.find({ where: { submissionId }, relations: { grader: true }, order: { id: 'ASC' } });
  }

  findGradesOfSubmissions(submissionIds: number[]): Promise<WritingGrade[]> {
    if (!submissionIds.length) return Promise.resolve([]);
    return readOnce(`writing-grades:${submissionIds.join(',')}`, () =>
      this.grades.findBy({ submissionId: In(submissionIds) }),
    );
  }

  findGradesByGrader(graderId: number): Promise<WritingGrade[]> {
    return this.grades.find({
      where: { graderId },
      relations: { submission: true },
      order: { assignedAt: 'ASC', id: 'ASC' },
    });
  }

  countPendingGrades(graderId: number): Promise<number> {
    return this.grades.countBy({ graderId, submittedAt: IsNull() });
  }

  /** How many ungraded tests each of these graders has waiting. */
  async pendingLoad(graderIds: number[]): Promise<Map<number, number>> {
    const rows = (await this.grades
      .createQueryBuilder('grade')
      .select('grade.graderId', 'graderId')
      .addSelect('COUNT(*)', 'pending')
      .where('grade.submittedAt IS NULL')
      .andWhere('grade.graderId IN (:...ids)', { ids: graderIds })
      .groupBy('grade.graderId')
      .getRawMany()) as { graderId: number; pending: string | number }[];
    return new Map(rows.map((row) => [Number(row.graderId), Number(row.pending)]));
  }

  async assignGraders(submissionId: number, graderIds: number[]): Promise<void> {
    await this.grades.save(
      graderIds.map((graderId) => this.grades.create({ submissionId, graderId, assignedAt: new Date() })),
    );
  }

  /**
   * Holds the writing test's row until the unit of work ends, so its graders submit one at a time (PostgreSQL;
   * SQLite has a single writer and no row locks).
   */
  async lockSubmission(id: number): Promise<void> {
    const query = this.submissions.createQueryBuilder('submission').select('submission.id').where({ id });
    if (this.uow.manager.connection.options.type === 'postgres') query.setLock('pessimistic_write');
    await query.getRawOne();
  }

  /** Saves a writing grade or a presentation score (both are rubric scores). */
  saveScore<S extends WritingGrade | PresentationScore>(score: S): Promise<S> {
    return this.uow.manager.save(score);
  }

  // Research presentations

  findPresentation(applicationId: number): Promise<Presentation | null> {
    return readOnce(`presentation:${applicationId}`, () =>
      findUnique(this.presentations, { where: { applicationId }, relations: { deckFile: true } }),
    );
  }

  /** Which of these applications have a presentation, without the deck (for the board). */
  findPresentationStates(applicationIds: number[]): Promise<Presentation[]> {
    return this.presentations.find({
      where: { applicationId: In(applicationIds) },
      select: { id: true, applicationId: true, sessionAt: true },
    });
  }

  savePresentation(presentation: Partial<Presentation>): Promise<Presentation> {
    return this.presentations.save(this.presentations.create(presentation));
  }

  findScore(id: number): Promise<PresentationScore | null> {
    return this.scores.findOne({ where: { id }, relations: { presentation: true } });
  }

  findScoresOf(presentationId: number): Promise<PresentationScore[]> {
    return this.scores.find({ where: { presentationId }, relations: { evaluator: true }, order: { id: 'ASC' } });
  }

  findScoresOfPresentations(presentationIds: number[]): Promise<PresentationScore[]> {
    if (!presentationIds.length) return Promise.resolve([]);
    return readOnce(`presentation-scores:${presentationIds.join(',')}`, () =>
      this.scores.findBy({ presentationId: In(presentationIds) }),
    );
  }

  findScoresByEvaluator(evaluatorId: number): Promise<PresentationScore[]> {
    return this.scores.find({
      where: { evaluatorId },
      relations: { presentation: true },
      order: { assignedAt: 'ASC' },
    });
  }

  anyScoreSubmitted(presentationId: number): Promise<boolean> {
    return this.scores.existsBy({ presentationId, submittedAt: Not(IsNull()) });
  }

  /** The session's evaluators, replacing any chosen before (only while nobody has scored). */
  async replaceEvaluators(presentationId: number, evaluatorIds: number[]): Promise<void> {
    await this.scores.delete({ presentationId });
    await this.scores.save(
      evaluatorIds.map((evaluatorId) => this.scores.create({ presentationId, evaluatorId, assignedAt: new Date() })),
    );
  }

  // Portal links

  findActiveLink(applicationId: number): Promise<PortalLink | null> {
    return readOnce(`portal-link:${applicationId}`, () =>
      this.links.findOne({ where: { applicationId, revokedAt: IsNull() }, order: { createdAt: 'DESC' } }),
    );
  }

  /** Whether a member of staff (anyone but an agency recruiter) ever issued a portal link for the application. */
  hasLinkFromStaff(applicationId: number): Promise<boolean> {
    return this.links
      .createQueryBuilder('link')
      .innerJoin(UserRole, 'role', 'role."userId" = link."createdById" AND role.role <> :recruiter', {
        recruiter: 'recruiter',
      })
      .where('link."applicationId" = :applicationId', { applicationId })
      .getExists();
  }

  findLink(token: string): Promise<PortalLink | null> {
    return this.links.findOneBy({ token });
  }

  addLink(link: Pick<PortalLink, 'applicationId' | 'token' | 'expiresAt' | 'createdById'>): Promise<PortalLink> {
    return this.links.save(this.links.create(link));
  }

  async revokeLinks(applicationId: number): Promise<void> {
    await this.links.update({ applicationId, revokedAt: IsNull() }, { revokedAt: new Date() });
  }

  /** The first time the candidate opened the link; later visits change nothing. */
  async recordLinkOpened(id: number): Promise<void> {
    await this.links.update({ id, firstOpenedAt: IsNull() }, { firstOpenedAt: new Date() });
  }
}
