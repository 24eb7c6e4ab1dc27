import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, IsNull } from 'typeorm';
import type { User } from '../accounts/entities/user.entity.js';
import { User as UserEntity } from '../accounts/entities/user.entity.js';
import { Application } from '../candidates/entities/application.entity.js';
import { DomainError, FormInvalidError, notFound } from '../common/errors.js';
import { PositionGrader } from './entities/position-grader.entity.js';
import { WRITING_CRITERIA, WritingGrade, type WritingCriterion } from './entities/writing-grade.entity.js';
import { WritingSubmission } from './entities/writing-submission.entity.js';

/** Blind grading of writing tests: who grades, independent scoring, a third grader when two disagree. */
@Injectable()
export class GradingService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async graderIds(positionId: number): Promise<number[]> {
    return (await this.dataSource.getRepository(PositionGrader).findBy({ positionId })).map((row) => row.userId);
  }

  /**
   * People who may grade blind: active interviewers who are not also managers or admins, since those
   * can open candidate records and would see whose text they are grading.
   */
  async eligibleGraders(): Promise<UserEntity[]> {
    const people = await this.peopleWithRoles(['interviewer']);
    return people.filter((person) => !person.hasRole('manager') && !person.hasRole('admin'));
  }

  /** People who may evaluate a live presentation (not blind): active interviewers, managers and admins. */
  eligibleEvaluators(): Promise<UserEntity[]> {
    return this.peopleWithRoles(['interviewer', 'manager', 'admin']);
  }

  async assertEligible(userIds: number[]): Promise<void> {
    const allowed = new Set((await this.eligibleGraders()).map((user) => user.id));
    if (userIds.some((id) => !allowed.has(id)))
      throw FormInvalidError.single('graderIds', 'Choose graders from the list');
  }

  /** Saves the position's graders, then gives submitted tests that lack graders their missing ones. */
  async setGraders(positionId: number, userIds: number[]): Promise<void> {
    await this.assertEligible(userIds);
    await this.dataSource.transaction(async (manager) => {
      await manager.getRepository(PositionGrader).delete({ positionId });
      await manager.getRepository(PositionGrader).save(userIds.map((userId) => ({ positionId, userId })));
    });
    const waiting = (await this.dataSource
      .getRepository(WritingSubmission)
      .createQueryBuilder('submission')
      .innerJoin(Application, 'application', 'application.id = submission.applicationId')
      .leftJoin(WritingGrade, 'grade', 'grade.submissionId = submission.id')
      .where('application.positionId = :positionId', { positionId })
      .andWhere('submission.submittedAt IS NOT NULL')
      .groupBy('submission.id')
      .having('COUNT(grade.id) < 2')
      .select('submission.id', 'id')
      .getRawMany()) as { id: number }[];
    for (const { id } of waiting) {
      const submission = await this.dataSource.getRepository(WritingSubmission).findOneByOrFail({ id: Number(id) });
      const assigned = await this.dataSource.getRepository(WritingGrade).countBy({ submissionId: submission.id });
      await this.assign(submission, positionId, 2 - assigned);
    }
  }

  private peopleWithRoles(roles: string[]): Promise<UserEntity[]> {
    return this.dataSource
      .getRepository(UserEntity)
      .createQueryBuilder('person')
      .innerJoinAndSelect('person.userRoles', 'userRole')
      .where('person.active = :active', { active: true })
      .andWhere('person.id IN (SELECT r."userId" FROM user_roles r WHERE r.role IN (:...roles))', { roles })
      .orderBy('person.name', 'ASC')
      .getMany();
  }

  /** Assigns the least-loaded graders of the position who have not graded this submission yet. */
  async assign(submission: WritingSubmission, positionId: number, count: number): Promise<number> {
    if (count <= 0) return 0;
    // Only graders who can still sign in and are still eligible get new assignments.
    const eligible = new Set((await this.eligibleGraders()).map((user) => user.id));
    const pool = (await this.graderIds(positionId)).filter((id) => eligible.has(id));
    const grades = this.dataSource.getRepository(WritingGrade);
    const already = (await grades.findBy({ submissionId: submission.id })).map((grade) => grade.graderId);
    const candidates = pool.filter((id) => !already.includes(id));
    if (candidates.length === 0) return 0;
    const load = (await grades
      .createQueryBuilder('grade')
      .select('grade.graderId', 'graderId')
      .addSelect('COUNT(*)', 'pending')
      .where('grade.submittedAt IS NULL')
      .andWhere('grade.graderId IN (:...ids)', { ids: candidates })
      .groupBy('grade.graderId')
      .getRawMany()) as { graderId: number; pending: string | number }[];
    const pending = new Map(load.map((row) => [Number(row.graderId), Number(row.pending)]));
    const chosen = [...candidates]
      .sort((a, b) => (pending.get(a) ?? 0) - (pending.get(b) ?? 0) || a - b)
      .slice(0, count);
    await grades.save(
      chosen.map((graderId) => grades.create({ submissionId: submission.id, graderId, assignedAt: new Date() })),
    );
    return chosen.length;
  }

  /** The grader's own assignments, with the anonymous code only. */
  async assignmentsOf(user: User): Promise<{ id: number; code: string; assignedAt: Date; submittedAt: Date | null }[]> {
    const rows = (await this.dataSource
      .getRepository(WritingGrade)
      .createQueryBuilder('grade')
      .innerJoin('grade.submission', 'submission')
      .innerJoin(Application, 'application', 'application.id = submission.applicationId')
      .select([
        'grade.id AS id',
        'application.code AS code',
        'grade.assignedAt AS "assignedAt"',
        'grade.submittedAt AS "submittedAt"',
      ])
      .where('grade.graderId = :graderId', { graderId: user.id })
      .orderBy('grade.assignedAt', 'ASC')
      .getRawMany()) as { id: number; code: string; assignedAt: string | Date; submittedAt: string | Date | null }[];
    const assignments = rows.map((row) => ({
      id: Number(row.id),
      code: row.code,
      assignedAt: new Date(row.assignedAt),
      submittedAt: row.submittedAt ? new Date(row.submittedAt) : null,
    }));
    // Still to grade first, oldest first.
    return [...assignments.filter((a) => !a.submittedAt), ...assignments.filter((a) => a.submittedAt)];
  }

  pendingCount(user: User): Promise<number> {
    return this.dataSource.getRepository(WritingGrade).countBy({ graderId: user.id, submittedAt: IsNull() });
  }

  /** One assignment of this grader; another grader's assignment is refused (403). */
  async gradeOf(
    user: User,
    gradeId: number,
  ): Promise<{ grade: WritingGrade; application: Application; others: WritingGrade[] }> {
    const grade = await this.dataSource
      .getRepository(WritingGrade)
      .findOne({ where: { id: gradeId }, relations: { submission: true } });
    if (!grade) throw notFound('That assignment');
    if (grade.graderId !== user.id)
      throw new DomainError('forbidden', 'This writing test is assigned to another grader.');
    const application = await this.dataSource
      .getRepository(Application)
      .findOneOrFail({ where: { id: grade.submission.applicationId }, relations: { candidate: true, position: true } });
    const all = await this.dataSource
      .getRepository(WritingGrade)
      .find({ where: { submissionId: grade.submissionId }, relations: { grader: true }, order: { id: 'ASC' } });
    // Independent scoring: the others' scores only once every assigned grader has submitted.
    const others = all.every((other) => other.submittedAt) ? all.filter((other) => other.id !== grade.id) : [];
    return { grade, application, others };
  }

  async submit(
    user: User,
    gradeId: number,
    levels: Record<WritingCriterion, number>,
    comment: string | null,
  ): Promise<{ thirdRequested: boolean }> {
    const { grade, application } = await this.gradeOf(user, gradeId);
    if (grade.submittedAt) throw new DomainError('conflict', 'You have already submitted this grade.');
    const missing = WRITING_CRITERIA.filter((criterion) => !levels[criterion]);
    if (missing.length)
      throw new FormInvalidError(
        Object.fromEntries(missing.map((criterion) => [`levels.${criterion}`, ['Choose a level']])),
      );
    grade.levels = levels;
    grade.overall =
      Math.round(
        (WRITING_CRITERIA.reduce((sum, criterion) => sum + levels[criterion], 0) / WRITING_CRITERIA.length) * 100,
      ) / 100;
    grade.comment = comment;
    grade.submittedAt = new Date();
    await this.dataSource.getRepository(WritingGrade).save(grade);

    const all = await this.dataSource.getRepository(WritingGrade).findBy({ submissionId: grade.submissionId });
    const done = all.filter((other) => other.submittedAt);
    if (all.length === 2 && done.length === 2 && Math.abs(done[0].overall! - done[1].overall!) > 1) {
      return { thirdRequested: (await this.assign(grade.submission, application.positionId, 1)) > 0 };
    }
    return { thirdRequested: false };
  }

  gradesOf(submissionIds: number[]): Promise<WritingGrade[]> {
    return submissionIds.length
      ? this.dataSource
          .getRepository(WritingGrade)
          .find({ where: { submissionId: In(submissionIds) }, relations: { grader: true } })
      : Promise.resolve([]);
  }
}
