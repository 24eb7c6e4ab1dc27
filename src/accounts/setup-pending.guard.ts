import { Injectable, type CanActivate } from '@nestjs/common';
import { DomainError } from '../common/errors.js';
import { AccountsService } from './accounts.service.js';

/** The setup page exists only until the first admin does. */
@Injectable()
export class SetupPendingGuard implements CanActivate {
  constructor(private readonly accounts: AccountsService) {}

  async canActivate(): Promise<boolean> {
    if (await this.accounts.needsSetup()) return true;
    throw new DomainError('not-found', 'Keeper is already set up.');
  }
}
