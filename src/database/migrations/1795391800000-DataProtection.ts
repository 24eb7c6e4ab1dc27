import { Table, TableColumn, TableForeignKey, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';
import { createdAt, id, timestamp } from '../column-types.js';

/**
 * Erasure (issue 15): when a candidate was anonymised, and the candidates' data requests that admins answer
 * (pending until confirmed or refused, due 30 days after they arrived).
 */
export class DataProtection1795391800000 implements MigrationInterface {
  name = 'DataProtection1795391800000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumn(
      'candidates',
      new TableColumn(timestamp(queryRunner, 'anonymisedAt', { isNullable: true })),
    );
    await queryRunner.createTable(
      new Table({
        name: 'data_requests',
        columns: [
          id(),
          { name: 'candidateId', type: 'integer' },
          { name: 'applicationId', type: 'integer', isNullable: true },
          { name: 'kind', type: 'varchar', length: '16' },
          { name: 'status', type: 'varchar', length: '16' },
          timestamp(queryRunner, 'dueAt'),
          timestamp(queryRunner, 'decidedAt', { isNullable: true }),
          { name: 'decidedById', type: 'integer', isNullable: true },
          { name: 'refusalReason', type: 'varchar', length: '16', isNullable: true },
          { name: 'refusalText', type: 'text', isNullable: true },
          createdAt(queryRunner),
        ],
        foreignKeys: [
          new TableForeignKey({
            columnNames: ['candidateId'],
            referencedTableName: 'candidates',
            referencedColumnNames: ['id'],
            onDelete: 'CASCADE',
          }),
          new TableForeignKey({
            columnNames: ['applicationId'],
            referencedTableName: 'applications',
            referencedColumnNames: ['id'],
            onDelete: 'SET NULL',
          }),
          new TableForeignKey({
            columnNames: ['decidedById'],
            referencedTableName: 'users',
            referencedColumnNames: ['id'],
            onDelete: 'SET NULL',
          }),
        ],
      }),
    );
    await queryRunner.createIndex(
      'data_requests',
      new TableIndex({ name: 'IDX_data_requests_status_createdAt', columnNames: ['status', 'createdAt'] }),
    );
    await queryRunner.createIndex(
      'data_requests',
      new TableIndex({ name: 'IDX_data_requests_candidateId', columnNames: ['candidateId'] }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('data_requests');
    await queryRunner.dropColumn('candidates', 'anonymisedAt');
  }
}
