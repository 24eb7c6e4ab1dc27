import { Injectable } from '@nestjs/common';
import type { User } from '../accounts/entities/user.entity.js';
import { DomainError } from '../common/errors.js';

/**
 * Who may export a candidate's data from the staff side: admins only (the data a candidate request covers goes well
 * beyond what a hiring manager works with). The candidate downloads their own through their portal link.
 */
@Injectable()
export class DataExportAccess {
  canExport(user: User): boolean {
    return user.hasRole('admin');
  }

  requireExport(user: User): void {
    if (!this.canExport(user)) throw new DomainError('forbidden', "Only admins can export a candidate's data.");
  }
}
