import type { DataSource } from 'typeorm';

/** Counts the SQL statements the app sends while `work` runs (every driver's QueryRunner goes through `query`). */
export async function countQueries(dataSource: DataSource, work: () => Promise<unknown>): Promise<number> {
  const runner = dataSource.createQueryRunner();
  const prototype = Object.getPrototypeOf(runner) as { query: (...args: unknown[]) => Promise<unknown> };
  await runner.release();
  const original = prototype.query;
  let count = 0;
  prototype.query = function (this: unknown, ...args: unknown[]) {
    const sql = String(args[0]);
    if (!/^(BEGIN|COMMIT|ROLLBACK|START TRANSACTION)/i.test(sql)) count += 1;
    return original.apply(this, args);
  };
  try {
    await work();
  } finally {
    prototype.query = original;
  }
  return count;
}
