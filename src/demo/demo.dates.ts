import type { INestApplication } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ApplicationEvent } from '../candidates/entities/application-event.entity.js';
import { Application } from '../candidates/entities/application.entity.js';
import { Candidate } from '../candidates/entities/candidate.entity.js';

/**
 * When each live candidate applied and how long they have been in their stage, in days before now. The services
 * stamp everything "now"; a board where everyone applied today and waits 0 days would not look like a real pipeline.
 * Times follow the seeded facts: Hana presented six days ago, Ben's interview was two days ago, Chloe's five; Nina
 * accepted her offer before starting nine days ago, Omar about 8 months ago. Victor's rejection stays as recorded.
 */
const TIMELINE: Record<string, [applied: number, inStage: number | null]> = {
  'Rosa Quinn': [2, 2],
  'Devon Park': [5, 5],
  'Amara Obi': [14, 11],
  'Luis Ortega': [10, 8],
  'Hana Sato': [18, 5],
  'Ben Adler': [24, 1],
  'Chloe Martin': [27, 4],
  'Victor Hale': [9, null],
  'Ivy Chen': [11, 3],
  'Nina Okafor': [50, 28],
  'Omar Haddad': [290, 264],
};

/**
 * Moves the live candidates (when added, consent) and applications' dates and their stage history back along TIMELINE
 * (no audit entries: set-up, not work).
 */
export async function settleDemoDates(app: INestApplication): Promise<void> {
  const ds = app.get(DataSource);
  const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000);
  for (const [name, [applied, inStage]] of Object.entries(TIMELINE)) {
    const application = await ds
      .getRepository(Application)
      .findOneOrFail({ where: { candidate: { name } }, relations: { candidate: true } });
    const start = daysAgo(applied);
    const end = inStage === null ? application.stageChangedAt : daysAgo(inStage);
    await ds
      .createQueryBuilder()
      .update(Candidate)
      .set({ createdAt: start, consentAt: start })
      .where('id = :id', { id: application.candidateId })
      .callListeners(false)
      .execute();
    await ds
      .createQueryBuilder()
      .update(Application)
      .set({ createdAt: start, stageChangedAt: end })
      .where('id = :id', { id: application.id })
      .callListeners(false)
      .execute();
    const events = await ds
      .getRepository(ApplicationEvent)
      .find({ where: { applicationId: application.id }, order: { id: 'ASC' } });
    // Stage moves spread evenly from applying to entering the current stage; notes keep their place between them.
    for (const [index, event] of events.entries()) {
      const at =
        events.length === 1
          ? start
          : new Date(start.getTime() + ((end.getTime() - start.getTime()) * index) / (events.length - 1));
      await ds
        .createQueryBuilder()
        .update(ApplicationEvent)
        .set({ createdAt: at })
        .where('id = :id', { id: event.id })
        .callListeners(false)
        .execute();
    }
  }
}
