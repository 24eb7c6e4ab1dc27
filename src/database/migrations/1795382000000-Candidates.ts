import { Table, TableForeignKey, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';
import { createdAt, id, timestamp } from '../column-types.js';

const fk = (column: string, table: string, onDelete: 'CASCADE' | 'SET NULL' | 'RESTRICT' = 'CASCADE') =>
  new TableForeignKey({ columnNames: [column], referencedTableName: table, referencedColumnNames: ['id'], onDelete });

const DEFAULT_REJECTION_REASONS = [
  'Did not pass vetting',
  'Writing test below the threshold',
  'Research presentation below the threshold',
  'Interview evidence does not support the outcomes',
  'Position filled or closed',
  'No reply from the candidate',
];

export class Candidates1795382000000 implements MigrationInterface {
  name = 'Candidates1795382000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const isPostgres = queryRunner.connection.options.type === 'postgres';
    await queryRunner.createTable(
      new Table({
        name: 'stored_files',
        columns: [
          id(),
          { name: 'fileName', type: 'varchar', length: '200' },
          { name: 'contentType', type: 'varchar', length: '120' },
          { name: 'size', type: 'integer' },
          { name: 'sha256', type: 'varchar', length: '64' },
          { name: 'data', type: isPostgres ? 'bytea' : 'blob', isNullable: true },
          { name: 'createdById', type: 'integer' },
          createdAt(queryRunner),
        ],
        foreignKeys: [fk('createdById', 'users', 'RESTRICT')],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'candidates',
        columns: [
          id(),
          { name: 'name', type: 'varchar', length: '120' },
          { name: 'email', type: 'varchar', length: '254', isUnique: true },
          { name: 'phone', type: 'varchar', length: '40', isNullable: true },
          { name: 'source', type: 'varchar', length: '16' },
          { name: 'notes', type: 'text', isNullable: true },
          timestamp(queryRunner, 'consentAt', { isNullable: true }),
          { name: 'resumeFileId', type: 'integer', isNullable: true },
          { name: 'createdById', type: 'integer' },
          createdAt(queryRunner),
          timestamp(queryRunner, 'updatedAt', { default: 'CURRENT_TIMESTAMP' }),
        ],
        foreignKeys: [fk('resumeFileId', 'stored_files', 'SET NULL'), fk('createdById', 'users', 'RESTRICT')],
        indices: [new TableIndex({ name: 'IDX_candidates_name', columnNames: ['name'] })],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'rejection_reasons',
        columns: [
          id(),
          { name: 'label', type: 'varchar', length: '120', isUnique: true },
          { name: 'active', type: 'boolean', default: true },
          { name: 'sortOrder', type: 'integer', default: 0 },
        ],
      }),
    );
    for (const [index, label] of DEFAULT_REJECTION_REASONS.entries()) {
      await queryRunner.query(`INSERT INTO rejection_reasons (label, "sortOrder") VALUES ('${label}', ${index})`);
    }

    await queryRunner.createTable(
      new Table({
        name: 'applications',
        columns: [
          id(),
          { name: 'candidateId', type: 'integer' },
          { name: 'positionId', type: 'integer' },
          { name: 'positionVersion', type: 'integer' },
          { name: 'stage', type: 'varchar', length: '16' },
          timestamp(queryRunner, 'stageChangedAt'),
          { name: 'code', type: 'varchar', length: '12', isUnique: true },
          { name: 'rejectionReasonId', type: 'integer', isNullable: true },
          { name: 'createdById', type: 'integer' },
          createdAt(queryRunner),
        ],
        foreignKeys: [
          fk('candidateId', 'candidates'),
          fk('positionId', 'positions'),
          fk('rejectionReasonId', 'rejection_reasons', 'RESTRICT'),
          fk('createdById', 'users', 'RESTRICT'),
        ],
        indices: [
          new TableIndex({
            name: 'IDX_applications_candidate_position',
            columnNames: ['candidateId', 'positionId'],
            isUnique: true,
          }),
          new TableIndex({ name: 'IDX_applications_position_stage', columnNames: ['positionId', 'stage'] }),
        ],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'application_events',
        columns: [
          id(),
          { name: 'applicationId', type: 'integer' },
          { name: 'fromStage', type: 'varchar', length: '16', isNullable: true },
          { name: 'toStage', type: 'varchar', length: '16', isNullable: true },
          { name: 'summary', type: 'varchar', length: '500' },
          { name: 'byId', type: 'integer' },
          createdAt(queryRunner),
        ],
        foreignKeys: [fk('applicationId', 'applications'), fk('byId', 'users', 'RESTRICT')],
        indices: [new TableIndex({ name: 'IDX_application_events_applicationId', columnNames: ['applicationId'] })],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['application_events', 'applications', 'rejection_reasons', 'candidates', 'stored_files'])
      await queryRunner.dropTable(table);
  }
}
