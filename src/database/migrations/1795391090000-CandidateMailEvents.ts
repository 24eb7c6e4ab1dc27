import { TableColumn, type MigrationInterface, type QueryRunner } from 'typeorm';
import { timestamp } from '../column-types.js';

/**
 * The remaining candidate messages (issue 14): when the candidate was reminded of an interview (the day-before
 * reminder goes once), and the version of a presentation session's calendar invitation (SEQUENCE, raised on each
 * change or cancellation so calendars replace the earlier one).
 */
export class CandidateMailEvents1795391090000 implements MigrationInterface {
  name = 'CandidateMailEvents1795391090000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumn(
      'interviews',
      new TableColumn(timestamp(queryRunner, 'candidateRemindedAt', { isNullable: true })),
    );
    await queryRunner.addColumn(
      'presentations',
      new TableColumn({ name: 'calendarSequence', type: 'integer', default: 0 }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropColumn('presentations', 'calendarSequence');
    await queryRunner.dropColumn('interviews', 'candidateRemindedAt');
  }
}
