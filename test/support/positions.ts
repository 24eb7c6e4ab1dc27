import type { User } from '../../src/accounts/entities/user.entity.js';
import { B2B_SALESPERSON } from '../../src/positions/position-templates.js';
import { PositionsService } from '../../src/positions/positions.service.js';
import { PublishingService } from '../../src/positions/publishing.service.js';
import type { TestApp } from './test-app.js';

/** A position from the B2B template, published as version 1 (ready to recruit). */
export async function publishedPosition(testApp: TestApp, manager: User, title?: string): Promise<number> {
  const positions = testApp.app.get(PositionsService);
  const position = await positions.create(manager, B2B_SALESPERSON.key, undefined);
  if (title) await testApp.dataSource.query(`UPDATE positions SET title = '${title.replace(/'/g, "''")}' WHERE id = ${position.id}`);
  const fresh = await positions.findOrFail(position.id);
  await testApp.app.get(PublishingService).publish(manager, position.id, fresh.lockVersion, false);
  return position.id;
}
