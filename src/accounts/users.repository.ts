import { Injectable } from '@nestjs/common';
import { Brackets, In, IsNull, type Repository } from 'typeorm';
import type { PageRequest } from '../common/pagination.js';
import { UnitOfWork } from '../database/unit-of-work.js';
import { AccountToken, type TokenPurpose } from './entities/account-token.entity.js';
import { User } from './entities/user.entity.js';
import type { Role } from './role.js';

export interface PeopleFilter {
  search?: string;
  role?: Role;
  status?: 'invited' | 'active' | 'deactivated';
}

/** The only place people, their roles and their account tokens meet TypeORM; joins the active unit of work. */
@Injectable()
export class UsersRepository {
  constructor(private readonly uow: UnitOfWork) {}

  private get users(): Repository<User> {
    return this.uow.repository(User);
  }

  private get tokens(): Repository<AccountToken> {
    return this.uow.repository(AccountToken);
  }

  /**
   * One query: the roles are an eager join, and findOne's LIMIT over a join costs TypeORM a second query for the
   * distinct ids. An id is unique, so no limit is needed (this runs on every signed-in request).
   */
  async findById(id: number): Promise<User | null> {
    return (await this.users.find({ where: { id } }))[0] ?? null;
  }

  /** The users with these ids (any status), in one query. */
  findByIds(ids: number[]): Promise<User[]> {
    return ids.length ? this.users.findBy({ id: In(ids) }) : Promise.resolve([]);
  }

  findByEmail(email: string): Promise<User | null> {
    return this.users.findOne({ where: { email: email.toLowerCase() } });
  }

  async anyAdminExists(): Promise<boolean> {
    return this.users.exists({ where: { userRoles: { role: 'admin' } } });
  }

  countActiveAdmins(): Promise<number> {
    return this.users.count({ where: { active: true, userRoles: { role: 'admin' } } });
  }

  /** People who can be a position's hiring manager. */
  findActiveManagers(): Promise<User[]> {
    return this.findActiveHolding(['manager', 'admin']);
  }

  /**
   * Staff who can take part now, by name: active, invitation accepted (they can sign in to grade, score or fill a
   * scorecard), holding the interviewer, manager or admin role — panelists, graders, evaluators.
   */
  findActiveStaff(): Promise<User[]> {
    return this.findActiveHolding(['interviewer', 'manager', 'admin'], true);
  }

  /** Active people holding at least one of the roles, with all their roles, by name. */
  private findActiveHolding(roles: Role[], signedUp = false): Promise<User[]> {
    const query = this.users
      .createQueryBuilder('person')
      .innerJoinAndSelect('person.userRoles', 'userRole')
      .where('person.active = :active', { active: true })
      .andWhere('person.id IN (SELECT r."userId" FROM user_roles r WHERE r.role IN (:...roles))', { roles });
    if (signedUp) query.andWhere('person.passwordHash IS NOT NULL');
    return query.orderBy('person.name', 'ASC').getMany();
  }

  /** Everyone active, by name: colleagues to give a task to or to meet. */
  findActive(): Promise<User[]> {
    return this.users.find({
      where: { active: true },
      relations: { userRoles: true },
      order: { name: 'ASC' },
      take: 500,
    });
  }

  count(): Promise<number> {
    return this.users.count();
  }

  countPendingInvitations(): Promise<number> {
    return this.users.count({ where: { active: true, passwordHash: IsNull() } });
  }

  /** Saves in `manager`'s transaction when given one. */
  async setTimeZone(id: number, timeZone: string | null): Promise<void> {
    await this.users.update(id, { timeZone });
  }

  save(user: User): Promise<User> {
    return this.users.save(user);
  }

  create(fields: Partial<User>): User {
    return this.users.create(fields);
  }

  /** One page of people, with their roles, in one query plus a count. */
  async findPage(filter: PeopleFilter, page: PageRequest): Promise<[User[], number]> {
    const query = this.users.createQueryBuilder('person').orderBy('person.name', 'ASC').addOrderBy('person.id', 'ASC');
    if (filter.search) {
      const term = `%${filter.search.toLowerCase()}%`;
      query.andWhere(
        new Brackets((where) =>
          where.where('LOWER(person.name) LIKE :term', { term }).orWhere('person.email LIKE :term', { term }),
        ),
      );
    }
    if (filter.role) {
      query.innerJoin('person.userRoles', 'filterRole', 'filterRole.role = :role', { role: filter.role });
    }
    if (filter.status === 'deactivated') query.andWhere('person.active = :active', { active: false });
    if (filter.status === 'invited')
      query.andWhere('person.active = :active AND person.passwordHash IS NULL', { active: true });
    if (filter.status === 'active')
      query.andWhere('person.active = :active AND person.passwordHash IS NOT NULL', { active: true });
    const [ids, total] = await query
      .select('person.id')
      .skip((page.page - 1) * page.perPage)
      .take(page.perPage)
      .getManyAndCount();
    if (ids.length === 0) return [[], total];
    const people = await this.users
      .createQueryBuilder('person')
      .leftJoinAndSelect('person.userRoles', 'userRole')
      .whereInIds(ids.map((u) => u.id))
      .orderBy('person.name', 'ASC')
      .addOrderBy('person.id', 'ASC')
      .getMany();
    return [people, total];
  }

  /** Retires the user's unused tokens of this purpose (a new one replaces them). */
  async deleteUnusedTokens(userId: number, purpose: TokenPurpose): Promise<void> {
    await this.tokens.delete({ userId, purpose, usedAt: IsNull() });
  }

  saveToken(fields: Partial<AccountToken>): Promise<AccountToken> {
    return this.tokens.save(this.tokens.create(fields));
  }

  /** The token with its user, by the hash of the token. */
  findToken(tokenHash: string, purpose: TokenPurpose): Promise<AccountToken | null> {
    return this.tokens.findOne({ where: { tokenHash, purpose }, relations: { user: true } });
  }

  /** Marks the token used; false when another request used it first. */
  async markTokenUsed(id: number): Promise<boolean> {
    const result = await this.tokens.update({ id, usedAt: IsNull() }, { usedAt: new Date() });
    return result.affected === 1;
  }

  findPendingInvitation(userId: number): Promise<AccountToken | null> {
    return this.tokens.findOne({
      where: { userId, purpose: 'invitation', usedAt: IsNull() },
      order: { createdAt: 'DESC' },
    });
  }
}
