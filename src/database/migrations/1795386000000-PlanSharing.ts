import { TableColumn, type MigrationInterface, type QueryRunner } from 'typeorm';
import { timestamp } from '../column-types.js';

export class PlanSharing1795386000000 implements MigrationInterface {
  name = 'PlanSharing1795386000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumns('applications', [
      new TableColumn(timestamp(queryRunner, 'planSharedAt', { isNullable: true })),
      new TableColumn(timestamp(queryRunner, 'planOpenedAt', { isNullable: true })),
    ]);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropColumn('applications', 'planOpenedAt');
    await queryRunner.dropColumn('applications', 'planSharedAt');
  }
}
