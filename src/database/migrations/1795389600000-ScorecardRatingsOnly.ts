import { TableColumn, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';

interface Entry {
  rating: number | null;
  evidence: string;
}

const UNIQUE_INDEX = 'IDX_scorecard_ratings_panelist_question';

function entriesOf(json: string | null): [number, Entry][] {
  const parsed = JSON.parse(json || '{}') as Record<string, { rating?: unknown; evidence?: unknown }>;
  return Object.entries(parsed)
    .map(([questionId, entry]): [number, Entry] => [
      Number(questionId),
      {
        rating: typeof entry?.rating === 'number' ? entry.rating : null,
        evidence: typeof entry?.evidence === 'string' ? entry.evidence : '',
      },
    ])
    .filter(([, entry]) => entry.rating !== null || entry.evidence !== '');
}

/**
 * Scorecard ratings get one store: the scorecard_ratings rows, which now hold drafts and evidence too.
 * Every seat's JSON ratings (drafts included) are copied into rows, then the JSON column on panelists goes.
 */
export class ScorecardRatingsOnly1795389600000 implements MigrationInterface {
  name = 'ScorecardRatingsOnly1795389600000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.changeColumn(
      'scorecard_ratings',
      'rating',
      new TableColumn({ name: 'rating', type: 'integer', isNullable: true }),
    );
    await queryRunner.addColumn(
      'scorecard_ratings',
      new TableColumn({ name: 'evidence', type: 'text', default: "''" }),
    );
    const seats = (await queryRunner.query(`SELECT id, ratings FROM panelists ORDER BY id`)) as {
      id: number;
      ratings: string | null;
    }[];
    const param = this.placeholders(queryRunner);
    for (const seat of seats) {
      const entries = entriesOf(seat.ratings);
      // Seats with no JSON ratings keep whatever rows they have.
      if (!entries.length) continue;
      await queryRunner.query(`DELETE FROM scorecard_ratings WHERE "panelistId" = ${param(1)}`, [seat.id]);
      const values = entries.map((_, index) => `(${[1, 2, 3, 4].map((n) => param(index * 4 + n)).join(', ')})`);
      await queryRunner.query(
        `INSERT INTO scorecard_ratings ("panelistId", "questionId", rating, evidence) VALUES ${values.join(', ')}`,
        entries.flatMap(([questionId, entry]) => [seat.id, questionId, entry.rating, entry.evidence]),
      );
    }
    await queryRunner.createIndex(
      'scorecard_ratings',
      new TableIndex({ name: UNIQUE_INDEX, columnNames: ['panelistId', 'questionId'], isUnique: true }),
    );
    await queryRunner.dropColumn('panelists', 'ratings');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumn('panelists', new TableColumn({ name: 'ratings', type: 'text', isNullable: true }));
    const rows = (await queryRunner.query(
      `SELECT "panelistId", "questionId", rating, evidence FROM scorecard_ratings ORDER BY id`,
    )) as { panelistId: number; questionId: number; rating: number | null; evidence: string }[];
    const bySeat = new Map<number, Record<string, Entry>>();
    for (const row of rows) {
      const ratings = bySeat.get(row.panelistId) ?? {};
      ratings[String(row.questionId)] = {
        rating: row.rating === null ? null : Number(row.rating),
        evidence: row.evidence,
      };
      bySeat.set(row.panelistId, ratings);
    }
    const param = this.placeholders(queryRunner);
    for (const [panelistId, ratings] of bySeat)
      await queryRunner.query(`UPDATE panelists SET ratings = ${param(1)} WHERE id = ${param(2)}`, [
        JSON.stringify(ratings),
        panelistId,
      ]);
    await queryRunner.query(`UPDATE panelists SET ratings = '{}' WHERE ratings IS NULL`);
    await queryRunner.changeColumn('panelists', 'ratings', new TableColumn({ name: 'ratings', type: 'text' }));
    // Before this migration rows held only the rated questions of submitted scorecards.
    await queryRunner.query(
      `DELETE FROM scorecard_ratings WHERE rating IS NULL OR "panelistId" IN (SELECT id FROM panelists WHERE "submittedAt" IS NULL)`,
    );
    await queryRunner.dropIndex('scorecard_ratings', UNIQUE_INDEX);
    await queryRunner.dropColumn('scorecard_ratings', 'evidence');
    await queryRunner.changeColumn(
      'scorecard_ratings',
      'rating',
      new TableColumn({ name: 'rating', type: 'integer', isNullable: false }),
    );
  }

  private placeholders(queryRunner: QueryRunner): (n: number) => string {
    return queryRunner.connection.options.type === 'postgres' ? (n) => `$${n}` : () => '?';
  }
}
