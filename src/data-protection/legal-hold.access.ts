import type { User } from '../accounts/entities/user.entity.js';

/**
 * Who places and lifts legal holds, and reads their reasons: admins. The compliance role is confined to the
 * adverse-impact report and never sees candidates or positions, so it cannot act on their pages; everyone else who
 * sees a held candidate or position sees the badge, not the reason (it may name a claim or a person).
 */
export const legalHoldAccess = {
  canManage: (user: User): boolean => user.hasRole('admin'),
};
