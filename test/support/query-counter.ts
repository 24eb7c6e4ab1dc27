import type { DataSource } from 'typeorm';

/**
 * The SQL statements the app sends while `work` runs, as the data source's logger hears of them: every TypeORM
 * QueryRunner logs each statement (`logQuery`), and so does the ReportReader for the report queries it runs on its
 * own threads (SQLite), which no QueryRunner sees. A report row reused from the reader's cache or shared with an
 * identical query in flight sends nothing and is not counted (the tests run with the cache off).
 */
export async function recordQueries(dataSource: DataSource, work: () => Promise<unknown>): Promise<string[]> {
  const logger = dataSource.logger;
  const original = Object.prototype.hasOwnProperty.call(logger, 'logQuery') ? logger.logQuery : undefined;
  const inherited = logger.logQuery;
  const statements: string[] = [];
  logger.logQuery = function (this: unknown, ...args: Parameters<typeof inherited>) {
    const sql = String(args[0]);
    if (!/^(BEGIN|COMMIT|ROLLBACK|START TRANSACTION)/i.test(sql)) statements.push(sql);
    return inherited.apply(this, args);
  };
  try {
    await work();
  } finally {
    if (original) logger.logQuery = original;
    else delete (logger as Partial<typeof logger>).logQuery;
  }
  return statements;
}

/** How many SQL statements the app sends while `work` runs (transaction control left out). */
export async function countQueries(dataSource: DataSource, work: () => Promise<unknown>): Promise<number> {
  return (await recordQueries(dataSource, work)).length;
}
