import { Table, TableForeignKey, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';
import { createdAt, id, timestamp } from '../column-types.js';

const fk = (column: string, table: string, onDelete: 'CASCADE' | 'SET NULL' | 'RESTRICT' = 'CASCADE') =>
  new TableForeignKey({ columnNames: [column], referencedTableName: table, referencedColumnNames: ['id'], onDelete });

export class Vetting1795383000000 implements MigrationInterface {
  name = 'Vetting1795383000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'vetting_configs',
        columns: [
          id(),
          { name: 'positionId', type: 'integer', isUnique: true },
          { name: 'assessmentRequired', type: 'boolean', default: true },
          { name: 'minEligibility', type: 'integer', default: 60 },
          { name: 'minSuitability', type: 'integer', default: 60 },
          { name: 'writingRequired', type: 'boolean', default: true },
          { name: 'writingPassMean', type: 'float', default: 3 },
          { name: 'writingMinWords', type: 'integer', default: 150 },
          { name: 'writingMaxWords', type: 'integer', default: 400 },
          { name: 'writingTimeLimitMinutes', type: 'integer', isNullable: true, default: 45 },
          { name: 'presentationRequired', type: 'boolean', default: true },
          { name: 'presentationPassMean', type: 'float', default: 3 },
          { name: 'presentationBrief', type: 'text' },
          timestamp(queryRunner, 'updatedAt', { default: 'CURRENT_TIMESTAMP' }),
        ],
        foreignKeys: [fk('positionId', 'positions')],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'assessments',
        columns: [
          id(),
          { name: 'applicationId', type: 'integer', isUnique: true },
          { name: 'provider', type: 'varchar', length: '120' },
          { name: 'takenOn', type: 'varchar', length: '10' },
          { name: 'eligibility', type: 'integer' },
          { name: 'suitability', type: 'integer' },
          { name: 'traits', type: 'text', isNullable: true },
          { name: 'reportFileId', type: 'integer', isNullable: true },
          { name: 'recordedById', type: 'integer' },
          timestamp(queryRunner, 'recordedAt'),
        ],
        foreignKeys: [
          fk('applicationId', 'applications'),
          fk('reportFileId', 'stored_files', 'SET NULL'),
          fk('recordedById', 'users', 'RESTRICT'),
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'writing_prompts',
        columns: [
          id(),
          { name: 'positionId', type: 'integer' },
          { name: 'sortOrder', type: 'integer' },
          { name: 'text', type: 'text' },
        ],
        foreignKeys: [fk('positionId', 'positions')],
        indices: [new TableIndex({ name: 'IDX_writing_prompts_positionId', columnNames: ['positionId'] })],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'portal_links',
        columns: [
          id(),
          { name: 'applicationId', type: 'integer' },
          { name: 'token', type: 'varchar', length: '64', isUnique: true },
          timestamp(queryRunner, 'expiresAt'),
          timestamp(queryRunner, 'revokedAt', { isNullable: true }),
          timestamp(queryRunner, 'firstOpenedAt', { isNullable: true }),
          { name: 'createdById', type: 'integer' },
          createdAt(queryRunner),
        ],
        foreignKeys: [fk('applicationId', 'applications'), fk('createdById', 'users', 'RESTRICT')],
        indices: [new TableIndex({ name: 'IDX_portal_links_applicationId', columnNames: ['applicationId'] })],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'writing_submissions',
        columns: [
          id(),
          { name: 'applicationId', type: 'integer', isUnique: true },
          { name: 'prompt', type: 'text' },
          { name: 'draft', type: 'text', default: "''" },
          timestamp(queryRunner, 'startedAt'),
          timestamp(queryRunner, 'deadlineAt', { isNullable: true }),
          timestamp(queryRunner, 'draftSavedAt', { isNullable: true }),
          timestamp(queryRunner, 'submittedAt', { isNullable: true }),
          { name: 'text', type: 'text', isNullable: true },
          { name: 'signals', type: 'text', isNullable: true },
        ],
        foreignKeys: [fk('applicationId', 'applications')],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['writing_submissions', 'portal_links', 'writing_prompts']) await queryRunner.dropTable(table);
    await queryRunner.dropTable('assessments');
    await queryRunner.dropTable('vetting_configs');
  }
}
