import type { MigrationInterface, QueryRunner } from 'typeorm';
import {
  dropInsightTriggerStatements,
  insightTriggerStatements,
  markEverythingStatements,
} from '../insight-triggers.js';

/**
 * insight_ready: per position and day applied, how many applications in Vetting have passed every required vetting
 * step — the manager home's "can move to Interview" counts, which read every application in Vetting (0.2–2 s on
 * PostgreSQL with 33,000 in Vetting). The insight_adverse_* triggers already mark a bucket for every input of the
 * vetting gate but which steps are required; they now watch those too, so the trigger set is created again, and every
 * adverse-impact bucket is marked: the next refresh builds both summaries.
 */
export class ReadySummary1795392600000 implements MigrationInterface {
  name = 'ReadySummary1795392600000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const pg = queryRunner.connection.options.type === 'postgres';
    await queryRunner.query(
      `CREATE TABLE insight_ready ("positionId" integer NOT NULL, day varchar(10) NOT NULL, passed integer NOT NULL,
         PRIMARY KEY ("positionId", day))`,
    );
    for (const statement of [
      ...dropInsightTriggerStatements(pg, ['insight_mark', 'insight_adverse']),
      ...insightTriggerStatements(pg, ['insight_mark', 'insight_adverse']),
      ...markEverythingStatements(pg, ['adverse']),
    ])
      await queryRunner.query(statement);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    // The triggers keep watching the required steps: harmless marks for the adverse-impact summary.
    await queryRunner.query(`DROP TABLE insight_ready`);
  }
}
