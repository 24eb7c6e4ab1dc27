import { Table, TableForeignKey, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';
import { id } from '../column-types.js';

/** Ratings as rows (copied from each scorecard on save) so that insights aggregate them in SQL. */
export class ScorecardRatings1795389000000 implements MigrationInterface {
  name = 'ScorecardRatings1795389000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'scorecard_ratings',
        columns: [
          id(),
          { name: 'panelistId', type: 'integer' },
          { name: 'questionId', type: 'integer' },
          { name: 'rating', type: 'integer' },
        ],
        foreignKeys: [
          new TableForeignKey({
            columnNames: ['panelistId'],
            referencedTableName: 'panelists',
            referencedColumnNames: ['id'],
            onDelete: 'CASCADE',
          }),
        ],
        indices: [
          new TableIndex({ name: 'IDX_scorecard_ratings_panelistId', columnNames: ['panelistId'] }),
          new TableIndex({ name: 'IDX_scorecard_ratings_questionId', columnNames: ['questionId'] }),
        ],
      }),
    );
    const isPostgres = queryRunner.connection.options.type === 'postgres';
    const panelists = (await queryRunner.query(
      `SELECT id, ratings FROM panelists WHERE "submittedAt" IS NOT NULL`,
    )) as { id: number; ratings: string }[];
    for (const panelist of panelists) {
      const ratings = JSON.parse(panelist.ratings) as Record<string, { rating: number | null }>;
      for (const [questionId, { rating }] of Object.entries(ratings)) {
        if (typeof rating !== 'number') continue;
        await queryRunner.query(
          `INSERT INTO scorecard_ratings ("panelistId", "questionId", rating) VALUES (${isPostgres ? '$1, $2, $3' : '?, ?, ?'})`,
          [panelist.id, Number(questionId), rating],
        );
      }
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('scorecard_ratings');
  }
}
