import { Table, TableForeignKey, type MigrationInterface, type QueryRunner } from 'typeorm';
import { id, timestamp } from '../column-types.js';

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
        foreignKeys: [fk('applicationId', 'applications'), fk('reportFileId', 'stored_files', 'SET NULL'), fk('recordedById', 'users', 'RESTRICT')],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('assessments');
    await queryRunner.dropTable('vetting_configs');
  }
}
