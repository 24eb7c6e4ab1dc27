import type { INestApplication } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { runAs } from '../audit/audit-context.js';
import { Application } from '../candidates/entities/application.entity.js';
import { DataRequest } from '../data-protection/entities/data-request.entity.js';
import { DataRequestsService, DUE_DAYS } from '../data-protection/data-requests.service.js';
import { PortalLink } from '../vetting/entities/portal-link.entity.js';

const DAY_MS = 86_400_000;

/**
 * One pending erasure request, nine days old: the first history candidate rejected after vetting asked through
 * their closed application's portal link (revoked at the rejection, as Keeper does), so the admins' queue and home
 * page have something to answer.
 */
export async function seedDataRequests(app: INestApplication): Promise<void> {
  const ds = app.get(DataSource);
  const application = await ds
    .getRepository(Application)
    .createQueryBuilder('application')
    .innerJoin('application.candidate', 'candidate')
    .where('application.stage = :stage', { stage: 'rejected' })
    .andWhere("candidate.email LIKE '%@history.demo'")
    .orderBy('application.id', 'ASC')
    .getOneOrFail();
  const token = randomBytes(24).toString('base64url');
  await ds.getRepository(PortalLink).insert({
    applicationId: application.id,
    token,
    expiresAt: application.stageChangedAt,
    revokedAt: application.stageChangedAt,
    createdById: null,
  });
  const request = await runAs({ kind: 'candidate', id: null }, () =>
    app.get(DataRequestsService).requestErasure(token),
  );
  const createdAt = new Date(Date.now() - 9 * DAY_MS);
  await ds
    .getRepository(DataRequest)
    .update(request.id, { createdAt, dueAt: new Date(createdAt.getTime() + DUE_DAYS * DAY_MS) });
}
