import { TableColumn, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';
import { timestamp } from '../column-types.js';

const CLAIM_INDEX = 'IDX_outbox_messages_status_nextAttemptAt';

/**
 * Every message becomes an outbox row that a worker delivers: its status, attempts, last error and when it is
 * next due. Messages kept before (no mail server) stay "kept".
 */
export class OutboxDelivery1795390200000 implements MigrationInterface {
  name = 'OutboxDelivery1795390200000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumns('outbox_messages', [
      new TableColumn({ name: 'status', type: 'varchar', length: '16', default: "'kept'" }),
      new TableColumn({ name: 'attempts', type: 'integer', default: 0 }),
      new TableColumn(timestamp(queryRunner, 'nextAttemptAt', { isNullable: true })),
      new TableColumn({ name: 'lastError', type: 'varchar', length: '500', isNullable: true }),
      new TableColumn(timestamp(queryRunner, 'claimedAt', { isNullable: true })),
      new TableColumn({ name: 'claimToken', type: 'varchar', length: '64', isNullable: true }),
      new TableColumn(timestamp(queryRunner, 'sentAt', { isNullable: true })),
    ]);
    await queryRunner.createIndex(
      'outbox_messages',
      new TableIndex({ name: CLAIM_INDEX, columnNames: ['status', 'nextAttemptAt'] }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropIndex('outbox_messages', CLAIM_INDEX);
    for (const column of ['sentAt', 'claimToken', 'claimedAt', 'lastError', 'nextAttemptAt', 'attempts', 'status'])
      await queryRunner.dropColumn('outbox_messages', column);
  }
}
