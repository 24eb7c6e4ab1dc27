import type { MigrationInterface, QueryRunner } from 'typeorm';
import {
  dropInsightTriggerStatements,
  insightTriggerStatements,
  markEverythingStatements,
} from '../insight-triggers.js';

/**
 * Summary tables for the funnel's stage counts and the calibration report (issue 17): rows per position and day (and
 * furthest stage or interviewer), so a report reads a table that grows with positions × days, not with applications
 * or ratings. The database keeps them honest itself: triggers on every table they are computed from write a dirty
 * mark (kind, position, day) in the same transaction as the change — whichever code path, seed or raw SQL made it —
 * and the reports recompute the marked buckets before reading (src/insights/insight-summaries.ts).
 *
 * The day is the date part of the dated column each report filters on (the application's createdAt for the funnel,
 * the interview's startsAt for calibration), as the reports' `>= from` / `< to + 1 day` comparisons see it: the first
 * ten characters on SQLite, the session time zone's date on PostgreSQL. Existing data is marked dirty here, so the
 * first report (or the refresh job) builds the tables.
 */
export class InsightSummaries1795392300000 implements MigrationInterface {
  name = 'InsightSummaries1795392300000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const pg = queryRunner.connection.options.type === 'postgres';
    const real = pg ? 'double precision' : 'real';
    await queryRunner.query(
      `CREATE TABLE insight_dirty (id ${pg ? 'bigserial' : 'integer'} PRIMARY KEY, kind varchar(16) NOT NULL, "positionId" integer NOT NULL, day varchar(10) NOT NULL)`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_insight_dirty_bucket" ON insight_dirty (kind, "positionId", day)`);
    await queryRunner.query(
      `CREATE TABLE insight_funnel ("positionId" integer NOT NULL, day varchar(10) NOT NULL, furthest integer NOT NULL, applications integer NOT NULL, PRIMARY KEY ("positionId", day, furthest))`,
    );
    await queryRunner.query(
      `CREATE TABLE insight_calibration ("positionId" integer NOT NULL, day varchar(10) NOT NULL, "userId" integer NOT NULL,
         submitted integer NOT NULL, "onTime" integer NOT NULL, "meanSum" ${real}, "meanCount" integer NOT NULL,
         "deltaSum" ${real}, "deltaCount" integer NOT NULL, "strongNo" integer NOT NULL, no integer NOT NULL,
         yes integer NOT NULL, "strongYes" integer NOT NULL, decided integer NOT NULL, matched integer NOT NULL,
         PRIMARY KEY ("positionId", day, "userId"))`,
    );
    // A bucket's calibration is recomputed from one day of interviews: IDX_interviews_startsAt (OpenInterviews).
    // Only the triggers and kinds this migration introduced (AdverseSummary adds its own).
    for (const statement of insightTriggerStatements(pg, ['insight_mark'])) await queryRunner.query(statement);
    for (const statement of markEverythingStatements(pg, ['funnel', 'calibration'])) await queryRunner.query(statement);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const pg = queryRunner.connection.options.type === 'postgres';
    for (const statement of dropInsightTriggerStatements(pg)) await queryRunner.query(statement);
    await queryRunner.query(`DROP TABLE insight_calibration`);
    await queryRunner.query(`DROP TABLE insight_funnel`);
    await queryRunner.query(`DROP TABLE insight_dirty`);
  }
}
