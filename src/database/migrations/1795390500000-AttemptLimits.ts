import { Table, type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * The counters of rate-limiter-flexible's PostgreSQL and SQLite stores (sign-in, password reset, links), shared by
 * every app process. The columns are the ones the library would create itself; it is told the table exists.
 */
export class AttemptLimits1795390500000 implements MigrationInterface {
  name = 'AttemptLimits1795390500000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'attempt_limits',
        columns: [
          { name: 'key', type: 'varchar', length: '255', isPrimary: true },
          { name: 'points', type: 'integer', default: 0 },
          { name: 'expire', type: 'bigint', isNullable: true },
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('attempt_limits');
  }
}
