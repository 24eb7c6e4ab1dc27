import { Injectable } from '@nestjs/common';
import type { User } from '../accounts/entities/user.entity.js';
import { PeopleService } from '../accounts/people.service.js';
import { DomainError, FormInvalidError, notFound } from '../common/errors.js';
import type { PageRequest } from '../common/pagination.js';
import { UnitOfWork } from '../database/unit-of-work.js';
import type { Position } from '../positions/entities/position.entity.js';
import { AgenciesAccess } from './agencies.access.js';
import { AgenciesRepository } from './agencies.repository.js';
import type { AgencyDto, InviteRecruiterDto } from './dto/agency.dto.js';
import type { Agency, AgencyRecruiter } from './entities/agency.entity.js';

const uniqueViolation = (error: unknown) =>
  ['23505', 'SQLITE_CONSTRAINT_UNIQUE'].includes(
    String((error as { driverError?: { code?: unknown } }).driverError?.code),
  );

/** What admins do with agencies: their terms, pausing them, inviting recruiters and giving them positions. */
@Injectable()
export class AgenciesService {
  constructor(
    private readonly agencies: AgenciesRepository,
    private readonly access: AgenciesAccess,
    private readonly people: PeopleService,
    private readonly uow: UnitOfWork,
  ) {}

  list(admin: User, page: PageRequest) {
    this.access.requireManage(admin);
    return this.agencies.findPage(page);
  }

  async findOrFail(admin: User, id: number): Promise<Agency> {
    this.access.requireManage(admin);
    const agency = await this.agencies.findAgency(id);
    if (!agency) throw notFound('That agency');
    return agency;
  }

  async create(admin: User, dto: AgencyDto): Promise<Agency> {
    this.access.requireManage(admin);
    return this.saveTerms(null, dto);
  }

  async update(admin: User, id: number, dto: AgencyDto): Promise<Agency> {
    const agency = await this.findOrFail(admin, id);
    return this.saveTerms(agency, dto);
  }

  /** Pausing an agency hides every position from its recruiters and stops their submissions; nothing is deleted. */
  async setActive(admin: User, id: number, active: boolean): Promise<Agency> {
    const agency = await this.findOrFail(admin, id);
    agency.active = active;
    return this.agencies.saveAgency(agency);
  }

  /** The agency's recruiters (invited, active and removed) with the positions assigned to each. */
  async recruitersOf(agency: Agency) {
    const recruiters = await this.agencies.recruitersOf(agency.id);
    const assignments = await this.agencies.assignmentsOf(recruiters.map((recruiter) => recruiter.userId));
    return { recruiters: recruiters.map((recruiter) => recruiter.user), assignments };
  }

  /**
   * A new account holding only the recruiter role, tied to the agency, and the invitation mail naming the agency:
   * one unit of work, so a refused address leaves nothing behind.
   */
  async inviteRecruiter(admin: User, agencyId: number, dto: InviteRecruiterDto): Promise<User> {
    const agency = await this.findOrFail(admin, agencyId);
    if (!agency.active)
      throw FormInvalidError.single('_form', `${agency.name} is inactive. Reactivate it before inviting recruiters.`);
    return this.uow.run(async () => {
      const person = await this.people.createInvited({ name: dto.name, email: dto.email, roles: ['recruiter'] });
      await this.agencies.addRecruiter(agency.id, person);
      await this.people.sendInvitation(admin, person, { agency: agency.name });
      return person;
    });
  }

  /** A recruiter of this agency (404 for anyone else, including another agency's recruiter). */
  async recruiterOrFail(admin: User, agencyId: number, userId: number): Promise<AgencyRecruiter & { user: User }> {
    this.access.requireManage(admin);
    const recruiter = await this.agencies.findRecruiter(agencyId, userId);
    if (!recruiter) throw notFound('That recruiter');
    return recruiter;
  }

  /** Positions the recruiter may be given (published ones) and those they have, whatever their status now. */
  async assignmentChoices(recruiter: AgencyRecruiter): Promise<{ positions: Position[]; assigned: number[] }> {
    const [published, assignments] = await Promise.all([
      this.agencies.publishedPositions(),
      this.agencies.assignmentsOf([recruiter.userId]),
    ]);
    const others = assignments
      .map((assignment) => assignment.position)
      .filter((position) => !published.some((open) => open.id === position.id));
    return {
      positions: [...published, ...others],
      assigned: assignments.map((assignment) => assignment.positionId),
    };
  }

  /** The recruiter works on exactly these positions: new ones must be published; unticking removes any. */
  async assign(admin: User, agencyId: number, userId: number, positionIds: number[]): Promise<AgencyRecruiter> {
    const recruiter = await this.recruiterOrFail(admin, agencyId, userId);
    if (recruiter.user.status === 'deactivated' && positionIds.length)
      throw FormInvalidError.single(
        'positionIds',
        `${recruiter.user.name} was removed: they cannot be given positions`,
      );
    const { positions, assigned } = await this.assignmentChoices(recruiter);
    const allowed = new Set([
      ...positions.filter((position) => position.status === 'published').map((position) => position.id),
      ...assigned,
    ]);
    if (positionIds.some((id) => !allowed.has(id)))
      throw FormInvalidError.single('positionIds', 'Choose positions from the list: only published positions');
    await this.uow.run(() => this.agencies.setAssignments(userId, [...new Set(positionIds)]));
    return recruiter;
  }

  async resendInvitation(admin: User, agencyId: number, userId: number): Promise<User> {
    const recruiter = await this.recruiterOrFail(admin, agencyId, userId);
    if (recruiter.user.status !== 'invited')
      throw new DomainError('conflict', `${recruiter.user.name} has already accepted their invitation or was removed.`);
    await this.uow.run(() => this.people.sendInvitation(admin, recruiter.user, { agency: recruiter.agency.name }));
    return recruiter.user;
  }

  /**
   * The recruiter can no longer sign in (every session ends now) and works on no position. Their submissions stay,
   * credited to the agency.
   */
  async removeRecruiter(admin: User, agencyId: number, userId: number): Promise<User> {
    const recruiter = await this.recruiterOrFail(admin, agencyId, userId);
    return this.uow.run(async () => {
      await this.agencies.setAssignments(userId, []);
      return recruiter.user.active ? this.people.deactivate(admin, userId) : recruiter.user;
    });
  }

  private async saveTerms(agency: Agency | null, dto: AgencyDto): Promise<Agency> {
    if (await this.agencies.findNamed(dto.name, agency?.id ?? null)) throw nameTaken(dto.name);
    try {
      return await this.agencies.saveAgency({
        ...(agency ?? { active: true }),
        name: dto.name,
        feeTerms: dto.feeTerms ?? null,
        feePercent: dto.feePercent,
        guaranteeMonths: dto.guaranteeMonths,
      });
    } catch (error) {
      // Two admins saving the same new name at once: the unique index decides.
      if (uniqueViolation(error)) throw nameTaken(dto.name);
      throw error;
    }
  }
}

function nameTaken(name: string): FormInvalidError {
  return FormInvalidError.single('name', `There is already an agency called ${name}: choose another name`);
}
