import { TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * Open interviews (no decision, not cancelled) are a handful at any time, however many interviews the history
 * holds. Home pages, the overdue-scorecard sweep and the manager's pipeline look for exactly those, so a partial
 * index over them lets the database start there instead of walking every seat a busy interviewer ever held
 * (issue 17: 25,000 decided interviews behind an interviewer's home page).
 */
export class OpenInterviews1795392250000 implements MigrationInterface {
  name = 'OpenInterviews1795392250000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createIndex(
      'interviews',
      new TableIndex({
        name: 'IDX_interviews_open',
        columnNames: ['startsAt', 'id'],
        where: '"decidedAt" IS NULL AND "cancelledAt" IS NULL',
      }),
    );
    // "Interviews this week" on the manager's home reads a window of days, decided or not.
    await queryRunner.createIndex(
      'interviews',
      new TableIndex({ name: 'IDX_interviews_startsAt', columnNames: ['startsAt'] }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropIndex('interviews', 'IDX_interviews_startsAt');
    await queryRunner.dropIndex('interviews', 'IDX_interviews_open');
  }
}
