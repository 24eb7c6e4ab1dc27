/**
 * The triggers that keep the insight summaries honest (migration InsightSummaries; src/insights/insight-summaries.ts):
 * every change to a table the funnel's stage counts or the calibration report are computed from writes a dirty mark
 * (kind, position, day) for each bucket it can touch, in the change's own transaction, whichever code path, seed or
 * raw SQL made it. Kept here, below every domain module, so the migration and the start-up check share them.
 */
type Op = 'insert' | 'update' | 'delete';
type Kind = 'funnel' | 'calibration';

const funnelOfApplication = (appId: string, from: string) => (day: (c: string) => string) =>
  `SELECT a."positionId" AS pos, ${day('a."createdAt"')} AS d FROM applications a${from} WHERE a.id = ${appId}`;
const calibrationOfInterview = (interviewId: string, from: string) => (day: (c: string) => string) =>
  `SELECT a."positionId" AS pos, ${day('i."startsAt"')} AS d FROM interviews i JOIN applications a ON a.id = i."applicationId"${from} WHERE i.id = ${interviewId}`;
const calibrationOfSeat = (panelistId: string, from: string) => (day: (c: string) => string) =>
  `SELECT a."positionId" AS pos, ${day('i."startsAt"')} AS d FROM panelists s JOIN interviews i ON i.id = s."interviewId" JOIN applications a ON a.id = i."applicationId"${from} WHERE s.id = ${panelistId}`;

/** The triggers, by table and operation (their names; both databases). */
export const INSIGHT_TRIGGERS: { table: string; op: Op; name: string }[] = [
  'application_events',
  'applications',
  'interviews',
  'panelists',
  'scorecard_ratings',
].flatMap((table) =>
  (['insert', 'update', 'delete'] as const)
    .filter((op) => !(table === 'applications' && op === 'insert'))
    .map((op) => ({ table, op, name: `insight_mark_${table}_${op}` })),
);

/** The (pos, d) selects each table's change marks, given how to read a changed row's column. */
function marksOf(
  table: string,
  col: (name: string) => string,
  from: string,
  day: (column: string) => string,
): { kind: Kind; select: string }[] {
  switch (table) {
    case 'application_events':
      return [{ kind: 'funnel', select: funnelOfApplication(col('applicationId'), from)(day) }];
    case 'applications':
      return [
        {
          kind: 'funnel',
          select: `SELECT ${col('positionId')} AS pos, ${day(col('createdAt'))} AS d${from ? ` FROM ${from.slice(2)}` : ''}`,
        },
        {
          kind: 'calibration',
          select: `SELECT ${col('positionId')} AS pos, ${day('i."startsAt"')} AS d FROM interviews i${from} WHERE i."applicationId" = ${col('id')}`,
        },
      ];
    case 'interviews':
      return [
        {
          kind: 'calibration',
          select: `SELECT a."positionId" AS pos, ${day(col('startsAt'))} AS d FROM applications a${from} WHERE a.id = ${col('applicationId')}`,
        },
      ];
    case 'panelists':
      return [{ kind: 'calibration', select: calibrationOfInterview(col('interviewId'), from)(day) }];
    default:
      return [{ kind: 'calibration', select: calibrationOfSeat(col('panelistId'), from)(day) }];
  }
}

/** Columns whose change moves a row between buckets or changes its figures (an update of others marks nothing). */
const WATCHED: Record<string, string[]> = {
  application_events: ['applicationId', 'toStage', 'fromStage', 'createdAt'],
  applications: ['positionId', 'createdAt'],
  interviews: ['applicationId', 'startsAt', 'durationMinutes', 'cancelledAt', 'decidedAt', 'decision'],
  panelists: ['interviewId', 'userId', 'submittedAt', 'recommendation'],
  scorecard_ratings: ['panelistId', 'rating'],
};

function sqliteTriggers(): string[] {
  const day = (column: string) => `substr(${column}, 1, 10)`;
  // One connection, one writer at a time: a bucket already marked needs no second mark.
  const mark = (kind: Kind, select: string) =>
    `INSERT INTO insight_dirty (kind, "positionId", day) SELECT DISTINCT '${kind}', m.pos, m.d FROM (${select}) m
     WHERE m.pos IS NOT NULL AND m.d IS NOT NULL
       AND NOT EXISTS (SELECT 1 FROM insight_dirty x WHERE x.kind = '${kind}' AND x."positionId" = m.pos AND x.day = m.d);`;
  return INSIGHT_TRIGGERS.map(({ table, op, name }) => {
    const sides = op === 'insert' ? ['NEW'] : op === 'delete' ? ['OLD'] : ['OLD', 'NEW'];
    const body = sides
      .flatMap((side) => marksOf(table, (c) => `${side}."${c}"`, '', day).map((m) => mark(m.kind, m.select)))
      .join('\n');
    // Before a delete, so a cascade's children still find their parents (an application's interviews are marked
    // by the application's trigger while they exist).
    const timing =
      op === 'delete'
        ? 'BEFORE DELETE'
        : op === 'insert'
          ? 'AFTER INSERT'
          : `AFTER UPDATE OF ${WATCHED[table].map((c) => `"${c}"`).join(', ')}`;
    return `CREATE TRIGGER ${name} ${timing} ON ${table} FOR EACH ROW BEGIN\n${body}\nEND`;
  });
}

