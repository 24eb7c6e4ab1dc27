import type { MigrationInterface, QueryRunner } from 'typeorm';
import {
  dropInsightTriggerStatements,
  insightTriggerStatements,
  markEverythingStatements,
} from '../insight-triggers.js';

/**
 * Source quality and the funnel's "outcomes by source" and "rejection reasons" from summaries, not history:
 * - insight_sources: per position, day applied, source and agency, the applications, how many passed vetting, were
 *   hired, reviewed, keepers; the sum and count of reviewed hires' attainment; the hires' accepted salaries summed
 *   (the agency's fee is applied when read, so a changed fee needs no rebuild) and the hires without one;
 * - insight_outcomes: per position, day applied, source, current stage and rejection reason, the applications.
 * The insight_sources_* triggers mark a bucket for every input (the application itself, its history, hire, goals and
 * offers); every bucket is marked now, so the next refresh builds both tables.
 */
export class SourceSummary1795392700000 implements MigrationInterface {
  name = 'SourceSummary1795392700000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const pg = queryRunner.connection.options.type === 'postgres';
    await queryRunner.query(
      `CREATE TABLE insight_sources ("positionId" integer NOT NULL, day varchar(10) NOT NULL, source varchar(16) NOT NULL,
         "agencyId" integer, applications integer NOT NULL, vetted integer NOT NULL, hires integer NOT NULL,
         reviewed integer NOT NULL, keepers integer NOT NULL, "attainmentSum" double precision, attained integer NOT NULL,
         "salarySum" bigint, unsalaried integer NOT NULL)`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_insight_sources_bucket" ON insight_sources ("positionId", day)`);
    await queryRunner.query(
      `CREATE TABLE insight_outcomes ("positionId" integer NOT NULL, day varchar(10) NOT NULL, source varchar(16) NOT NULL,
         stage varchar(16) NOT NULL, "rejectionReasonId" integer, applications integer NOT NULL)`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_insight_outcomes_bucket" ON insight_outcomes ("positionId", day)`);
    for (const statement of [
      ...dropInsightTriggerStatements(pg, ['insight_sources']),
      ...insightTriggerStatements(pg, ['insight_sources']),
      ...markEverythingStatements(pg, ['sources']),
    ])
      await queryRunner.query(statement);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const pg = queryRunner.connection.options.type === 'postgres';
    for (const statement of dropInsightTriggerStatements(pg, ['insight_sources'])) await queryRunner.query(statement);
    await queryRunner.query(`DELETE FROM insight_dirty WHERE kind = 'sources'`);
    await queryRunner.query(`DROP INDEX "IDX_insight_outcomes_bucket"`);
    await queryRunner.query(`DROP TABLE insight_outcomes`);
    await queryRunner.query(`DROP INDEX "IDX_insight_sources_bucket"`);
    await queryRunner.query(`DROP TABLE insight_sources`);
  }
}
