import type { MigrationInterface, QueryRunner } from 'typeorm';
import {
  dropInsightTriggerStatements,
  insightTriggerStatements,
  markEverythingStatements,
} from '../insight-triggers.js';

/**
 * The funnel's days in stage and time to hire (src/insights/duration-summary-sql.ts) and the bad-hire cost page's
 * process effort (src/insights/effort-summary-sql.ts) from summaries, not history:
 * - insight_durations: per position, day applied, stage and length to a tenth of a day, the ended stays — built with
 *   the funnel's buckets, whose insight_mark_* triggers already watch every column of the history it reads;
 * - insight_hire_spans: per position, day applied and days to the accepted offer (to a tenth), the hires — built with
 *   the source-quality buckets, whose insight_sources_* triggers now also watch the offer's answer time, so that
 *   family is created again;
 * - insight_grading: per position and day applied, writing grades and presentation scores submitted — built with the
 *   adverse-impact buckets, whose triggers follow grades and scores;
 * - insight_seats: per position and interview day, panel seats of interviews not cancelled and their minutes — built
 *   with the calibration buckets, whose triggers follow seats and interviews.
 * Every bucket is marked: the next refresh builds the four tables (and the others again).
 */
export class DurationAndEffortSummaries1795392800000 implements MigrationInterface {
  name = 'DurationAndEffortSummaries1795392800000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const pg = queryRunner.connection.options.type === 'postgres';
    await queryRunner.query(
      `CREATE TABLE insight_durations ("positionId" integer NOT NULL, day varchar(10) NOT NULL, stage varchar(16) NOT NULL,
         tenths integer NOT NULL, stays integer NOT NULL)`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_insight_durations_bucket" ON insight_durations ("positionId", day)`);
    await queryRunner.query(
      `CREATE TABLE insight_hire_spans ("positionId" integer NOT NULL, day varchar(10) NOT NULL, tenths integer NOT NULL,
         hires integer NOT NULL)`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_insight_hire_spans_bucket" ON insight_hire_spans ("positionId", day)`);
    await queryRunner.query(
      `CREATE TABLE insight_grading ("positionId" integer NOT NULL, day varchar(10) NOT NULL, grades integer NOT NULL,
         scores integer NOT NULL, PRIMARY KEY ("positionId", day))`,
    );
    await queryRunner.query(
      `CREATE TABLE insight_seats ("positionId" integer NOT NULL, day varchar(10) NOT NULL, seats integer NOT NULL,
         minutes integer NOT NULL, PRIMARY KEY ("positionId", day))`,
    );
    for (const statement of [
      ...dropInsightTriggerStatements(pg, ['insight_sources']),
      ...insightTriggerStatements(pg, ['insight_sources']),
      ...markEverythingStatements(pg, ['funnel', 'calibration', 'adverse', 'sources']),
    ])
      await queryRunner.query(statement);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    // The source triggers keep watching the offer's answer time: harmless marks for the source-quality summary.
    await queryRunner.query(`DROP TABLE insight_seats`);
    await queryRunner.query(`DROP TABLE insight_grading`);
    await queryRunner.query(`DROP INDEX "IDX_insight_hire_spans_bucket"`);
    await queryRunner.query(`DROP TABLE insight_hire_spans`);
    await queryRunner.query(`DROP INDEX "IDX_insight_durations_bucket"`);
    await queryRunner.query(`DROP TABLE insight_durations`);
  }
}
