import { Injectable } from '@nestjs/common';
import type { User } from '../accounts/entities/user.entity.js';
import { UsersRepository } from '../accounts/users.repository.js';
import { CandidateDirectory } from '../candidates/candidate-directory.service.js';
import type { ApplicationAnswer } from '../candidates/entities/application-answer.entity.js';
import type { Application } from '../candidates/entities/application.entity.js';
import { PipelineService } from '../candidates/pipeline.service.js';
import { FormInvalidError, notFound } from '../common/errors.js';
import { UnitOfWork } from '../database/unit-of-work.js';
import { WRITING_CRITERIA, type WritingCriterion, type WritingGrade } from './entities/writing-grade.entity.js';
import type { WritingSubmission } from './entities/writing-submission.entity.js';
import { completeScore, othersOnceAllIn } from './rubric-score.js';
import { VettingAccess } from './vetting.access.js';
import { VettingRepository } from './vetting.repository.js';

/** Blind grading of writing tests: who grades, independent scoring, a third grader when two disagree. */
@Injectable()
export class GradingService {
  constructor(
    private readonly vetting: VettingRepository,
    private readonly users: UsersRepository,
    private readonly pipeline: PipelineService,
    private readonly access: VettingAccess,
    private readonly directory: CandidateDirectory,
    private readonly uow: UnitOfWork,
  ) {}

  graderIds(positionId: number): Promise<number[]> {
    return this.vetting.findGraderIds(positionId);
  }

  /**
   * People who may grade blind: active interviewers who are not also managers or admins, since those
   * can open candidate records and would see whose text they are grading.
   */
  async blindGraders(): Promise<User[]> {
    const staff = await this.users.findActiveStaff();
    return staff.filter(
      (person) => person.hasRole('interviewer') && !person.hasRole('manager') && !person.hasRole('admin'),
    );
  }

  async assertBlindGraders(userIds: number[]): Promise<void> {
    const allowed = new Set((await this.blindGraders()).map((user) => user.id));
    if (userIds.some((id) => !allowed.has(id)))
      throw FormInvalidError.single('graderIds', 'Choose graders from the list');
  }

  /** Saves the position's graders, then gives submitted tests that lack graders their missing ones. */
  async setGraders(positionId: number, userIds: number[]): Promise<void> {
    await this.assertBlindGraders(userIds);
    await this.uow.run(async () => {
      await this.vetting.replaceGraders(positionId, userIds);
      const waiting = await this.vetting.findSubmittedWithoutTwoGraders();
      const ofPosition = new Set(
        (await this.pipeline.findMany(waiting.map((submission) => submission.applicationId)))
          .filter((application) => application.positionId === positionId)
          .map((application) => application.id),
      );
      for (const { id, applicationId } of waiting) {
        if (!ofPosition.has(applicationId)) continue;
        const assigned = (await this.vetting.findGradesOf(id)).length;
        await this.assign(await this.vetting.findSubmissionById(id), positionId, 2 - assigned);
      }
    });
  }

  /** Assigns the least-loaded graders of the position who have not graded this submission yet. */
  async assign(submission: WritingSubmission, positionId: number, count: number): Promise<number> {
    if (count <= 0) return 0;
    // Only graders who can still sign in and are still eligible get new assignments.
    const eligible = new Set((await this.blindGraders()).map((user) => user.id));
    const pool = (await this.graderIds(positionId)).filter((id) => eligible.has(id));
    const already = (await this.vetting.findGradesOf(submission.id)).map((grade) => grade.graderId);
    const candidates = pool.filter((id) => !already.includes(id));
    if (candidates.length === 0) return 0;
    const pending = await this.vetting.pendingLoad(candidates);
    const chosen = [...candidates]
      .sort((a, b) => (pending.get(a) ?? 0) - (pending.get(b) ?? 0) || a - b)
      .slice(0, count);
    await this.vetting.assignGraders(submission.id, chosen);
    return chosen.length;
  }

  /** The grader's own assignments, with the anonymous code only: still to grade first, oldest first. */
  async assignmentsOf(user: User): Promise<{ id: number; code: string; assignedAt: Date; submittedAt: Date | null }[]> {
    const grades = await this.vetting.findGradesByGrader(user.id);
    const applications = await this.pipeline.findMany(grades.map((grade) => grade.submission.applicationId));
    const codes = new Map(applications.map((application) => [application.id, application.code]));
    const assignments = grades.map((grade) => ({
      id: grade.id,
      code: codes.get(grade.submission.applicationId) ?? '',
      assignedAt: grade.assignedAt,
      submittedAt: grade.submittedAt,
    }));
    return [...assignments.filter((a) => !a.submittedAt), ...assignments.filter((a) => a.submittedAt)];
  }

  pendingCount(user: User): Promise<number> {
    return this.vetting.countPendingGrades(user.id);
  }

  /** One assignment of this grader; another grader's assignment is refused (403). */
  async gradeOf(
    user: User,
    gradeId: number,
  ): Promise<{ grade: WritingGrade; application: Application; others: WritingGrade[] }> {
    const grade = await this.vetting.findGrade(gradeId);
    if (!grade) throw notFound('That assignment');
    this.access.require(user, 'writing.grade', grade);
    const [application, all] = await Promise.all([
      this.pipeline.findOrFail(grade.submission.applicationId),
      this.vetting.findGradesOf(grade.submissionId),
    ]);
    return { grade, application, others: othersOnceAllIn(all, grade) };
  }

  /**
   * The candidate's answers to the outcome questions, for a blind grader only when the position's hiring manager chose
   * to show them (off by default); the caller masks them like the writing test.
   */
  answersForGraders(application: Application): Promise<ApplicationAnswer[]> {
    return application.position.answersToGraders ? this.directory.answersOf(application.id) : Promise.resolve([]);
  }

  /** Submits the grade; when the first two differ by more than one level, a third grader is asked. */
  async submit(
    user: User,
    gradeId: number,
    levels: Record<WritingCriterion, number>,
    comment: string | null,
  ): Promise<{ thirdRequested: boolean }> {
    return this.uow.run(async () => {
      const { grade: seen } = await this.gradeOf(user, gradeId);
      // Graders of one test submit one at a time: exactly one of them sees both grades in and asks for a third.
      await this.vetting.lockSubmission(seen.submissionId);
      const { grade, application } = await this.gradeOf(user, gradeId);
      completeScore(grade, WRITING_CRITERIA, levels, comment, 'grade');
      await this.vetting.saveScore(grade);
      const all = await this.vetting.findGradesOf(grade.submissionId);
      const done = all.filter((other) => other.submittedAt);
      if (all.length === 2 && done.length === 2 && Math.abs(done[0].overall! - done[1].overall!) > 1) {
        return { thirdRequested: (await this.assign(grade.submission, application.positionId, 1)) > 0 };
      }
      return { thirdRequested: false };
    });
  }
}
