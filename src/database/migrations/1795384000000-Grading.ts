import { Table, TableForeignKey, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';
import { id, timestamp } from '../column-types.js';

const fk = (column: string, table: string, onDelete: 'CASCADE' | 'RESTRICT' = 'CASCADE') =>
  new TableForeignKey({ columnNames: [column], referencedTableName: table, referencedColumnNames: ['id'], onDelete });

export class Grading1795384000000 implements MigrationInterface {
  name = 'Grading1795384000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'position_graders',
        columns: [
          { name: 'positionId', type: 'integer', isPrimary: true },
          { name: 'userId', type: 'integer', isPrimary: true },
        ],
        foreignKeys: [fk('positionId', 'positions'), fk('userId', 'users')],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'writing_grades',
        columns: [
          id(),
          { name: 'submissionId', type: 'integer' },
          { name: 'graderId', type: 'integer' },
          { name: 'levels', type: 'text', isNullable: true },
          { name: 'overall', type: 'float', isNullable: true },
          { name: 'comment', type: 'text', isNullable: true },
          timestamp(queryRunner, 'assignedAt'),
          timestamp(queryRunner, 'submittedAt', { isNullable: true }),
        ],
        foreignKeys: [fk('submissionId', 'writing_submissions'), fk('graderId', 'users', 'RESTRICT')],
        indices: [
          new TableIndex({
            name: 'IDX_writing_grades_submission_grader',
            columnNames: ['submissionId', 'graderId'],
            isUnique: true,
          }),
          new TableIndex({ name: 'IDX_writing_grades_graderId', columnNames: ['graderId'] }),
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'presentations',
        columns: [
          id(),
          { name: 'applicationId', type: 'integer', isUnique: true },
          { name: 'deckFileId', type: 'integer', isNullable: true },
          timestamp(queryRunner, 'uploadedAt', { isNullable: true }),
          timestamp(queryRunner, 'sessionAt', { isNullable: true }),
        ],
        foreignKeys: [
          fk('applicationId', 'applications'),
          new TableForeignKey({
            columnNames: ['deckFileId'],
            referencedTableName: 'stored_files',
            referencedColumnNames: ['id'],
            onDelete: 'SET NULL',
          }),
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'presentation_scores',
        columns: [
          id(),
          { name: 'presentationId', type: 'integer' },
          { name: 'evaluatorId', type: 'integer' },
          { name: 'levels', type: 'text', isNullable: true },
          { name: 'overall', type: 'float', isNullable: true },
          { name: 'comment', type: 'text', isNullable: true },
          timestamp(queryRunner, 'assignedAt'),
          timestamp(queryRunner, 'submittedAt', { isNullable: true }),
        ],
        foreignKeys: [fk('presentationId', 'presentations'), fk('evaluatorId', 'users', 'RESTRICT')],
        indices: [
          new TableIndex({
            name: 'IDX_presentation_scores_presentation_evaluator',
            columnNames: ['presentationId', 'evaluatorId'],
            isUnique: true,
          }),
          new TableIndex({ name: 'IDX_presentation_scores_evaluatorId', columnNames: ['evaluatorId'] }),
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('presentation_scores');
    await queryRunner.dropTable('presentations');
    await queryRunner.dropTable('writing_grades');
    await queryRunner.dropTable('position_graders');
  }
}
