import { Table, TableColumn, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';
import { timestamp } from '../column-types.js';

const LISTED = '"anonymisedAt" IS NULL';

/** The list and board indexes, over applications still shown (an anonymised candidate's leave every list). */
const indexes = (partial: boolean) => [
  new TableIndex({
    name: 'IDX_applications_board_column',
    columnNames: ['positionId', 'stage', 'stageChangedAt', 'id'],
    where: partial ? LISTED : undefined,
  }),
  // The list pages by ids alone: with "anonymisedAt" IS NULL as an equality on the index, it covers the query.
  new TableIndex({
    name: 'IDX_applications_position_created',
    columnNames: partial ? ['positionId', 'anonymisedAt', 'createdAt', 'id'] : ['positionId', 'createdAt', 'id'],
  }),
];

/** SQLite: one trigger per change, each a single statement list run inside the writing transaction. */
const SQLITE_TRIGGERS = [
  `CREATE TRIGGER application_counts_insert AFTER INSERT ON applications WHEN NEW."anonymisedAt" IS NULL
   BEGIN
     INSERT INTO application_counts ("positionId", stage, total) VALUES (NEW."positionId", NEW.stage, 1)
       ON CONFLICT ("positionId", stage) DO UPDATE SET total = total + 1;
   END`,
  `CREATE TRIGGER application_counts_delete AFTER DELETE ON applications WHEN OLD."anonymisedAt" IS NULL
   BEGIN
     UPDATE application_counts SET total = total - 1 WHERE "positionId" = OLD."positionId" AND stage = OLD.stage;
   END`,
  `CREATE TRIGGER application_counts_update AFTER UPDATE OF stage, "positionId", "anonymisedAt" ON applications
   BEGIN
     UPDATE application_counts SET total = total - 1
       WHERE OLD."anonymisedAt" IS NULL AND "positionId" = OLD."positionId" AND stage = OLD.stage;
     INSERT INTO application_counts ("positionId", stage, total) SELECT NEW."positionId", NEW.stage, 1
       WHERE NEW."anonymisedAt" IS NULL
       ON CONFLICT ("positionId", stage) DO UPDATE SET total = total + 1;
   END`,
];

/** Anonymising a candidate (by whatever path) hides their applications in the same statement. */
const SQLITE_FOLLOW = `CREATE TRIGGER applications_follow_candidate AFTER UPDATE OF "anonymisedAt" ON candidates
   BEGIN
     UPDATE applications SET "anonymisedAt" = NEW."anonymisedAt" WHERE "candidateId" = NEW.id;
   END`;
const POSTGRES_FOLLOW = `CREATE FUNCTION applications_follow_candidate() RETURNS trigger AS $$
BEGIN
  UPDATE applications SET "anonymisedAt" = NEW."anonymisedAt" WHERE "candidateId" = NEW.id;
  RETURN NULL;
END $$ LANGUAGE plpgsql`;

/**
 * PostgreSQL: statement-level triggers over the statement's changed rows (transition tables), so a bulk insert of
 * 100,000 applications adds one delta per (position, stage) instead of updating the same count row 100,000 times.
 * Deltas are applied in (position, stage) order, so two statements moving applications in opposite directions wait
 * for each other instead of deadlocking.
 */
const DELTA = (changes: string) => `INSERT INTO application_counts ("positionId", stage, total)
      SELECT "positionId", stage, SUM(n) FROM (${changes}) AS changes
      GROUP BY "positionId", stage HAVING SUM(n) <> 0 ORDER BY "positionId", stage
      ON CONFLICT ("positionId", stage) DO UPDATE SET total = application_counts.total + EXCLUDED.total;`;
const ARRIVED = `SELECT "positionId", stage, 1 AS n FROM new_rows WHERE "anonymisedAt" IS NULL`;
const LEFT = `SELECT "positionId", stage, -1 AS n FROM old_rows WHERE "anonymisedAt" IS NULL`;
const POSTGRES_FUNCTION = `CREATE FUNCTION application_counts_apply() RETURNS trigger AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    ${DELTA(ARRIVED)}
  ELSIF TG_OP = 'DELETE' THEN
    ${DELTA(LEFT)}
  ELSE
    ${DELTA(`${ARRIVED} UNION ALL ${LEFT}`)}
  END IF;
  RETURN NULL;
END $$ LANGUAGE plpgsql`;
const POSTGRES_TRIGGERS = [
  `CREATE TRIGGER application_counts_insert AFTER INSERT ON applications REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION application_counts_apply()`,
  `CREATE TRIGGER application_counts_update AFTER UPDATE ON applications
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION application_counts_apply()`,
  `CREATE TRIGGER application_counts_delete AFTER DELETE ON applications REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION application_counts_apply()`,
];

/**
 * Fast at 100,000 applications (issue 17). An anonymised candidate's applications leave every list and board, so
 * `applications.anonymisedAt` copies the candidate's (a trigger on candidates sets it in the same statement) and the
 * list and board indexes cover only listed applications: counting and paging no longer join candidates.
 *
 * `application_counts` holds, per position and stage, how many listed applications it has. Database triggers keep
 * it in the same transaction as every insert, move, anonymisation and delete, whichever code path writes (the app,
 * the demo, bulk loads), so the board's column counts and the list's total read a few rows instead of counting
 * 100,000. On SQLite, a later migration that rebuilds `applications` or `candidates` (TypeORM's addColumn and
 * changeColumn do) drops these triggers with the old table: migrateOnce puts them back (restoreApplicationCounts) at
 * start-up when one is missing, and `test/application-counts.e2e-spec.ts` checks it.
 */
export class ApplicationCounts1795392100000 implements MigrationInterface {
  name = 'ApplicationCounts1795392100000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const postgres = queryRunner.connection.options.type === 'postgres';
    await queryRunner.addColumn(
      'applications',
      new TableColumn(timestamp(queryRunner, 'anonymisedAt', { isNullable: true })),
    );
    await queryRunner.query(
      `UPDATE applications SET "anonymisedAt" = (SELECT c."anonymisedAt" FROM candidates c WHERE c.id = applications."candidateId")
        WHERE "candidateId" IN (SELECT id FROM candidates WHERE "anonymisedAt" IS NOT NULL)`,
    );
    for (const index of indexes(false)) await queryRunner.dropIndex('applications', index.name!);
    for (const index of indexes(true)) await queryRunner.createIndex('applications', index);
    await queryRunner.createIndex(
      'applications',
      new TableIndex({
        name: 'IDX_applications_stage_created',
        columnNames: ['positionId', 'stage', 'anonymisedAt', 'createdAt', 'id'],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'application_counts',
        columns: [
          { name: 'positionId', type: 'integer', isPrimary: true },
          { name: 'stage', type: 'varchar', length: '16', isPrimary: true },
          { name: 'total', type: 'integer', default: 0 },
        ],
      }),
    );
    await queryRunner.query(
      `INSERT INTO application_counts ("positionId", stage, total)
        SELECT "positionId", stage, COUNT(*) FROM applications WHERE ${LISTED} GROUP BY "positionId", stage`,
    );
    if (!postgres) return restoreApplicationCounts(queryRunner);
    await queryRunner.query(POSTGRES_FUNCTION);
    for (const trigger of POSTGRES_TRIGGERS) await queryRunner.query(trigger);
    await queryRunner.query(POSTGRES_FOLLOW);
    await queryRunner.query(
      `CREATE TRIGGER applications_follow_candidate AFTER UPDATE OF "anonymisedAt" ON candidates
        FOR EACH ROW WHEN (NEW."anonymisedAt" IS DISTINCT FROM OLD."anonymisedAt")
        EXECUTE FUNCTION applications_follow_candidate()`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    if (queryRunner.connection.options.type === 'postgres') {
      await queryRunner.query('DROP TRIGGER applications_follow_candidate ON candidates');
      await queryRunner.query('DROP FUNCTION applications_follow_candidate()');
      for (const name of ['insert', 'update', 'delete'])
        await queryRunner.query(`DROP TRIGGER application_counts_${name} ON applications`);
      await queryRunner.query('DROP FUNCTION application_counts_apply()');
    } else {
      await queryRunner.query('DROP TRIGGER applications_follow_candidate');
      for (const name of ['insert', 'delete', 'update'])
        await queryRunner.query(`DROP TRIGGER application_counts_${name}`);
    }
    await queryRunner.dropTable('application_counts');
    await queryRunner.dropIndex('applications', 'IDX_applications_stage_created');
    for (const index of indexes(true)) await queryRunner.dropIndex('applications', index.name!);
    for (const index of indexes(false)) await queryRunner.createIndex('applications', index);
    await queryRunner.dropColumn('applications', 'anonymisedAt');
  }
}

/** The SQLite triggers of this migration, by name: a start-up check puts them back when one is missing. */
export const APPLICATION_COUNT_TRIGGERS = [
  'application_counts_insert',
  'application_counts_delete',
  'application_counts_update',
  'applications_follow_candidate',
];

/**
 * SQLite: (re)creates the triggers and recounts from the rows, so the counts are exact again. TypeORM alters a SQLite
 * table by recreating it, which drops its triggers; migrateOnce calls this at start-up when one is missing.
 */
export async function restoreApplicationCounts(queryRunner: QueryRunner): Promise<void> {
  for (const name of APPLICATION_COUNT_TRIGGERS) await queryRunner.query(`DROP TRIGGER IF EXISTS ${name}`);
  await queryRunner.query(
    `UPDATE applications SET "anonymisedAt" = (SELECT c."anonymisedAt" FROM candidates c WHERE c.id = applications."candidateId")`,
  );
  await queryRunner.query('DELETE FROM application_counts');
  await queryRunner.query(
    `INSERT INTO application_counts ("positionId", stage, total)
      SELECT "positionId", stage, COUNT(*) FROM applications WHERE ${LISTED} GROUP BY "positionId", stage`,
  );
  for (const trigger of [...SQLITE_TRIGGERS, SQLITE_FOLLOW]) await queryRunner.query(trigger);
}
