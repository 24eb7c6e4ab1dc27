import { Table, TableForeignKey, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';
import { createdAt, id, timestamp } from '../column-types.js';

export class Accounts1795379524399 implements MigrationInterface {
  name = 'Accounts1795379524399';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'users',
        columns: [
          id(),
          { name: 'email', type: 'varchar', length: '254', isUnique: true },
          { name: 'name', type: 'varchar', length: '120' },
          { name: 'passwordHash', type: 'varchar', length: '255', isNullable: true },
          { name: 'active', type: 'boolean', default: true },
          timestamp(queryRunner, 'lastSignedInAt', { isNullable: true }),
          createdAt(queryRunner),
          timestamp(queryRunner, 'updatedAt', { default: 'CURRENT_TIMESTAMP' }),
        ],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'user_roles',
        columns: [
          { name: 'userId', type: 'integer', isPrimary: true },
          { name: 'role', type: 'varchar', length: '32', isPrimary: true },
        ],
        foreignKeys: [
          new TableForeignKey({
            columnNames: ['userId'],
            referencedTableName: 'users',
            referencedColumnNames: ['id'],
            onDelete: 'CASCADE',
          }),
        ],
        indices: [new TableIndex({ name: 'IDX_user_roles_role', columnNames: ['role'] })],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'account_tokens',
        columns: [
          id(),
          { name: 'userId', type: 'integer' },
          { name: 'purpose', type: 'varchar', length: '32' },
          { name: 'tokenHash', type: 'varchar', length: '64', isUnique: true },
          timestamp(queryRunner, 'expiresAt'),
          timestamp(queryRunner, 'usedAt', { isNullable: true }),
          { name: 'createdById', type: 'integer', isNullable: true },
          createdAt(queryRunner),
        ],
        foreignKeys: [
          new TableForeignKey({
            columnNames: ['userId'],
            referencedTableName: 'users',
            referencedColumnNames: ['id'],
            onDelete: 'CASCADE',
          }),
          new TableForeignKey({
            columnNames: ['createdById'],
            referencedTableName: 'users',
            referencedColumnNames: ['id'],
            onDelete: 'SET NULL',
          }),
        ],
        indices: [new TableIndex({ name: 'IDX_account_tokens_user_purpose', columnNames: ['userId', 'purpose'] })],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'sessions',
        columns: [
          { name: 'sid', type: 'varchar', length: '255', isPrimary: true },
          { name: 'userId', type: 'integer', isNullable: true },
          { name: 'data', type: 'text' },
          timestamp(queryRunner, 'expiresAt'),
        ],
        indices: [
          new TableIndex({ name: 'IDX_sessions_userId', columnNames: ['userId'] }),
          new TableIndex({ name: 'IDX_sessions_expiresAt', columnNames: ['expiresAt'] }),
        ],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'outbox_messages',
        columns: [
          id(),
          { name: 'to', type: 'varchar', length: '320' },
          { name: 'subject', type: 'varchar', length: '255' },
          { name: 'text', type: 'text' },
          createdAt(queryRunner),
        ],
        indices: [new TableIndex({ name: 'IDX_outbox_messages_createdAt', columnNames: ['createdAt'] })],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['outbox_messages', 'sessions', 'account_tokens', 'user_roles', 'users']) {
      await queryRunner.dropTable(table);
    }
  }
}
