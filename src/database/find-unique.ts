import type { FindManyOptions, ObjectLiteral, Repository } from 'typeorm';

/**
 * `findOne` for a where clause on a unique key (an id, a one-to-one foreign key). TypeORM's findOne limits the
 * result to one root row, and with joined relations a limit costs a second statement (the distinct ids first);
 * a unique key needs no limit, so this is one statement.
 */
export async function findUnique<T extends ObjectLiteral>(
  repository: Repository<T>,
  options: FindManyOptions<T>,
): Promise<T | null> {
  const [row] = await repository.find(options);
  return row ?? null;
}
