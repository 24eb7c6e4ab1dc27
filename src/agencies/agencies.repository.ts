import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import { User } from '../accounts/entities/user.entity.js';
import { Application } from '../candidates/entities/application.entity.js';
import type { PageRequest } from '../common/pagination.js';
import { UnitOfWork } from '../database/unit-of-work.js';
import { Hire } from '../hires/entities/hire.entity.js';
import { Position } from '../positions/entities/position.entity.js';
import { Agency, AgencyRecruiter, AgencySubmission, RecruiterPosition } from './entities/agency.entity.js';

/** An agency in the admin's list, with how many recruiters and submissions it has. */
export interface AgencyRow {
  agency: Agency;
  recruiters: number;
  submissions: number;
}

/** One of a recruiter's own submissions, with what its status may say: the stage and the hire's month-10 review. */
export interface SubmissionRow {
  submission: AgencySubmission;
  stage: Application['stage'] | null;
  keeper: boolean | null;
  hired: boolean;
}

/** Agencies, their recruiters, the positions they work on and their submissions. Writes join the unit of work. */
@Injectable()
export class AgenciesRepository {
  constructor(private readonly uow: UnitOfWork) {}

  private get agencies() {
    return this.uow.repository(Agency);
  }

  private get recruiters() {
    return this.uow.repository(AgencyRecruiter);
  }

  private get assignments() {
    return this.uow.repository(RecruiterPosition);
  }

  private get submissions() {
    return this.uow.repository(AgencySubmission);
  }

  /** One page of agencies by name, with their recruiter and submission counts (three queries in all). */
  async findPage(page: PageRequest): Promise<[AgencyRow[], number]> {
    const [agencies, total] = await this.agencies.findAndCount({
      order: { name: 'ASC', id: 'ASC' },
      skip: (page.page - 1) * page.perPage,
      take: page.perPage,
    });
    if (!agencies.length) return [[], total];
    const ids = agencies.map((agency) => agency.id);
    const count = async (table: 'agency_recruiters' | 'agency_submissions') =>
      new Map(
        (
          await this.uow.manager
            .createQueryBuilder()
            .select('row."agencyId"', 'agencyId')
            .addSelect('COUNT(*)', 'count')
            .from(table, 'row')
            .where('row."agencyId" IN (:...ids)', { ids })
            .groupBy('row."agencyId"')
            .getRawMany<{ agencyId: number | string; count: number | string }>()
        ).map((row) => [Number(row.agencyId), Number(row.count)]),
      );
    const [recruiters, submissions] = await Promise.all([count('agency_recruiters'), count('agency_submissions')]);
    return [
      agencies.map((agency) => ({
        agency,
        recruiters: recruiters.get(agency.id) ?? 0,
        submissions: submissions.get(agency.id) ?? 0,
      })),
      total,
    ];
  }

  findAgency(id: number): Promise<Agency | null> {
    return this.agencies.findOneBy({ id });
  }

  /** Another agency of this name, compared without case ("Northbridge" and "northbridge" are one agency). */
  findNamed(name: string, exceptId: number | null): Promise<Agency | null> {
    const query = this.agencies.createQueryBuilder('agency').where('LOWER(agency.name) = :name', {
      name: name.toLowerCase(),
    });
    if (exceptId) query.andWhere('agency.id != :exceptId', { exceptId });
    return query.getOne();
  }

  saveAgency(agency: Partial<Agency>): Promise<Agency> {
    return this.agencies.save(this.agencies.create(agency));
  }

  /** The agency's recruiters by name, each with their account and roles. */
  recruitersOf(agencyId: number): Promise<AgencyRecruiter[]> {
    return this.recruiters.find({
      where: { agencyId },
      relations: { user: true },
      order: { user: { name: 'ASC' }, id: 'ASC' },
    });
  }

  findRecruiter(agencyId: number, userId: number): Promise<AgencyRecruiter | null> {
    return this.recruiters.findOne({ where: { agencyId, userId }, relations: { user: true, agency: true } });
  }

  /** The agency a user recruits for, or null for everyone who is not an agency recruiter. */
  membershipOf(userId: number): Promise<AgencyRecruiter | null> {
    return this.recruiters.findOne({ where: { userId }, relations: { agency: true } });
  }

  addRecruiter(agencyId: number, user: User): Promise<AgencyRecruiter> {
    return this.recruiters.save(this.recruiters.create({ agencyId, userId: user.id }));
  }

  /** The positions assigned to each of these recruiters, with titles and statuses, in one query. */
  async assignmentsOf(recruiterIds: number[]): Promise<RecruiterPosition[]> {
    if (!recruiterIds.length) return [];
    return this.assignments.find({
      where: { recruiterId: In(recruiterIds) },
      relations: { position: true },
      order: { position: { title: 'ASC' } },
    });
  }

