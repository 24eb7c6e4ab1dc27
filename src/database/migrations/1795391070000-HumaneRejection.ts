import { TableColumn, type MigrationInterface, type QueryRunner } from 'typeorm';

/** Seeded reasons that only make sense once the candidate reached a stage (issue 14: a humane rejection). */
const GROUPS: [label: string, group: string][] = [
  ['Did not pass vetting', 'after-vetting'],
  ['Writing test below the threshold', 'after-vetting'],
  ['Research presentation below the threshold', 'after-vetting'],
  ['Interview evidence does not support the outcomes', 'after-interview'],
];

/**
 * A humane rejection (issue 14): each reason belongs to a stage group, an application remembers the stage it left and
 * its rejection message (scheduled in the outbox, cancelled by an undo), and the company's default delay before it.
 */
export class HumaneRejection1795391070000 implements MigrationInterface {
  name = 'HumaneRejection1795391070000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumn(
      'rejection_reasons',
      new TableColumn({ name: 'stageGroup', type: 'varchar', length: '16', default: "'any'" }),
    );
    for (const [label, group] of GROUPS)
      await queryRunner.manager
        .createQueryBuilder()
        .update('rejection_reasons')
        .set({ stageGroup: group })
        .where('label = :label', { label })
        .execute();
    await queryRunner.addColumns('applications', [
      new TableColumn({ name: 'rejectedFromStage', type: 'varchar', length: '16', isNullable: true }),
      new TableColumn({ name: 'rejectionMessageId', type: 'integer', isNullable: true }),
    ]);
    await queryRunner.addColumn(
      'company_settings',
      new TableColumn({ name: 'rejectionDelayDays', type: 'integer', default: 2 }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropColumn('company_settings', 'rejectionDelayDays');
    await queryRunner.dropColumn('applications', 'rejectionMessageId');
    await queryRunner.dropColumn('applications', 'rejectedFromStage');
    await queryRunner.dropColumn('rejection_reasons', 'stageGroup');
  }
}
