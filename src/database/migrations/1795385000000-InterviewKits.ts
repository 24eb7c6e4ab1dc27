import { Table, TableColumn, TableForeignKey, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';
import { createdAt, id, timestamp } from '../column-types.js';

const fk = (column: string, table: string, onDelete: 'CASCADE' | 'RESTRICT' = 'CASCADE') =>
  new TableForeignKey({ columnNames: [column], referencedTableName: table, referencedColumnNames: ['id'], onDelete });

export class InterviewKits1795385000000 implements MigrationInterface {
  name = 'InterviewKits1795385000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'questions',
        columns: [
          id(),
          { name: 'text', type: 'text' },
          { name: 'type', type: 'varchar', length: '16' },
          { name: 'probes', type: 'varchar', length: '200', isNullable: true },
          { name: 'followUps', type: 'text', isNullable: true },
          { name: 'rubric', type: 'text' },
          { name: 'createdById', type: 'integer' },
          createdAt(queryRunner),
          timestamp(queryRunner, 'updatedAt', { default: 'CURRENT_TIMESTAMP' }),
        ],
        foreignKeys: [fk('createdById', 'users', 'RESTRICT')],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'interview_kits',
        columns: [
          id(),
          { name: 'positionId', type: 'integer', isUnique: true },
          { name: 'instructions', type: 'text', isNullable: true },
          { name: 'vettingCoverage', type: 'text' },
          timestamp(queryRunner, 'publishedAt', { isNullable: true }),
          { name: 'lockVersion', type: 'integer' },
          timestamp(queryRunner, 'updatedAt', { default: 'CURRENT_TIMESTAMP' }),
        ],
        foreignKeys: [fk('positionId', 'positions')],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'kit_items',
        columns: [
          id(),
          { name: 'kitId', type: 'integer' },
          { name: 'questionId', type: 'integer' },
          { name: 'sortOrder', type: 'integer' },
          { name: 'minutes', type: 'integer', default: 10 },
          { name: 'outcomeIds', type: 'text' },
        ],
        foreignKeys: [fk('kitId', 'interview_kits'), fk('questionId', 'questions', 'RESTRICT')],
        indices: [new TableIndex({ name: 'IDX_kit_items_kitId', columnNames: ['kitId'] })],
      }),
    );
    // Protected topics added by admins carry the topic they belong to.
    await queryRunner.addColumn(
      'check_phrases',
      new TableColumn({ name: 'note', type: 'varchar', length: '120', isNullable: true }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropColumn('check_phrases', 'note');
    for (const table of ['kit_items', 'interview_kits', 'questions']) await queryRunner.dropTable(table);
  }
}
