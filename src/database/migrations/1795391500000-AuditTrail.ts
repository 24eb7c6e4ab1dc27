import { Table, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';
import { createdAt, id } from '../column-types.js';

const REFUSAL = 'audit_events is append-only: its rows cannot be changed or deleted';
const INDEXES: [string, string[]][] = [
  ['IDX_audit_events_createdAt', ['createdAt']],
  ['IDX_audit_events_actorId', ['actorId']],
  ['IDX_audit_events_candidateId', ['candidateId']],
  ['IDX_audit_events_applicationId', ['applicationId']],
  ['IDX_audit_events_hireId', ['hireId']],
  ['IDX_audit_events_object', ['objectType', 'objectId']],
];

/**
 * The audit trail (issue 15): one append-only table. No foreign keys, so that no later change or erasure of a
 * candidate, application or person can cascade into it. Triggers refuse UPDATE and DELETE on both databases, and
 * TRUNCATE on PostgreSQL (SQLite has no TRUNCATE; DROP TABLE still works for whoever owns the database).
 */
export class AuditTrail1795391500000 implements MigrationInterface {
  name = 'AuditTrail1795391500000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'audit_events',
        columns: [
          id(),
          createdAt(queryRunner),
          { name: 'actorKind', type: 'varchar', length: '16' },
          { name: 'actorId', type: 'integer', isNullable: true },
          { name: 'action', type: 'varchar', length: '16' },
          { name: 'objectType', type: 'varchar', length: '40' },
          { name: 'objectId', type: 'integer', isNullable: true },
          { name: 'candidateId', type: 'integer', isNullable: true },
          { name: 'applicationId', type: 'integer', isNullable: true },
          { name: 'hireId', type: 'integer', isNullable: true },
          { name: 'changes', type: 'text', isNullable: true },
          { name: 'detail', type: 'varchar', length: '200', isNullable: true },
        ],
      }),
    );
    for (const [name, columnNames] of INDEXES)
      await queryRunner.createIndex('audit_events', new TableIndex({ name, columnNames }));
    if (queryRunner.connection.options.type === 'postgres') {
      await queryRunner.query(
        `CREATE OR REPLACE FUNCTION audit_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
         BEGIN RAISE EXCEPTION '${REFUSAL} (%)', TG_OP; END $$`,
      );
      await queryRunner.query(
        'CREATE TRIGGER audit_events_append_only BEFORE UPDATE OR DELETE ON audit_events ' +
          'FOR EACH ROW EXECUTE FUNCTION audit_events_append_only()',
      );
      await queryRunner.query(
        'CREATE TRIGGER audit_events_no_truncate BEFORE TRUNCATE ON audit_events ' +
          'FOR EACH STATEMENT EXECUTE FUNCTION audit_events_append_only()',
      );
    } else {
      for (const operation of ['UPDATE', 'DELETE'])
        await queryRunner.query(
          `CREATE TRIGGER audit_events_no_${operation.toLowerCase()} BEFORE ${operation} ON audit_events ` +
            `BEGIN SELECT RAISE(ABORT, '${REFUSAL}'); END`,
        );
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    // Dropping the table drops its triggers (and fires none of them).
    await queryRunner.dropTable('audit_events');
    if (queryRunner.connection.options.type === 'postgres')
      await queryRunner.query('DROP FUNCTION IF EXISTS audit_events_append_only()');
  }
}