function postgresTriggers(): string[] {
  const day = (column: string) => `to_char(${column}, 'YYYY-MM-DD')`;
  // A plain insert, never deduplicated against other transactions' marks: a refresh deletes the marks it can see
  // and then recomputes, so a mark that is not yet committed (and the change it stands for) is left for the next one.
  // Writers take no lock on marks, so they never wait for a refresh.
  const mark = (kind: Kind, select: string) =>
    `INSERT INTO insight_dirty (kind, "positionId", day) SELECT DISTINCT '${kind}', m.pos, m.d FROM (${select}) m
     WHERE m.pos IS NOT NULL AND m.d IS NOT NULL;`;
  const statements: string[] = [];
  for (const { table, op, name } of INSIGHT_TRIGGERS) {
    let body: string;
    let create: string;
    if (op === 'delete') {
      body = marksOf(table, (c) => `OLD."${c}"`, '', day)
        .map((m) => mark(m.kind, m.select))
        .join('\n');
      body += '\nRETURN OLD;';
      create = `CREATE TRIGGER ${name} BEFORE DELETE ON ${table} FOR EACH ROW EXECUTE FUNCTION ${name}_fn()`;
    } else if (op === 'insert') {
      body = marksOf(table, (c) => `r."${c}"`, ', new_rows r', day)
        .map((m) => mark(m.kind, m.select))
        .join('\n');
      body += '\nRETURN NULL;';
      create = `CREATE TRIGGER ${name} AFTER INSERT ON ${table} REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION ${name}_fn()`;
    } else {
      // Only rows whose watched columns changed, before (old_rows) and after (new_rows) the update.
      const changed = (side: 'old' | 'new') =>
        `(SELECT ${side === 'old' ? 'o' : 'n'}.* FROM old_rows o JOIN new_rows n ON n.id = o.id WHERE (${WATCHED[table]
          .map((c) => `o."${c}"`)
          .join(', ')}) IS DISTINCT FROM (${WATCHED[table].map((c) => `n."${c}"`).join(', ')}))`;
      body = (['old', 'new'] as const)
        .flatMap((side) =>
          marksOf(table, (c) => `r."${c}"`, `, ${changed(side)} r`, day).map((m) => mark(m.kind, m.select)),
        )
        .join('\n');
      body += '\nRETURN NULL;';
      create = `CREATE TRIGGER ${name} AFTER UPDATE ON ${table} REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION ${name}_fn()`;
    }
    statements.push(
      `CREATE FUNCTION ${name}_fn() RETURNS trigger LANGUAGE plpgsql AS $$\nBEGIN\n${body}\nEND;\n$$`,
      create,
    );
  }
  return statements;
}

/** CREATE statements for every trigger (and its function on PostgreSQL). */
export function insightTriggerStatements(postgres: boolean): string[] {
  return postgres ? postgresTriggers() : sqliteTriggers();
}

/** DROP statements for every trigger (and its function), whether or not it exists. */
export function dropInsightTriggerStatements(postgres: boolean): string[] {
  return INSIGHT_TRIGGERS.flatMap(({ table, name }) =>
    postgres
      ? [`DROP TRIGGER IF EXISTS ${name} ON ${table}`, `DROP FUNCTION IF EXISTS ${name}_fn()`]
      : [`DROP TRIGGER IF EXISTS ${name}`],
  );
}

/** Marks every bucket that has data dirty, so that the next refresh rebuilds both summaries whole. */
export function markEverythingStatements(postgres: boolean): string[] {
  const day = postgres
    ? (column: string) => `to_char(${column}, 'YYYY-MM-DD')`
    : (column: string) => `substr(${column}, 1, 10)`;
  return [
    `INSERT INTO insight_dirty (kind, "positionId", day) SELECT DISTINCT 'funnel', a."positionId", ${day('a."createdAt"')} FROM applications a`,
    `INSERT INTO insight_dirty (kind, "positionId", day)
     SELECT DISTINCT 'calibration', a."positionId", ${day('i."startsAt"')} FROM interviews i JOIN applications a ON a.id = i."applicationId"`,
  ];
}
