import request from 'supertest';
import type { User } from '../../src/accounts/entities/user.entity.js';
import { Outcome } from '../../src/positions/entities/outcome.entity.js';
import { Position } from '../../src/positions/entities/position.entity.js';
import { B2B_SALESPERSON } from '../../src/positions/position-templates.js';
import { PositionsService } from '../../src/positions/positions.service.js';
import { PublishingService } from '../../src/positions/publishing.service.js';
import type { TestApp } from './test-app.js';

/** The outcomes of a position in their order. */
export function outcomesOf(testApp: TestApp, positionId: number): Promise<Outcome[]> {
  return testApp.dataSource.getRepository(Outcome).find({ where: { positionId }, order: { sortOrder: 'ASC' } });
}

/**
 * A position from the B2B template with these fields (in Boston, hybrid, unless they say otherwise), published and
 * switched on for the careers site, written straight to the database as the manager's settings page would. The first
 * outcome is asked on the form with a required answer, the second with an optional one; answers up to 40 words.
 * Returns the id and the canonical path of its public page.
 */
export async function listedPosition(
  testApp: TestApp,
  manager: User,
  title: string,
  fields: Partial<Position> = {},
): Promise<{ id: number; path: string }> {
  const positions = testApp.app.get(PositionsService);
  const { id } = await positions.create(manager, B2B_SALESPERSON.key, undefined);
  const repository = testApp.dataSource.getRepository(Position);
  await repository.update(id, { title, location: 'Boston', workplace: 'hybrid', ...fields });
  const fresh = await positions.findOrFail(id);
  await testApp.app.get(PublishingService).publish(manager, id, fresh.lockVersion, false);
  await repository.update(id, {
    onCareersSite: true,
    careersListedAt: new Date('2027-03-01T09:00:00Z'),
    answerWordLimit: 40,
  });
  const [first, second] = await outcomesOf(testApp, id);
  const outcomes = testApp.dataSource.getRepository(Outcome);
  await outcomes.update(first.id, { askOnApplication: true, answerRequired: true });
  await outcomes.update(second.id, { askOnApplication: true });
  const moved = await request(testApp.server).get(`/careers/${id}`);
  if (moved.status !== 301) throw new Error(`The position is not on the careers site (${moved.status})`);
  return { id, path: moved.headers.location as string };
}
