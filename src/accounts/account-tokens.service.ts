import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { createHash, randomBytes } from 'node:crypto';
import { IsNull, type Repository } from 'typeorm';
import { DomainError } from '../common/errors.js';
import { AccountToken, type TokenPurpose } from './entities/account-token.entity.js';

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
  constructor(@InjectRepository(AccountToken) private readonly tokens: Repository<AccountToken>) {}

  /** Issues a new token and retires any earlier unused one of the same purpose for that user. */
  async issue(userId: number, purpose: TokenPurpose, createdById: number | null = null): Promise<string> {
    const token = randomBytes(32).toString('base64url');
    await this.tokens.delete({ userId, purpose, usedAt: IsNull() });
    await this.tokens.save(
      this.tokens.create({
        userId,
        purpose,
        createdById,
        tokenHash: digest(token),
        expiresAt: new Date(Date.now() + TOKEN_LIFETIME_MS[purpose]),
      }),
    );
    return token;
  }

  /** The token's record if the link may still be used; otherwise a "gone" error that says why. */
  async check(token: string, purpose: TokenPurpose): Promise<AccountToken> {
    const record = await this.tokens.findOne({
      where: { tokenHash: digest(token), purpose },
      relations: { user: true },
    });
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
    const result = await this.tokens.update({ id: record.id, usedAt: IsNull() }, { usedAt: new Date() });
    if (result.affected !== 1)
      throw new DomainError('gone', `This ${WHAT[purpose]} has already been used. ${ASK_AGAIN[purpose]}`);
    return record;
  }

  pendingInvitation(userId: number): Promise<AccountToken | null> {
    return this.tokens.findOne({
      where: { userId, purpose: 'invitation', usedAt: IsNull() },
      order: { createdAt: 'DESC' },
    });
  }
}
