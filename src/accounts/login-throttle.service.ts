import { Injectable } from '@nestjs/common';
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import { FormInvalidError } from '../common/errors.js';

const WINDOW_SECONDS = 15 * 60;

/**
 * Counts failed sign-ins per account and per address. Past the limit, sign-in answers 429 until
 * the window passes, whether or not the password is right. Counters live in this process's memory.
 */
@Injectable()
export class LoginThrottleService {
  static readonly FAILURES_PER_ACCOUNT = 5;
  static readonly FAILURES_PER_ADDRESS = 20;

  private readonly byAccount = new RateLimiterMemory({
    keyPrefix: 'account',
    points: LoginThrottleService.FAILURES_PER_ACCOUNT,
    duration: WINDOW_SECONDS,
  });
  private readonly byAddress = new RateLimiterMemory({
    keyPrefix: 'address',
    points: LoginThrottleService.FAILURES_PER_ADDRESS,
    duration: WINDOW_SECONDS,
  });

  async assertAllowed(email: string, address: string): Promise<void> {
    const [account, ip] = await Promise.all([this.byAccount.get(email), this.byAddress.get(address)]);
    const blocked = [account, ip].filter(
      (res, i): res is RateLimiterRes =>
        res !== null &&
        res.consumedPoints >=
          (i === 0 ? LoginThrottleService.FAILURES_PER_ACCOUNT : LoginThrottleService.FAILURES_PER_ADDRESS),
    );
    if (blocked.length === 0) return;
    const minutes = Math.ceil(Math.max(...blocked.map((res) => res.msBeforeNext)) / 60000);
    throw new FormInvalidError(
      {
        _form: [
          `Too many failed sign-ins. Wait ${minutes} ${minutes === 1 ? 'minute' : 'minutes'} and try again, or reset your password.`,
        ],
      },
      'throttled',
    );
  }

  async recordFailure(email: string, address: string): Promise<void> {
    await Promise.all([this.byAccount.penalty(email, 1), this.byAddress.penalty(address, 1)]);
  }

  async recordSuccess(email: string): Promise<void> {
    await this.byAccount.delete(email);
  }
}
