import { TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';

const LISTED = '"anonymisedAt" IS NULL';

/**
 * PostgreSQL only. The list pages read ids in ("createdAt", id) order among a position's applications still shown
 * ("anonymisedAt" IS NULL). SQLite takes the IS NULL as an equality and walks IDX_applications_position_created in
 * order; PostgreSQL does not order by the columns after an IS NULL key, so at 100,000 applications it sorted every
 * row of the position for each page (a parallel sequential scan, 90–250 ms). Partial indexes over the shown
 * applications give it the order directly, like the board's IDX_applications_board_column.
 */
const LISTS = [
  { name: 'IDX_applications_position_created', columns: ['positionId', 'createdAt', 'id'] },
  { name: 'IDX_applications_stage_created', columns: ['positionId', 'stage', 'createdAt', 'id'] },
];

/** The indexes as ApplicationCounts made them: "anonymisedAt" a key column just before "createdAt". */
const withAnonymisedAt = (columns: string[]) => columns.flatMap((c) => (c === 'createdAt' ? ['anonymisedAt', c] : [c]));

export class LiveApplicationIndexes1795392500000 implements MigrationInterface {
  name = 'LiveApplicationIndexes1795392500000';

  async up(queryRunner: QueryRunner): Promise<void> {
    if (queryRunner.connection.options.type !== 'postgres') return;
    for (const { name, columns } of LISTS) {
      await queryRunner.dropIndex('applications', name);
      await queryRunner.createIndex('applications', new TableIndex({ name, columnNames: columns, where: LISTED }));
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    if (queryRunner.connection.options.type !== 'postgres') return;
    for (const { name, columns } of LISTS) {
      await queryRunner.dropIndex('applications', name);
      await queryRunner.createIndex('applications', new TableIndex({ name, columnNames: withAnonymisedAt(columns) }));
    }
  }
}
