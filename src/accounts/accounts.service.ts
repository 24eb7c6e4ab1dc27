import { Injectable } from '@nestjs/common';
import { DomainError, FormInvalidError } from '../common/errors.js';
import { AppConfig } from '../config/app-config.js';
import { UnitOfWork } from '../database/unit-of-work.js';
import { MailService } from '../mail/mail.service.js';
import { TypeOrmSessionStore } from '../sessions/typeorm-session.store.js';
import { AccountTokensService } from './account-tokens.service.js';
import type { AcceptInvitationDto, ChangePasswordDto, ResetPasswordDto, SetupDto } from './dto/account.dto.js';
import type { User } from './entities/user.entity.js';
import { UserRole } from './entities/user-role.entity.js';
import { AttemptLimitsService } from './attempt-limits.service.js';
import type { TokenPurpose } from './entities/account-token.entity.js';
import { assertStrongPassword } from './password-strength.js';
import { hashPassword, verifyAgainstNothing, verifyPassword } from './password-hasher.js';
import { UsersRepository } from './users.repository.js';

/** Rolls back the unit of work that rehearses a password reset for an unknown address. */
class Rehearsal extends Error {}

const WRONG_CREDENTIALS = 'That email and password do not match an active account. Check both and try again.';

/** Signing in, first-run setup, and everything a person does with their own password. */
@Injectable()
export class AccountsService {
  private adminExists = false;

  constructor(
    private readonly users: UsersRepository,
    private readonly tokens: AccountTokensService,
    private readonly limits: AttemptLimitsService,
    private readonly mail: MailService,
    private readonly sessions: TypeOrmSessionStore,
    private readonly config: AppConfig,
    private readonly uow: UnitOfWork,
  ) {}

  /** True until the first admin exists; cached once false, since admins are never removed. */
  async needsSetup(): Promise<boolean> {
    if (this.adminExists) return false;
    this.adminExists = await this.users.anyAdminExists();
    return !this.adminExists;
  }

  async createFirstAdmin(dto: SetupDto): Promise<User> {
    if (!(await this.needsSetup())) throw new DomainError('not-found', 'Keeper is already set up.');
    assertConfirmed(dto);
    assertStrongPassword(dto.password, dto);
    const user = this.users.create({
      name: dto.name,
      email: dto.email,
      passwordHash: await hashPassword(dto.password),
      active: true,
      lastSignedInAt: new Date(),
      userRoles: [Object.assign(new UserRole(), { role: 'admin' })],
    });
    const saved = await this.users.save(user);
    this.adminExists = true;
    return saved;
  }

  /**
   * The same answer, and about the same time, for an unknown email, a wrong password or a deactivated account.
   * The attempt is counted before the password is checked, so concurrent guesses cannot outrun the limit.
   */
  async signIn(email: string, password: string, address: string): Promise<User> {
    const attempt = await this.limits.startSignIn(email, address);
    const user = await this.users.findByEmail(email);
    const valid = user?.passwordHash
      ? await verifyPassword(password, user.passwordHash)
      : await verifyAgainstNothing(password);
    if (!user || !valid || !user.active) throw FormInvalidError.single('_form', WRONG_CREDENTIALS);
    await attempt.succeeded();
    user.lastSignedInAt = new Date();
    return this.users.save(user);
  }

  /** The user behind a session, or null when the account is gone or deactivated. */
  async findSignedIn(userId: number): Promise<User | null> {
    const user = await this.users.findById(userId);
    return user?.active ? user : null;
  }

  /** The zone this person sees times in; null: the company's. */
  async saveTimeZone(user: User, timeZone: string | null): Promise<void> {
    await this.users.setTimeZone(user.id, timeZone);
    user.timeZone = timeZone;
  }

  async changePassword(user: User, dto: ChangePasswordDto, currentSid: string): Promise<void> {
    if (!user.passwordHash || !(await verifyPassword(dto.currentPassword, user.passwordHash))) {
      throw FormInvalidError.single('currentPassword', 'That is not your current password');
    }
    assertConfirmed(dto);
    assertStrongPassword(dto.password, user);
    user.passwordHash = await hashPassword(dto.password);
    await this.users.save(user);
    await this.sessions.destroyAllForUser(user.id, currentSid);
  }

  /**
   * Mails a reset link if the address belongs to an active account; says nothing either way, and takes as long:
   * for an unknown address a token is made and hashed and the mail written just the same, then rolled back.
   */
  async requestPasswordReset(email: string, address: string): Promise<void> {
    if (!(await this.limits.mayMailReset(email, address))) return;
    const user = await this.users.findByEmail(email);
    const message = (name: string, token: string) => ({
      to: email,
      subject: 'Reset your Keeper password',
      template: 'password-reset',
      data: { name, link: this.config.link(`/password/reset/${token}`) },
    });
    if (!user?.active || !user.passwordHash) {
      const rehearsal = this.uow.run(async () => {
        await this.mail.send(message('Keeper user', await this.tokens.rehearseIssue('password-reset')));
        throw new Rehearsal();
      });
      return rehearsal.catch((error: unknown) => {
        if (!(error instanceof Rehearsal)) throw error;
      });
    }
    await this.uow.run(async () => {
      const token = await this.tokens.issue(user.id, 'password-reset');
      await this.mail.send({ ...message(user.name, token), to: user.email });
    });
  }

  checkResetToken(token: string, address: string) {
    return this.checkLink(token, 'password-reset', address);
  }

  async resetPassword(token: string, dto: ResetPasswordDto, address: string): Promise<User> {
    const { user: person } = await this.checkLink(token, 'password-reset', address);
    assertConfirmed(dto);
    assertStrongPassword(dto.password, person);
    const record = await this.tokens.consume(token, 'password-reset');
    const user = record.user;
    user.passwordHash = await hashPassword(dto.password);
    await this.users.save(user);
    await this.sessions.destroyAllForUser(user.id);
    return user;
  }

  checkInvitation(token: string, address: string) {
    return this.checkLink(token, 'invitation', address);
  }

  async acceptInvitation(token: string, dto: AcceptInvitationDto, address: string): Promise<User> {
    const { user: person } = await this.checkLink(token, 'invitation', address);
    assertConfirmed(dto);
    assertStrongPassword(dto.password, { name: `${dto.name} ${person.name}`, email: person.email });
    const record = await this.tokens.consume(token, 'invitation');
    const user = record.user;
    user.name = dto.name;
    user.passwordHash = await hashPassword(dto.password);
    user.lastSignedInAt = new Date();
    return this.users.save(user);
  }

  /** A link's record if it may be used; a failed check counts against the address and the link. */
  private async checkLink(token: string, purpose: TokenPurpose, address: string) {
    const attempt = await this.limits.startLinkUse(token, address);
    const record = await this.tokens.check(token, purpose);
    await attempt.succeeded();
    return record;
  }
}

function assertConfirmed(dto: { password: string; passwordConfirmation: string }): void {
  if (dto.password !== dto.passwordConfirmation) {
    throw FormInvalidError.single('passwordConfirmation', 'The two passwords are not the same');
  }
}
