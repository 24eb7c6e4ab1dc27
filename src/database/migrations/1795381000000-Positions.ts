import { Table, TableForeignKey, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';
import { createdAt, id, timestamp } from '../column-types.js';

const fk = (column: string, table: string, onDelete: 'CASCADE' | 'SET NULL' | 'RESTRICT' = 'CASCADE') =>
  new TableForeignKey({ columnNames: [column], referencedTableName: table, referencedColumnNames: ['id'], onDelete });

export class Positions1795381000000 implements MigrationInterface {
  name = 'Positions1795381000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'positions',
        columns: [
          id(),
          { name: 'title', type: 'varchar', length: '160' },
          { name: 'team', type: 'varchar', length: '120', isNullable: true },
          { name: 'targetMarket', type: 'varchar', length: '160', isNullable: true },
          { name: 'hiringManagerId', type: 'integer' },
          { name: 'location', type: 'varchar', length: '160', isNullable: true },
          { name: 'workplace', type: 'varchar', length: '16', isNullable: true },
          { name: 'headcount', type: 'integer', default: 1 },
          { name: 'compensationMin', type: 'integer', isNullable: true },
          { name: 'compensationMax', type: 'integer', isNullable: true },
          { name: 'compensationCurrency', type: 'varchar', length: '3', isNullable: true },
          { name: 'mission', type: 'varchar', length: '300', isNullable: true },
          { name: 'description', type: 'text', isNullable: true },
          { name: 'status', type: 'varchar', length: '16', default: "'draft'" },
          { name: 'publishedVersion', type: 'integer', isNullable: true },
          { name: 'createdById', type: 'integer' },
          { name: 'lockVersion', type: 'integer' },
          createdAt(queryRunner),
          timestamp(queryRunner, 'updatedAt', { default: 'CURRENT_TIMESTAMP' }),
        ],
        foreignKeys: [fk('hiringManagerId', 'users', 'RESTRICT'), fk('createdById', 'users', 'RESTRICT')],
        indices: [
          new TableIndex({ name: 'IDX_positions_status', columnNames: ['status'] }),
          new TableIndex({ name: 'IDX_positions_hiringManagerId', columnNames: ['hiringManagerId'] }),
          new TableIndex({ name: 'IDX_positions_title', columnNames: ['title'] }),
        ],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'outcomes',
        columns: [
          id(),
          { name: 'positionId', type: 'integer' },
          { name: 'sortOrder', type: 'integer' },
          { name: 'metric', type: 'varchar', length: '200', isNullable: true },
          { name: 'targetKind', type: 'varchar', length: '16', isNullable: true },
          { name: 'targetValue', type: 'float', isNullable: true },
          { name: 'targetMax', type: 'float', isNullable: true },
          { name: 'targetUnit', type: 'varchar', length: '60', isNullable: true },
          { name: 'secondValue', type: 'float', isNullable: true },
          { name: 'secondMax', type: 'float', isNullable: true },
          { name: 'secondUnit', type: 'varchar', length: '60', isNullable: true },
          { name: 'scope', type: 'varchar', length: '160', isNullable: true },
          { name: 'deadlineKind', type: 'varchar', length: '16', isNullable: true },
          { name: 'deadlineN', type: 'integer', isNullable: true },
          { name: 'weight', type: 'integer', isNullable: true },
        ],
        foreignKeys: [fk('positionId', 'positions')],
        indices: [new TableIndex({ name: 'IDX_outcomes_positionId', columnNames: ['positionId'] })],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'position_versions',
        columns: [
          id(),
          { name: 'positionId', type: 'integer' },
          { name: 'number', type: 'integer' },
          { name: 'snapshot', type: 'text' },
          { name: 'acknowledgedWarnings', type: 'text' },
          { name: 'publishedById', type: 'integer' },
          timestamp(queryRunner, 'publishedAt'),
        ],
        foreignKeys: [fk('positionId', 'positions'), fk('publishedById', 'users', 'RESTRICT')],
        indices: [
          new TableIndex({
            name: 'IDX_position_versions_position_number',
            columnNames: ['positionId', 'number'],
            isUnique: true,
          }),
        ],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'position_events',
        columns: [
          id(),
          { name: 'positionId', type: 'integer' },
          { name: 'byId', type: 'integer' },
          { name: 'summary', type: 'varchar', length: '300' },
          { name: 'fromStatus', type: 'varchar', length: '16', isNullable: true },
          { name: 'toStatus', type: 'varchar', length: '16', isNullable: true },
          createdAt(queryRunner),
        ],
        foreignKeys: [fk('positionId', 'positions'), fk('byId', 'users', 'RESTRICT')],
        indices: [new TableIndex({ name: 'IDX_position_events_positionId', columnNames: ['positionId'] })],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'position_share_links',
        columns: [
          id(),
          { name: 'positionId', type: 'integer' },
          { name: 'token', type: 'varchar', length: '64', isUnique: true },
          { name: 'createdById', type: 'integer' },
          createdAt(queryRunner),
          timestamp(queryRunner, 'revokedAt', { isNullable: true }),
        ],
        foreignKeys: [fk('positionId', 'positions'), fk('createdById', 'users', 'RESTRICT')],
        indices: [new TableIndex({ name: 'IDX_position_share_links_positionId', columnNames: ['positionId'] })],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'check_phrases',
        columns: [
          id(),
          { name: 'list', type: 'varchar', length: '32' },
          { name: 'phrase', type: 'varchar', length: '80' },
          { name: 'createdById', type: 'integer' },
          createdAt(queryRunner),
        ],
        foreignKeys: [fk('createdById', 'users', 'RESTRICT')],
        indices: [
          new TableIndex({ name: 'IDX_check_phrases_list_phrase', columnNames: ['list', 'phrase'], isUnique: true }),
        ],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'plan_templates',
        columns: [
          id(),
          { name: 'positionId', type: 'integer', isUnique: true },
          { name: 'coachingCadence', type: 'varchar', length: '200', isNullable: true },
          { name: 'coach', type: 'varchar', length: '160', isNullable: true },
          { name: 'lockVersion', type: 'integer' },
          timestamp(queryRunner, 'updatedAt', { default: 'CURRENT_TIMESTAMP' }),
        ],
        foreignKeys: [fk('positionId', 'positions')],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'plan_phases',
        columns: [
          id(),
          { name: 'planId', type: 'integer' },
          { name: 'sortOrder', type: 'integer' },
          { name: 'name', type: 'varchar', length: '80' },
          { name: 'startMonth', type: 'integer' },
          { name: 'endMonth', type: 'integer' },
        ],
        foreignKeys: [fk('planId', 'plan_templates')],
        indices: [new TableIndex({ name: 'IDX_plan_phases_planId', columnNames: ['planId'] })],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'milestones',
        columns: [
          id(),
          { name: 'phaseId', type: 'integer' },
          { name: 'sortOrder', type: 'integer' },
          { name: 'monthOffset', type: 'integer' },
          { name: 'description', type: 'varchar', length: '300' },
          { name: 'outcomeId', type: 'integer', isNullable: true },
          { name: 'interimTargetPercent', type: 'integer', isNullable: true },
        ],
        foreignKeys: [fk('phaseId', 'plan_phases'), fk('outcomeId', 'outcomes', 'SET NULL')],
        indices: [
          new TableIndex({ name: 'IDX_milestones_phaseId', columnNames: ['phaseId'] }),
          new TableIndex({ name: 'IDX_milestones_outcomeId', columnNames: ['outcomeId'] }),
        ],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'learning_areas',
        columns: [
          id(),
          { name: 'planId', type: 'integer' },
          { name: 'sortOrder', type: 'integer' },
          { name: 'name', type: 'varchar', length: '80' },
          { name: 'weeklyHabit', type: 'varchar', length: '300' },
          { name: 'resources', type: 'text', isNullable: true },
        ],
        foreignKeys: [fk('planId', 'plan_templates')],
        indices: [new TableIndex({ name: 'IDX_learning_areas_planId', columnNames: ['planId'] })],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of [
      'learning_areas',
      'milestones',
      'plan_phases',
      'plan_templates',
      'check_phrases',
      'position_share_links',
      'position_events',
      'position_versions',
      'outcomes',
      'positions',
    ]) {
      await queryRunner.dropTable(table);
    }
  }
}
