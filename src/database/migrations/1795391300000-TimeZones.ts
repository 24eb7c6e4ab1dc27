import { TableColumn, type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * Time zones (issue 14): the company's zone (Settings), and each person's own — a staff member's (null: the
 * company's) and a candidate's (asked on the careers form and in the portal; null: the company's). IANA names.
 */
export class TimeZones1795391300000 implements MigrationInterface {
  name = 'TimeZones1795391300000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumn(
      'company_settings',
      new TableColumn({ name: 'timeZone', type: 'varchar', length: '64', default: "'UTC'" }),
    );
    await queryRunner.addColumn(
      'users',
      new TableColumn({ name: 'timeZone', type: 'varchar', length: '64', isNullable: true }),
    );
    await queryRunner.addColumn(
      'candidates',
      new TableColumn({ name: 'timeZone', type: 'varchar', length: '64', isNullable: true }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropColumn('candidates', 'timeZone');
    await queryRunner.dropColumn('users', 'timeZone');
    await queryRunner.dropColumn('company_settings', 'timeZone');
  }
}