  /** Makes the recruiter's assignments exactly these positions. */
  async setAssignments(recruiterId: number, positionIds: number[]): Promise<void> {
    const current = await this.assignments.findBy({ recruiterId });
    const dropped = current.filter((row) => !positionIds.includes(row.positionId));
    if (dropped.length) await this.assignments.delete({ id: In(dropped.map((row) => row.id)) });
    const added = positionIds.filter((id) => !current.some((row) => row.positionId === id));
    if (added.length)
      await this.assignments.save(added.map((positionId) => this.assignments.create({ recruiterId, positionId })));
  }

  /** Published positions that may be assigned, by title. */
  publishedPositions(): Promise<Position[]> {
    return this.uow.repository(Position).find({ where: { status: 'published' }, order: { title: 'ASC' }, take: 500 });
  }

  /** The recruiter's assigned positions that are published now, by title. */
  assignedPublished(recruiterId: number): Promise<Position[]> {
    return this.uow
      .repository(Position)
      .createQueryBuilder('position')
      .innerJoin(RecruiterPosition, 'assignment', 'assignment.positionId = position.id')
      .where('assignment.recruiterId = :recruiterId', { recruiterId })
      .andWhere("position.status = 'published' AND position.publishedVersion IS NOT NULL")
      .orderBy('position.title', 'ASC')
      .addOrderBy('position.id', 'ASC')
      .getMany();
  }

  isAssigned(recruiterId: number, positionId: number): Promise<boolean> {
    return this.assignments.existsBy({ recruiterId, positionId });
  }

  saveSubmission(submission: Partial<AgencySubmission>): Promise<AgencySubmission> {
    return this.submissions.save(this.submissions.create(submission));
  }

  findSubmission(id: number): Promise<AgencySubmission | null> {
    return this.submissions.findOne({ where: { id }, relations: { position: true, candidate: true } });
  }

  /**
   * One page of a recruiter's own submissions, newest first, with the application's stage and the hire's review:
   * one query for the page and one for the count.
   */
  async submissionsBy(recruiterId: number, page: PageRequest): Promise<[SubmissionRow[], number]> {
    const query = this.submissions
      .createQueryBuilder('submission')
      .innerJoinAndSelect('submission.position', 'position')
      .innerJoinAndSelect('submission.candidate', 'candidate')
      .leftJoin(Application, 'application', 'application.id = submission.applicationId')
      .leftJoin(Hire, 'hire', 'hire.applicationId = submission.applicationId')
      .addSelect('application.stage', 'stage')
      .addSelect('hire.id', 'hireId')
      .addSelect('hire.keeper', 'keeper')
      .where('submission.recruiterId = :recruiterId', { recruiterId })
      .orderBy('submission.createdAt', 'DESC')
      .addOrderBy('submission.id', 'DESC')
      .offset((page.page - 1) * page.perPage)
      .limit(page.perPage);
    const [{ entities, raw }, total] = await Promise.all([
      query.getRawAndEntities<{ stage: Application['stage'] | null; hireId: unknown; keeper: unknown }>(),
      this.submissions.countBy({ recruiterId }),
    ]);
    return [
      entities.map((submission, index) => ({
        submission,
        stage: raw[index]?.stage ?? null,
        hired: raw[index]?.hireId !== null && raw[index]?.hireId !== undefined,
        keeper: asBoolean(raw[index]?.keeper),
      })),
      total,
    ];
  }

  /** Who put this candidate forward for this position: the credited submission and any "already known" ones. */
  submissionsFor(application: Pick<Application, 'id' | 'candidateId' | 'positionId'>): Promise<AgencySubmission[]> {
    return this.submissions.find({
      where: [
        { applicationId: application.id },
        { candidateId: application.candidateId, positionId: application.positionId, alreadyKnown: true },
      ],
      relations: { agency: true, recruiter: true },
      order: { createdAt: 'ASC', id: 'ASC' },
    });
  }

  findPosition(id: number): Promise<Position | null> {
    return this.uow.repository(Position).findOneBy({ id });
  }

  findUser(id: number): Promise<User | null> {
    return this.uow.repository(User).findOneBy({ id });
  }
}

/** SQLite answers booleans as 0/1, PostgreSQL as true/false; null stays null (not reviewed yet). */
function asBoolean(value: unknown): boolean | null {
  if (value === null || value === undefined) return null;
  return value === true || value === 1 || value === '1' || value === 't' || value === 'true';
}
