import { Table, TableForeignKey, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';
import { createdAt, id, timestamp } from '../column-types.js';

const user = (column: string) =>
  new TableForeignKey({
    columnNames: [column],
    referencedTableName: 'users',
    referencedColumnNames: ['id'],
    onDelete: 'SET NULL',
  });

/**
 * Retention (issue 15): how many months after the decision each outcome's candidates are kept, the runs of the daily
 * job that anonymises those past it, and legal holds on a candidate or a whole position that stop it.
 */
export class RetentionAndLegalHold1795392000000 implements MigrationInterface {
  name = 'RetentionAndLegalHold1795392000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'retention_rules',
        columns: [
          id(),
          { name: 'outcome', type: 'varchar', length: '16', isUnique: true },
          { name: 'months', type: 'integer' },
          { name: 'updatedById', type: 'integer', isNullable: true },
          timestamp(queryRunner, 'updatedAt', { default: 'CURRENT_TIMESTAMP' }),
        ],
        foreignKeys: [user('updatedById')],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'retention_runs',
        columns: [
          id(),
          timestamp(queryRunner, 'startedAt'),
          timestamp(queryRunner, 'finishedAt', { isNullable: true }),
          { name: 'trigger', type: 'varchar', length: '16' },
          { name: 'triggeredById', type: 'integer', isNullable: true },
          { name: 'expired', type: 'integer', default: 0 },
          { name: 'anonymised', type: 'integer', default: 0 },
          { name: 'failed', type: 'integer', default: 0 },
        ],
        foreignKeys: [user('triggeredById')],
        indices: [new TableIndex({ name: 'IDX_retention_runs_startedAt', columnNames: ['startedAt'] })],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'legal_holds',
        columns: [
          id(),
          { name: 'candidateId', type: 'integer', isNullable: true },
          { name: 'positionId', type: 'integer', isNullable: true },
          { name: 'reason', type: 'varchar', length: '500' },
          { name: 'placedById', type: 'integer', isNullable: true },
          createdAt(queryRunner),
          timestamp(queryRunner, 'liftedAt', { isNullable: true }),
          { name: 'liftedById', type: 'integer', isNullable: true },
        ],
        foreignKeys: [
          new TableForeignKey({
            columnNames: ['candidateId'],
            referencedTableName: 'candidates',
            referencedColumnNames: ['id'],
            onDelete: 'CASCADE',
          }),
          new TableForeignKey({
            columnNames: ['positionId'],
            referencedTableName: 'positions',
            referencedColumnNames: ['id'],
            onDelete: 'CASCADE',
          }),
          user('placedById'),
          user('liftedById'),
        ],
        indices: [
          new TableIndex({ name: 'IDX_legal_holds_candidate', columnNames: ['candidateId', 'liftedAt'] }),
          new TableIndex({ name: 'IDX_legal_holds_position', columnNames: ['positionId', 'liftedAt'] }),
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('legal_holds');
    await queryRunner.dropTable('retention_runs');
    await queryRunner.dropTable('retention_rules');
  }
}
