import { TableColumn, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';

const OPEN_OFFER_INDEX = 'IDX_offers_one_open_per_application';

/**
 * Guards for concurrent writes: a version on each scorecard seat (a save claims the version it read), and at most
 * one open offer per application. Before the index, any second open offer an earlier race left is withdrawn,
 * keeping the newest.
 */
export class RaceGuards1795390000000 implements MigrationInterface {
  name = 'RaceGuards1795390000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumn('panelists', new TableColumn({ name: 'lockVersion', type: 'integer', default: 1 }));
    await queryRunner.query(
      `UPDATE offers SET status = 'withdrawn'
       WHERE status = 'extended'
         AND id < (SELECT MAX(newer.id) FROM offers newer
                   WHERE newer."applicationId" = offers."applicationId" AND newer.status = 'extended')`,
    );
    await queryRunner.createIndex(
      'offers',
      new TableIndex({
        name: OPEN_OFFER_INDEX,
        columnNames: ['applicationId'],
        isUnique: true,
        where: `status = 'extended'`,
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropIndex('offers', OPEN_OFFER_INDEX);
    await queryRunner.dropColumn('panelists', 'lockVersion');
  }
}
