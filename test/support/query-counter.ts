import type { DataSource } from 'typeorm';

/** The SQL statements the app sends while `work` runs (every driver's QueryRunner goes through `query`). */
export async function recordQueries(dataSource: DataSource, work: () => Promise<unknown>): Promise<string[]> {
  const runner = dataSource.createQueryRunner();
  const prototype = Object.getPrototypeOf(runner) as { query: (...args: unknown[]) => Promise<unknown> };
  await runner.release();
  const original = prototype.query;
  const statements: string[] = [];
  prototype.query = function (this: unknown, ...args: unknown[]) {
    const sql = String(args[0]);
    if (!/^(BEGIN|COMMIT|ROLLBACK|START TRANSACTION)/i.test(sql)) statements.push(sql);
    return original.apply(this, args);
  };
  try {
    await work();
  } finally {
    prototype.query = original;
  }
  return statements;
}

/** How many SQL statements the app sends while `work` runs (transaction control left out). */
export async function countQueries(dataSource: DataSource, work: () => Promise<unknown>): Promise<number> {
  return (await recordQueries(dataSource, work)).length;
}
