import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Candidate search that stays fast at 100,000 candidates (issue 17): a case-insensitive substring of the name or the
 * email, found through a trigram index instead of reading every candidate (see candidates/candidate-search.ts).
 *
 * SQLite: an FTS5 table with the trigram tokenizer over candidates' name and email (external content: it holds the
 * index only), kept in step by triggers and filled here. A later SQLite migration that rebuilds the candidates table
 * (TypeORM does so to add or change a column) drops these triggers with the old table: it must call
 * restoreCandidateSearch after (test/candidate-search.e2e-spec.ts fails when new names are no longer found).
 *
 * PostgreSQL: pg_trgm's GIN indexes on lower(name) and lower(email), which serve `LIKE '%term%'` as it is. Trigrams
 * rather than a tsvector because a tsvector matches whole words and prefixes, not "mar" inside "Omar". The down
 * leaves the extension installed: it is database-wide, and other objects may use it.
 */
export class CandidateSearch1795392200000 implements MigrationInterface {
  name = 'CandidateSearch1795392200000';

  async up(queryRunner: QueryRunner): Promise<void> {
    if (queryRunner.connection.options.type === 'postgres') {
      await queryRunner.query('CREATE EXTENSION IF NOT EXISTS pg_trgm');
      await queryRunner.query(
        'CREATE INDEX "IDX_candidates_name_trigram" ON "candidates" USING gin (lower("name") gin_trgm_ops)',
      );
      await queryRunner.query(
        'CREATE INDEX "IDX_candidates_email_trigram" ON "candidates" USING gin (lower("email") gin_trgm_ops)',
      );
      return;
    }
    await queryRunner.query(
      `CREATE VIRTUAL TABLE "candidate_search" USING fts5(name, email, content='candidates', content_rowid='id', tokenize='trigram')`,
    );
    await restoreCandidateSearch(queryRunner);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    if (queryRunner.connection.options.type === 'postgres') {
      await queryRunner.query('DROP INDEX "IDX_candidates_email_trigram"');
      await queryRunner.query('DROP INDEX "IDX_candidates_name_trigram"');
      return;
    }
    for (const trigger of ['candidate_search_update', 'candidate_search_delete', 'candidate_search_insert'])
      await queryRunner.query(`DROP TRIGGER "${trigger}"`);
    await queryRunner.query('DROP TABLE "candidate_search"');
  }
}

/**
 * SQLite: (re)creates the triggers that keep `candidate_search` in step with candidates and refills it. A later
 * migration that rebuilds the candidates table (TypeORM's addColumn/changeColumn do on SQLite: the old table and its
 * triggers are dropped) must call this after it.
 */
export async function restoreCandidateSearch(queryRunner: QueryRunner): Promise<void> {
  await queryRunner.query(
    `CREATE TRIGGER IF NOT EXISTS "candidate_search_insert" AFTER INSERT ON "candidates" BEGIN
        INSERT INTO "candidate_search"(rowid, name, email) VALUES (new.id, new.name, new.email);
      END`,
  );
  await queryRunner.query(
    `CREATE TRIGGER IF NOT EXISTS "candidate_search_delete" AFTER DELETE ON "candidates" BEGIN
        INSERT INTO "candidate_search"("candidate_search", rowid, name, email) VALUES ('delete', old.id, old.name, old.email);
      END`,
  );
  await queryRunner.query(
    `CREATE TRIGGER IF NOT EXISTS "candidate_search_update" AFTER UPDATE OF name, email ON "candidates" BEGIN
        INSERT INTO "candidate_search"("candidate_search", rowid, name, email) VALUES ('delete', old.id, old.name, old.email);
        INSERT INTO "candidate_search"(rowid, name, email) VALUES (new.id, new.name, new.email);
      END`,
  );
  await queryRunner.query(`INSERT INTO "candidate_search"("candidate_search") VALUES ('rebuild')`);
}
