import { Injectable } from '@nestjs/common';
import { createHash, randomBytes } from 'node:crypto';
import { DomainError } from '../common/errors.js';
import type { AccountToken, TokenPurpose } from './entities/account-token.entity.js';
import { UsersRepository } from './users.repository.js';

export const TOKEN_LIFETIME_MS: Record<TokenPurpose, number> = {
  invitation: 7 * 24 * 60 * 60 * 1000,
  'password-reset': 60 * 60 * 1000,
};

const WHAT: Record<TokenPurpose, string> = { invitation: 'invitation', 'password-reset': 'password reset link' };
const ASK_AGAIN: Record<TokenPurpose, string> = {
  invitation: 'Ask your Keeper admin to send you a new invitation.',
  'password-reset': 'Ask for a new link on the "Forgot your password?" page.',
};

function digest(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** Single-use, expiring links sent by mail. The database holds only a hash of each token. */
@Injectable()
export class AccountTokensService {
  constructor(private readonly users: UsersRepository) {}

  /** Issues a new token and retires any earlier unused one of the same purpose for that user. */
  async issue(userId: number, purpose: TokenPurpose, createdById: number | null = null): Promise<string> {
    const token = randomBytes(32).toString('base64url');
    await this.users.deleteUnusedTokens(userId, purpose);
    await this.users.saveToken({
      userId,
      purpose,
      createdById,
      tokenHash: digest(token),
      expiresAt: new Date(Date.now() + TOKEN_LIFETIME_MS[purpose]),
    });
    return token;
  }

  /**
   * The work of `issue` for no one: a token made and hashed, earlier tokens looked for (there are none: no user
   * has id 0) — for a request that must take as long as a real one. The token is kept nowhere.
   */
  async rehearseIssue(purpose: TokenPurpose): Promise<string> {
    const token = randomBytes(32).toString('base64url');
    digest(token);
    await this.users.deleteUnusedTokens(0, purpose);
    return token;
  }

  /** The token's record if the link may still be used; otherwise a "gone" error that says why. */
  async check(token: string, purpose: TokenPurpose): Promise<AccountToken> {
    const record = await this.users.findToken(digest(token), purpose);
    const what = WHAT[purpose];
    if (!record)
      throw new DomainError(
        'gone',
        `This ${what} link is not valid. Check that you copied the whole link. ${ASK_AGAIN[purpose]}`,
      );
    if (record.usedAt) throw new DomainError('gone', `This ${what} has already been used. ${ASK_AGAIN[purpose]}`);
    if (record.expiresAt.getTime() <= Date.now())
      throw new DomainError('gone', `This ${what} has expired. ${ASK_AGAIN[purpose]}`);
    if (!record.user.active) throw new DomainError('gone', `This account has been deactivated. Ask your Keeper admin.`);
    return record;
  }

  /** Marks the token used; only one request can win when two arrive at once. */
  async consume(token: string, purpose: TokenPurpose): Promise<AccountToken> {
    const record = await this.check(token, purpose);
    if (!(await this.users.markTokenUsed(record.id)))
      throw new DomainError('gone', `This ${WHAT[purpose]} has already been used. ${ASK_AGAIN[purpose]}`);
    return record;
  }

  pendingInvitation(userId: number): Promise<AccountToken | null> {
    return this.users.findPendingInvitation(userId);
  }
}
