import { CandidatesRepository } from '../../src/candidates/candidates.repository.js';
import { Application, type Stage } from '../../src/candidates/entities/application.entity.js';
import { UnitOfWork } from '../../src/database/unit-of-work.js';
import type { TestApp } from './test-app.js';

/** A small seeded PRNG (mulberry32), so a failing random run can be replayed with SUMMARY_SEED. */
export function prng(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  const int = (below: number) => Math.floor(next() * below);
  return { next, int, pick: <T>(items: readonly T[]): T => items[int(items.length)] };
}
export type Random = ReturnType<typeof prng>;

/**
 * The pipeline's own writes for a move: the conditional stage change (with the reason when rejected) and its history
 * line, in one unit of work.
 */
export async function pipelineMove(
  testApp: TestApp,
  applicationId: number,
  to: Stage,
  rejectionReasonId: number | null = null,
): Promise<void> {
  const candidates = testApp.app.get(CandidatesRepository);
  await testApp.app.get(UnitOfWork).run(async () => {
    const current = await testApp.dataSource.getRepository(Application).findOneByOrFail({ id: applicationId });
    await candidates.changeStage(applicationId, current.stage, to, {
      rejectionReasonId: to === 'rejected' ? rejectionReasonId : null,
      rejectedFromStage: to === 'rejected' && rejectionReasonId !== null ? current.stage : null,
      rejectionMessageId: null,
    });
    await candidates.addEvent({ applicationId, fromStage: current.stage, toStage: to, summary: 'x' });
  });
}
