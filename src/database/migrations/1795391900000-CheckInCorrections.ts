import { TableColumn, type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * A check-in's earlier versions (issue 16): correcting one keeps what it said before, shown under the check-in.
 * The audit trail records that it changed; it keeps only the length of free text, so the versions live here.
 */
export class CheckInCorrections1795391900000 implements MigrationInterface {
  name = 'CheckInCorrections1795391900000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumn(
      'check_ins',
      new TableColumn({ name: 'earlierVersions', type: 'text', isNullable: true }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropColumn('check_ins', 'earlierVersions');
  }
}
