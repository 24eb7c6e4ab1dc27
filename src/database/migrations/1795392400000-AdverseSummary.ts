import type { MigrationInterface, QueryRunner } from 'typeorm';
import {
  dropInsightTriggerStatements,
  insightTriggerStatements,
  markEverythingStatements,
} from '../insight-triggers.js';

/**
 * A summary table for the adverse-impact report: per position, day applied (the application's createdAt day, as
 * insight_funnel has it), selection step and combination of self-identification answers, how many applications the
 * step decided about and how many it selected. Counts only, like the report: no row names an application or a
 * candidate. A null answer ("no answer given") is a group of its own, so the four answer columns are nullable and
 * there is no primary key over them (PostgreSQL's would refuse nulls); a bucket's rows are replaced whole, found by
 * the index on (position, day).
 *
 * The insight_adverse_* triggers mark a bucket (kind 'adverse') for every change that can alter it. The whole trigger
 * set is dropped and created again, as the start-up check does, and every bucket of every kind is marked, so the
 * next refresh rebuilds all the summaries (a table rebuild since InsightSummaries may have dropped its triggers).
 */
export class AdverseSummary1795392400000 implements MigrationInterface {
  name = 'AdverseSummary1795392400000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const pg = queryRunner.connection.options.type === 'postgres';
    await queryRunner.query(
      `CREATE TABLE insight_adverse ("positionId" integer NOT NULL, day varchar(10) NOT NULL, step varchar(16) NOT NULL,
         sex varchar(16), race varchar(16), veteran varchar(16), disability varchar(16),
         applicants integer NOT NULL, selected integer NOT NULL)`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_insight_adverse_bucket" ON insight_adverse ("positionId", day)`);
    for (const statement of [
      // The families and kinds as they were then (later migrations add their own).
      ...dropInsightTriggerStatements(pg, ['insight_mark', 'insight_adverse']),
      ...insightTriggerStatements(pg, ['insight_mark', 'insight_adverse']),
      ...markEverythingStatements(pg, ['funnel', 'calibration', 'adverse']),
    ])
      await queryRunner.query(statement);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const pg = queryRunner.connection.options.type === 'postgres';
    for (const statement of dropInsightTriggerStatements(pg, ['insight_adverse'])) await queryRunner.query(statement);
    await queryRunner.query(`DELETE FROM insight_dirty WHERE kind = 'adverse'`);
    await queryRunner.query(`DROP INDEX "IDX_insight_adverse_bucket"`);
    await queryRunner.query(`DROP TABLE insight_adverse`);
  }
}
