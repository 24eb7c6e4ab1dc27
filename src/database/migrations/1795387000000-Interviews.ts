import { Table, TableColumn, TableForeignKey, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';
import { createdAt, id, timestamp } from '../column-types.js';

const fk = (column: string, table: string, onDelete: 'CASCADE' | 'RESTRICT' = 'CASCADE') =>
  new TableForeignKey({ columnNames: [column], referencedTableName: table, referencedColumnNames: ['id'], onDelete });

export class Interviews1795387000000 implements MigrationInterface {
  name = 'Interviews1795387000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'interviews',
        columns: [
          id(),
          { name: 'applicationId', type: 'integer' },
          { name: 'round', type: 'integer' },
          timestamp(queryRunner, 'startsAt'),
          { name: 'timeZone', type: 'varchar', length: '64' },
          { name: 'durationMinutes', type: 'integer' },
          { name: 'location', type: 'varchar', length: '300' },
          { name: 'uid', type: 'varchar', length: '120', isUnique: true },
          { name: 'sequence', type: 'integer', default: 0 },
          timestamp(queryRunner, 'cancelledAt', { isNullable: true }),
          { name: 'questions', type: 'text' },
          { name: 'outcomes', type: 'text' },
          { name: 'instructions', type: 'text', isNullable: true },
          { name: 'decision', type: 'varchar', length: '16', isNullable: true },
          { name: 'rationale', type: 'text', isNullable: true },
          timestamp(queryRunner, 'decidedAt', { isNullable: true }),
          { name: 'decidedById', type: 'integer', isNullable: true },
          { name: 'scheduledById', type: 'integer' },
          createdAt(queryRunner),
          timestamp(queryRunner, 'updatedAt', { default: 'CURRENT_TIMESTAMP' }),
        ],
        foreignKeys: [
          fk('applicationId', 'applications'),
          fk('decidedById', 'users', 'RESTRICT'),
          fk('scheduledById', 'users', 'RESTRICT'),
        ],
        indices: [new TableIndex({ name: 'IDX_interviews_applicationId', columnNames: ['applicationId'] })],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'panelists',
        columns: [
          id(),
          { name: 'interviewId', type: 'integer' },
          { name: 'userId', type: 'integer' },
          { name: 'lead', type: 'boolean', default: false },
          timestamp(queryRunner, 'preparedAt', { isNullable: true }),
          { name: 'ratings', type: 'text' },
          { name: 'planReaction', type: 'varchar', length: '16', isNullable: true },
          { name: 'planNotes', type: 'text', isNullable: true },
          { name: 'recommendation', type: 'varchar', length: '16', isNullable: true },
          timestamp(queryRunner, 'submittedAt', { isNullable: true }),
          timestamp(queryRunner, 'remindedAt', { isNullable: true }),
          timestamp(queryRunner, 'updatedAt', { default: 'CURRENT_TIMESTAMP' }),
        ],
        foreignKeys: [fk('interviewId', 'interviews'), fk('userId', 'users', 'RESTRICT')],
        indices: [
          new TableIndex({
            name: 'IDX_panelists_interview_user',
            columnNames: ['interviewId', 'userId'],
            isUnique: true,
          }),
          new TableIndex({ name: 'IDX_panelists_userId', columnNames: ['userId'] }),
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'scorecard_edits',
        columns: [
          id(),
          { name: 'panelistId', type: 'integer' },
          { name: 'changes', type: 'text' },
          createdAt(queryRunner),
        ],
        foreignKeys: [fk('panelistId', 'panelists')],
        indices: [new TableIndex({ name: 'IDX_scorecard_edits_panelistId', columnNames: ['panelistId'] })],
      }),
    );
    // Calendar invitations travel as attachments; the outbox keeps them too.
    await queryRunner.addColumn(
      'outbox_messages',
      new TableColumn({ name: 'attachments', type: 'text', isNullable: true }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropColumn('outbox_messages', 'attachments');
    for (const table of ['scorecard_edits', 'panelists', 'interviews']) await queryRunner.dropTable(table);
  }
}
