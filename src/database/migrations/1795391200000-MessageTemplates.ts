import { Table, TableColumn, TableForeignKey, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';
import { id, timestamp } from '../column-types.js';

const APPLICATION_INDEX = 'IDX_outbox_messages_applicationId';

/**
 * Messages to candidates (issue 14): the templates an admin has changed (the defaults live in code), and on each
 * outbox message the application it is about, the template it came from, its HTML part and the person who wrote it.
 */
export class MessageTemplates1795391200000 implements MigrationInterface {
  name = 'MessageTemplates1795391200000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'message_templates',
        columns: [
          id(),
          { name: 'key', type: 'varchar', length: '64', isUnique: true },
          { name: 'subject', type: 'varchar', length: '255' },
          { name: 'body', type: 'text' },
          timestamp(queryRunner, 'updatedAt', { default: 'CURRENT_TIMESTAMP' }),
          { name: 'updatedById', type: 'integer', isNullable: true },
        ],
        foreignKeys: [
          new TableForeignKey({
            columnNames: ['updatedById'],
            referencedTableName: 'users',
            referencedColumnNames: ['id'],
            onDelete: 'SET NULL',
          }),
        ],
      }),
    );
    await queryRunner.addColumns('outbox_messages', [
      new TableColumn({ name: 'applicationId', type: 'integer', isNullable: true }),
      new TableColumn({ name: 'templateKey', type: 'varchar', length: '64', isNullable: true }),
      new TableColumn({ name: 'html', type: 'text', isNullable: true }),
      new TableColumn({ name: 'authorId', type: 'integer', isNullable: true }),
    ]);
    await queryRunner.createIndex(
      'outbox_messages',
      new TableIndex({ name: APPLICATION_INDEX, columnNames: ['applicationId'] }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropIndex('outbox_messages', APPLICATION_INDEX);
    for (const column of ['authorId', 'html', 'templateKey', 'applicationId'])
      await queryRunner.dropColumn('outbox_messages', column);
    await queryRunner.dropTable('message_templates');
  }
}
