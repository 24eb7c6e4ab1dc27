import { Table, TableForeignKey, type MigrationInterface, type QueryRunner } from 'typeorm';
import { createdAt, id, timestamp } from '../column-types.js';

/**
 * Voluntary self-identification (issue 15): one row per application with the candidate's answers (sex, race or
 * ethnicity, protected veteran status, disability), apart from every table the hiring team reads, and the admin's
 * switch (on or off, and for positions in which countries).
 */
export class SelfIdentification1795391600000 implements MigrationInterface {
  name = 'SelfIdentification1795391600000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const answer = (name: string) => ({ name, type: 'varchar', length: '16', isNullable: true });
    await queryRunner.createTable(
      new Table({
        name: 'self_identifications',
        columns: [
          id(),
          { name: 'applicationId', type: 'integer', isUnique: true },
          answer('sex'),
          answer('race'),
          answer('veteran'),
          answer('disability'),
          createdAt(queryRunner),
          timestamp(queryRunner, 'updatedAt', { default: 'CURRENT_TIMESTAMP' }),
        ],
        foreignKeys: [
          new TableForeignKey({
            columnNames: ['applicationId'],
            referencedTableName: 'applications',
            referencedColumnNames: ['id'],
            onDelete: 'CASCADE',
          }),
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'self_identification_settings',
        columns: [
          id(),
          { name: 'enabled', type: 'boolean', default: true },
          { name: 'countries', type: 'varchar', length: '500', isNullable: true },
          { name: 'updatedById', type: 'integer', isNullable: true },
          timestamp(queryRunner, 'updatedAt', { default: 'CURRENT_TIMESTAMP' }),
        ],
        foreignKeys: [
          new TableForeignKey({
            columnNames: ['updatedById'],
            referencedTableName: 'users',
            referencedColumnNames: ['id'],
            onDelete: 'SET NULL',
          }),
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('self_identification_settings');
    await queryRunner.dropTable('self_identifications');
  }
}
