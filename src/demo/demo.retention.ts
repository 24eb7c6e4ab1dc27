import type { INestApplication } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { User } from '../accounts/entities/user.entity.js';
import { runAs } from '../audit/audit-context.js';
import { LegalHoldService } from '../data-protection/legal-hold.service.js';
import { RetentionService } from '../data-protection/retention.service.js';

export const DEMO_HOLD_REASON = 'EEOC charge received: keep every hiring record of this candidate (demo).';

/**
 * Retention in the demo: rejected candidates are kept 12 months, so the preview lists the past candidates rejected
 * longer ago; the first of them is on legal hold instead (and so not listed). Nothing is anonymised at seeding.
 */
export async function seedRetention(app: INestApplication, admin: User): Promise<void> {
  await runAs({ kind: 'user', id: admin.id }, async () => {
    await app.get(RetentionService).save(admin, { rejected: '12', confirmed: '1' });
    const [held] = (await app.get(DataSource).query(
      `SELECT c.id FROM candidates c JOIN applications a ON a."candidateId" = c.id
       WHERE c.name LIKE 'Past Candidate %' AND a.stage = 'rejected' ORDER BY a."stageChangedAt", c.id`,
    )) as { id: number | string }[];
    if (held)
      await app.get(LegalHoldService).place(admin, { kind: 'candidate', id: Number(held.id) }, DEMO_HOLD_REASON);
  });
}
