import type { QueryRunner, TableColumnOptions } from 'typeorm';

/** Column definitions that mean the same on SQLite and PostgreSQL, for migrations. */
export function timestamp(
  queryRunner: QueryRunner,
  name: string,
  options: Partial<TableColumnOptions> = {},
): TableColumnOptions {
  const isPostgres = queryRunner.connection.options.type === 'postgres';
  return { name, type: isPostgres ? 'timestamptz' : 'datetime', ...options };
}

export function createdAt(queryRunner: QueryRunner): TableColumnOptions {
  return timestamp(queryRunner, 'createdAt', { default: 'CURRENT_TIMESTAMP' });
}

export function id(): TableColumnOptions {
  return { name: 'id', type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment' };
}
