import { Injectable } from '@nestjs/common';
import { DomainError, FormInvalidError, notFound } from '../common/errors.js';
import type { PageRequest } from '../common/pagination.js';
import { AppConfig } from '../config/app-config.js';
import { UnitOfWork } from '../database/unit-of-work.js';
import { MailService } from '../mail/mail.service.js';
import { TypeOrmSessionStore } from '../sessions/typeorm-session.store.js';
import { AccountTokensService } from './account-tokens.service.js';
import type { InviteDto } from './dto/account.dto.js';
import type { User } from './entities/user.entity.js';
import { UserRole } from './entities/user-role.entity.js';
import { ROLE_LABELS, type Role } from './role.js';
import { UsersRepository, type PeopleFilter } from './users.repository.js';

/** The invited person; the invitation mail is in the outbox, on its way. */
export interface InvitationResult {
  person: User;
}

/** What admins do with people: invite, set roles, deactivate. */
@Injectable()
export class PeopleService {
  constructor(
    private readonly users: UsersRepository,
    private readonly tokens: AccountTokensService,
    private readonly mail: MailService,
    private readonly sessions: TypeOrmSessionStore,
    private readonly config: AppConfig,
    private readonly uow: UnitOfWork,
  ) {}

  list(filter: PeopleFilter, page: PageRequest) {
    return this.users.findPage(filter, page);
  }

  async findOrFail(id: number): Promise<User> {
    const person = await this.users.findById(id);
    if (!person) throw notFound('That person');
    return person;
  }

  async pendingInvitation(person: User) {
    return person.status === 'invited' ? this.tokens.pendingInvitation(person.id) : null;
  }

  async invite(admin: User, dto: InviteDto): Promise<InvitationResult> {
    return this.uow.run(async () => {
      const person = await this.createInvited(dto);
      await this.sendInvitation(admin, person);
      return { person };
    });
  }

  /** The account of someone invited, not yet mailed (it joins the active unit of work, e.g. accepting an offer). */
  async createInvited(dto: InviteDto): Promise<User> {
    const existing = await this.users.findByEmail(dto.email);
    if (existing) {
      throw FormInvalidError.single(
        'email',
        `${existing.name} already has a Keeper account with this email (${existing.status})`,
      );
    }
    return this.users.save(
      this.users.create({
        name: dto.name,
        email: dto.email,
        active: true,
        passwordHash: null,
        userRoles: rolesOf(dto.roles),
      }),
    );
  }

  async resendInvitation(admin: User, id: number): Promise<InvitationResult> {
    const person = await this.findOrFail(id);
    if (person.status !== 'invited')
      throw new DomainError('conflict', `${person.name} has already accepted their invitation.`);
    await this.uow.run(() => this.sendInvitation(admin, person));
    return { person };
  }

  async setRoles(admin: User, id: number, roles: Role[]): Promise<User> {
    const person = await this.findOrFail(id);
    if (person.hasRole('recruiter') || roles.includes('recruiter')) {
      throw FormInvalidError.single(
        'roles',
        person.hasRole('recruiter')
          ? `${person.name} is an agency recruiter and holds no other role. Manage them on their agency’s page (Settings → Agencies).`
          : 'Agency recruiters are invited from their agency’s page (Settings → Agencies), not given the role here',
      );
    }
    const removesAdmin = person.hasRole('admin') && !roles.includes('admin');
    if (removesAdmin && person.active && (await this.users.countActiveAdmins()) <= 1) {
      throw FormInvalidError.single(
        'roles',
        'Keeper needs at least one active admin: make someone else an admin first',
      );
    }
    if (removesAdmin && person.id === admin.id) {
      throw FormInvalidError.single('roles', 'You cannot remove your own admin role; ask another admin');
    }
    person.userRoles = rolesOf(roles, person.userRoles);
    return this.users.save(person);
  }

  /** Deactivated people cannot sign in, and every session they have ends now. */
  async deactivate(admin: User, id: number): Promise<User> {
    const person = await this.findOrFail(id);
    if (person.id === admin.id) throw new DomainError('conflict', 'You cannot deactivate yourself; ask another admin.');
    if (person.hasRole('admin') && person.active && (await this.users.countActiveAdmins()) <= 1) {
      throw new DomainError('conflict', 'Keeper needs at least one active admin.');
    }
    person.active = false;
    await this.users.save(person);
    await this.sessions.destroyAllForUser(person.id);
    return person;
  }

  async reactivate(id: number): Promise<User> {
    const person = await this.findOrFail(id);
    person.active = true;
    return this.users.save(person);
  }

  /**
   * A new invitation link, mailed through the outbox (in the active unit of work, if any). An agency recruiter's mail
   * names their agency.
   */
  async sendInvitation(admin: User, person: User, context: { agency?: string } = {}): Promise<void> {
    const token = await this.tokens.issue(person.id, 'invitation', admin.id);
    await this.mail.send({
      to: person.email,
      subject: `${admin.name} invited you to Keeper`,
      template: 'invitation',
      data: {
        name: person.name,
        inviter: admin.name,
        roles: person.roles.map((role) => ROLE_LABELS[role]).join(', '),
        link: this.config.link(`/invitations/${token}`),
        agency: context.agency ?? null,
      },
    });
  }
}

/** Keeps the rows of roles that stay, so only real changes reach the database. */
function rolesOf(roles: Role[], existing: UserRole[] = []): UserRole[] {
  return [...new Set(roles)].map(
    (role) => existing.find((row) => row.role === role) ?? Object.assign(new UserRole(), { role }),
  );
}
