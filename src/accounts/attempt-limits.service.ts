import { Injectable } from '@nestjs/common';
import { setTimeout as sleep } from 'node:timers/promises';
import { DataSource } from 'typeorm';
import { DomainError, FormInvalidError } from '../common/errors.js';
import { databaseLimiter, limitKey, minutesUntil, SLOW_DOWN_MS, spend, type LimitName } from './attempt-limits.js';

/** An attempt that has spent its points; call `succeeded` when it turns out right, to give them back. */
export interface Attempt {
  succeeded(): Promise<void>;
}

const wait = (minutes: number) => `Wait ${minutes} ${minutes === 1 ? 'minute' : 'minutes'}`;

/**
 * Limits on guessing, counted in the database so that every process shares them. A point is spent atomically
 * BEFORE the password or link is checked, so concurrent guesses cannot all pass the check; a success gives it back.
 */
@Injectable()
export class AttemptLimitsService {
  private readonly limiters: Record<LimitName, ReturnType<typeof databaseLimiter>>;

  constructor(dataSource: DataSource) {
    const limiter = (name: LimitName) => databaseLimiter(dataSource, name);
    this.limiters = {
      signInPerAccountAndAddress: limiter('signInPerAccountAndAddress'),
      signInPerAddress: limiter('signInPerAddress'),
      signInPerAccount: limiter('signInPerAccount'),
      resetRequestsPerAddress: limiter('resetRequestsPerAddress'),
      resetMailsPerEmail: limiter('resetMailsPerEmail'),
      linkFailuresPerAddress: limiter('linkFailuresPerAddress'),
      linkFailuresPerToken: limiter('linkFailuresPerToken'),
      applicationsPerAddress: limiter('applicationsPerAddress'),
    };
  }

  /**
   * Refused (429) past the limit for this account from this address, or for this address; past the limit for the
   * account alone, only slowed, so a stranger elsewhere cannot lock a real user out.
   */
  async startSignIn(email: string, address: string): Promise<Attempt> {
    const { signInPerAccountAndAddress: pair, signInPerAddress: ip, signInPerAccount: account } = this.limiters;
    const keys = { pair: limitKey(email, address), ip: limitKey(address), account: limitKey(email) };
    const spent = await Promise.all([spend(pair, keys.pair), spend(ip, keys.ip), spend(account, keys.account)]);
    const refused = spent.slice(0, 2).filter((result) => !result.allowed);
    if (refused.length) {
      const minutes = minutesUntil(refused.map((result) => result.res));
      throw new FormInvalidError(
        { _form: [`Too many failed sign-ins. ${wait(minutes)} and try again, or reset your password.`] },
        'throttled',
      );
    }
    if (!spent[2].allowed) await sleep(SLOW_DOWN_MS);
    return {
      succeeded: async () => {
        await Promise.all([pair.delete(keys.pair), ip.reward(keys.ip, 1), account.reward(keys.account, 1)]);
      },
    };
  }

  /** Refused (429) past the limit for this address; false (mail nothing, answer the same) past the limit for the email. */
  async mayMailReset(email: string, address: string): Promise<boolean> {
    const byAddress = await spend(this.limiters.resetRequestsPerAddress, limitKey(address));
    if (!byAddress.allowed) {
      throw new FormInvalidError(
        { _form: [`Too many reset requests from your network. ${wait(minutesUntil([byAddress.res]))} and try again.`] },
        'throttled',
      );
    }
    return (await spend(this.limiters.resetMailsPerEmail, limitKey(email))).allowed;
  }

  /** An application from the careers site: refused (429, the form again with every value) past the limit for this address. */
  async startApplication(address: string): Promise<void> {
    const spent = await spend(this.limiters.applicationsPerAddress, limitKey(address));
    if (!spent.allowed) {
      throw new FormInvalidError(
        {
          _form: [
            `We have received many applications from your network in the last hour. ${wait(minutesUntil([spent.res]))} and send this form again; nothing you typed is lost.`,
          ],
        },
        'throttled',
      );
    }
  }

  /** Invitation and password-reset links: refused (429) past the limit for this address or this link. */
  async startLinkUse(token: string, address: string): Promise<Attempt> {
    const { linkFailuresPerAddress: ip, linkFailuresPerToken: link } = this.limiters;
    const keys = { ip: limitKey(address), link: limitKey(token) };
    const spent = await Promise.all([spend(ip, keys.ip), spend(link, keys.link)]);
    const refused = spent.filter((result) => !result.allowed);
    if (refused.length) {
      const minutes = minutesUntil(refused.map((result) => result.res));
      throw new DomainError('throttled', `Too many attempts with links. ${wait(minutes)} and try again.`);
    }
    return {
      succeeded: async () => {
        await Promise.all([ip.reward(keys.ip, 1), link.reward(keys.link, 1)]);
      },
    };
  }
}
