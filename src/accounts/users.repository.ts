import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Brackets, IsNull, type Repository } from 'typeorm';
import type { PageRequest } from '../common/pagination.js';
import { User } from './entities/user.entity.js';
import type { Role } from './role.js';

export interface PeopleFilter {
  search?: string;
  role?: Role;
  status?: 'invited' | 'active' | 'deactivated';
}

@Injectable()
export class UsersRepository {
  constructor(@InjectRepository(User) private readonly users: Repository<User>) {}

  findById(id: number): Promise<User | null> {
    return this.users.findOne({ where: { id } });
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
    return this.users
      .createQueryBuilder('person')
      .innerJoinAndSelect('person.userRoles', 'userRole')
      .where('person.active = :active', { active: true })
      .andWhere('person.id IN (SELECT r."userId" FROM user_roles r WHERE r.role IN (:...roles))', {
        roles: ['manager', 'admin'],
      })
      .orderBy('person.name', 'ASC')
      .getMany();
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

  /** Everyone active who interviews, manages or administers, by name: the people who may sit on an interview panel. */
  findActiveStaff(): Promise<User[]> {
    return this.users
      .createQueryBuilder('person')
      .innerJoinAndSelect('person.userRoles', 'userRole')
      .where('person.active = :active', { active: true })
      .andWhere('person.id IN (SELECT r."userId" FROM user_roles r WHERE r.role IN (:...roles))', {
        roles: ['interviewer', 'manager', 'admin'],
      })
      .orderBy('person.name', 'ASC')
      .getMany();
  }
}
