import { Table, TableColumn, TableForeignKey, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';
import { createdAt, id as idColumn, timestamp } from '../column-types.js';

const id = idColumn();
const fk = (column: string, table: string, onDelete = 'CASCADE') =>
  new TableForeignKey({ columnNames: [column], referencedTableName: table, referencedColumnNames: ['id'], onDelete });

/** Who added a row: null where the candidate did it themselves on the careers site. */
const NULLABLE_CREATORS: [table: string, column: string][] = [
  ['candidates', 'createdById'],
  ['applications', 'createdById'],
  ['application_events', 'byId'],
  ['portal_links', 'createdById'],
  ['stored_files', 'createdById'],
];

/**
 * The careers site and agencies (issue 13): the company's name and privacy notices, positions listed on the careers
 * site with outcome questions, answers and the source of each application, agencies with their recruiters, their
 * positions and their submissions, and the salary on an offer (an agency's fee is a share of it).
 */
export class CareersAndAgencies1795390800000 implements MigrationInterface {
  name = 'CareersAndAgencies1795390800000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const at = (name: string) => timestamp(queryRunner, name, { isNullable: true });
    const created = createdAt(queryRunner);

    await queryRunner.createTable(
      new Table({
        name: 'company_settings',
        columns: [
          { name: 'id', type: 'integer', isPrimary: true },
          { name: 'companyName', type: 'varchar', length: '120' },
          { name: 'introduction', type: 'text', isNullable: true },
          timestamp(queryRunner, 'updatedAt', { default: 'CURRENT_TIMESTAMP' }),
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'privacy_notices',
        columns: [
          id,
          { name: 'version', type: 'integer', isUnique: true },
          { name: 'body', type: 'text' },
          { name: 'retentionMonths', type: 'integer' },
          { name: 'createdById', type: 'integer', isNullable: true },
          created,
        ],
      }),
    );

    await queryRunner.addColumns('positions', [
      new TableColumn({ name: 'onCareersSite', type: 'boolean', default: false }),
      new TableColumn(at('careersListedAt')),
      new TableColumn({ name: 'answerWordLimit', type: 'integer', default: 150 }),
      new TableColumn({ name: 'answersToGraders', type: 'boolean', default: false }),
    ]);
    await queryRunner.addColumns('outcomes', [
      new TableColumn({ name: 'askOnApplication', type: 'boolean', default: false }),
      new TableColumn({ name: 'answerRequired', type: 'boolean', default: false }),
    ]);
    await queryRunner.addColumn(
      'candidates',
      new TableColumn({ name: 'location', type: 'varchar', length: '160', isNullable: true }),
    );
    await queryRunner.addColumns('applications', [
      new TableColumn({ name: 'source', type: 'varchar', length: '16', default: `'sourced'` }),
      new TableColumn({ name: 'agencyId', type: 'integer', isNullable: true }),
      new TableColumn({ name: 'recruiterId', type: 'integer', isNullable: true }),
      new TableColumn({ name: 'privacyNoticeVersion', type: 'integer', isNullable: true }),
      new TableColumn(at('privacyAcceptedAt')),
      new TableColumn(at('outcomesConfirmedAt')),
    ]);
    await queryRunner.query(
      `UPDATE applications SET source = (SELECT source FROM candidates WHERE candidates.id = applications."candidateId")`,
    );
    await queryRunner.addColumn('offers', new TableColumn({ name: 'salary', type: 'integer', isNullable: true }));
    for (const [table, column] of NULLABLE_CREATORS) {
      const current = (await queryRunner.getTable(table))!.findColumnByName(column)!;
      await queryRunner.changeColumn(
        table,
        current,
        new TableColumn({ name: column, type: 'integer', isNullable: true }),
      );
    }

    await queryRunner.createTable(
      new Table({
        name: 'application_answers',
        columns: [
          id,
          { name: 'applicationId', type: 'integer' },
          { name: 'outcomeId', type: 'integer', isNullable: true },
          { name: 'outcomeSentence', type: 'varchar', length: '500' },
          { name: 'sortOrder', type: 'integer' },
          { name: 'answer', type: 'text' },
        ],
        foreignKeys: [fk('applicationId', 'applications')],
        indices: [new TableIndex({ columnNames: ['applicationId'] })],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'agencies',
        columns: [
          id,
          { name: 'name', type: 'varchar', length: '120', isUnique: true },
          { name: 'feeTerms', type: 'text', isNullable: true },
          { name: 'feePercent', type: 'float' },
          { name: 'guaranteeMonths', type: 'integer' },
          { name: 'active', type: 'boolean', default: true },
          created,
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'agency_recruiters',
        columns: [id, { name: 'userId', type: 'integer', isUnique: true }, { name: 'agencyId', type: 'integer' }],
        foreignKeys: [fk('userId', 'users'), fk('agencyId', 'agencies')],
        indices: [new TableIndex({ columnNames: ['agencyId'] })],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'recruiter_positions',
        columns: [id, { name: 'recruiterId', type: 'integer' }, { name: 'positionId', type: 'integer' }, created],
        uniques: [{ name: 'UQ_recruiter_positions_pair', columnNames: ['recruiterId', 'positionId'] }],
        foreignKeys: [fk('recruiterId', 'users'), fk('positionId', 'positions')],
        indices: [new TableIndex({ columnNames: ['positionId'] })],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'agency_submissions',
        columns: [
          id,
          { name: 'agencyId', type: 'integer' },
          { name: 'recruiterId', type: 'integer' },
          { name: 'positionId', type: 'integer' },
          { name: 'candidateId', type: 'integer' },
          { name: 'applicationId', type: 'integer', isNullable: true },
          { name: 'alreadyKnown', type: 'boolean' },
          { name: 'note', type: 'text', isNullable: true },
          created,
        ],
        foreignKeys: [
          fk('agencyId', 'agencies', 'NO ACTION'),
          fk('recruiterId', 'users', 'NO ACTION'),
          fk('positionId', 'positions'),
          fk('candidateId', 'candidates'),
          fk('applicationId', 'applications', 'SET NULL'),
        ],
        indices: [new TableIndex({ columnNames: ['agencyId'] }), new TableIndex({ columnNames: ['recruiterId'] })],
      }),
    );
    await queryRunner.createIndex('applications', new TableIndex({ columnNames: ['source'] }));
    await queryRunner.createIndex('applications', new TableIndex({ columnNames: ['agencyId'] }));
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['agency_submissions', 'recruiter_positions', 'agency_recruiters', 'agencies']) {
      await queryRunner.dropTable(table);
    }
    await queryRunner.dropTable('application_answers');
    await queryRunner.query(`DELETE FROM application_events WHERE "byId" IS NULL`);
    for (const [table, column] of NULLABLE_CREATORS) {
      await queryRunner.query(
        `UPDATE ${table} SET "${column}" = (SELECT MIN(id) FROM users) WHERE "${column}" IS NULL`,
      );
      const current = (await queryRunner.getTable(table))!.findColumnByName(column)!;
      await queryRunner.changeColumn(table, current, new TableColumn({ name: column, type: 'integer' }));
    }
    const applications = (await queryRunner.getTable('applications'))!;
    for (const index of applications.indices.filter((i) => ['source', 'agencyId'].includes(i.columnNames[0]))) {
      await queryRunner.dropIndex('applications', index);
    }
    await queryRunner.dropColumn('offers', 'salary');
    for (const column of [
      'source',
      'agencyId',
      'recruiterId',
      'privacyNoticeVersion',
      'privacyAcceptedAt',
      'outcomesConfirmedAt',
    ]) {
      await queryRunner.dropColumn('applications', column);
    }
    await queryRunner.dropColumn('candidates', 'location');
    await queryRunner.dropColumns('outcomes', ['askOnApplication', 'answerRequired']);
    await queryRunner.dropColumns('positions', [
      'onCareersSite',
      'careersListedAt',
      'answerWordLimit',
      'answersToGraders',
    ]);
    await queryRunner.dropTable('privacy_notices');
    await queryRunner.dropTable('company_settings');
  }
}
