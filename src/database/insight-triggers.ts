/**
 * The triggers that keep the insight summaries honest (migrations InsightSummaries, AdverseSummary and SourceSummary;
 * src/insights/insight-summaries.ts): every change to a table the funnel's stage counts, the calibration report, the
 * adverse-impact report or source quality are computed from writes a dirty mark (kind, position, day) for each bucket
 * it can touch, in the change's own transaction, whichever code path, seed or raw SQL made it. Kept here, below every
 * domain module, so the migrations and the start-up check share them.
 *
 * Three families: insight_mark_* (the funnel's stage counts and days in stage, and calibration, as migration
 * InsightSummaries made them), insight_adverse_* (adverse impact) and insight_sources_* (source quality and the
 * funnel's outcomes per source, rejection reasons and time to hire),
 * each with its own watched columns, so none marks for the others' changes. The adverse family names
 * self_identifications only to learn which application changed; it reads no answer.
 */
type Op = 'insert' | 'update' | 'delete';
export type InsightKind = 'funnel' | 'calibration' | 'adverse' | 'sources';
export type TriggerFamily = 'insight_mark' | 'insight_adverse' | 'insight_sources';
export const TRIGGER_FAMILIES: TriggerFamily[] = ['insight_mark', 'insight_adverse', 'insight_sources'];
export const INSIGHT_KINDS: InsightKind[] = ['funnel', 'calibration', 'adverse', 'sources'];

type Day = (column: string) => string;
const ofApplication = (appId: string, from: string) => (day: Day) =>
  `SELECT a."positionId" AS pos, ${day('a."createdAt"')} AS d FROM applications a${from} WHERE a.id = ${appId}`;
const calibrationOfInterview = (interviewId: string, from: string) => (day: Day) =>
  `SELECT a."positionId" AS pos, ${day('i."startsAt"')} AS d FROM interviews i JOIN applications a ON a.id = i."applicationId"${from} WHERE i.id = ${interviewId}`;
const calibrationOfSeat = (panelistId: string, from: string) => (day: Day) =>
  `SELECT a."positionId" AS pos, ${day('i."startsAt"')} AS d FROM panelists s JOIN interviews i ON i.id = s."interviewId" JOIN applications a ON a.id = i."applicationId"${from} WHERE s.id = ${panelistId}`;
/** The application bucket of a row of `parent` (a rubric's owner: writing_submissions, presentations). */
const adverseOfOwner = (parent: string, ownerId: string, from: string) => (day: Day) =>
  `SELECT a."positionId" AS pos, ${day('a."createdAt"')} AS d FROM ${parent} o JOIN applications a ON a.id = o."applicationId"${from} WHERE o.id = ${ownerId}`;

/** Columns whose change moves a row between buckets or changes its figures (an update of others marks nothing). */
const WATCHED: Record<TriggerFamily, Record<string, string[]>> = {
  insight_mark: {
    application_events: ['applicationId', 'toStage', 'fromStage', 'createdAt'],
    applications: ['positionId', 'createdAt'],
    interviews: ['applicationId', 'startsAt', 'durationMinutes', 'cancelledAt', 'decidedAt', 'decision'],
    panelists: ['interviewId', 'userId', 'submittedAt', 'recommendation'],
    scorecard_ratings: ['panelistId', 'rating'],
  },
  insight_adverse: {
    applications: ['positionId', 'createdAt', 'stage'],
    application_events: ['applicationId', 'toStage'],
    self_identifications: ['applicationId', 'sex', 'race', 'veteran', 'disability'],
    assessments: ['applicationId', 'eligibility', 'suitability'],
    writing_submissions: ['applicationId', 'submittedAt'],
    writing_grades: ['submissionId', 'overall', 'submittedAt'],
    presentations: ['applicationId'],
    presentation_scores: ['presentationId', 'overall', 'submittedAt'],
    // Which steps are required matters to the ready counts (insight_ready), rebuilt with the adverse-impact buckets.
    vetting_configs: [
      'positionId',
      'minEligibility',
      'minSuitability',
      'writingPassMean',
      'presentationPassMean',
      'assessmentRequired',
      'writingRequired',
      'presentationRequired',
    ],
  },
  insight_sources: {
    applications: ['positionId', 'createdAt', 'source', 'agencyId', 'stage', 'rejectionReasonId'],
    application_events: ['applicationId', 'toStage'],
    hires: ['applicationId', 'keeper', 'reviewedAt'],
    hire_goals: ['hireId', 'weight', 'result'],
    // respondedAt: time to hire (insight_hire_spans) is built with the source-quality buckets.
    offers: ['applicationId', 'status', 'salary', 'respondedAt'],
  },
};

export interface InsightTrigger {
  family: TriggerFamily;
  table: string;
  op: Op;
  name: string;
}

/**
 * The triggers, by family, table and operation (their names; both databases). An application's insert needs none in
 * the first two families: a new application has no history, answers or results yet, and those rows' own triggers
 * mark its bucket. Source quality counts every application, history or not, so its family follows inserts too.
 */
export const INSIGHT_TRIGGERS: InsightTrigger[] = TRIGGER_FAMILIES.flatMap((family) =>
  Object.keys(WATCHED[family]).flatMap((table) =>
    (['insert', 'update', 'delete'] as const)
      .filter((op) => family === 'insight_sources' || !(table === 'applications' && op === 'insert'))
      .map((op) => ({ family, table, op, name: `${family}_${table}_${op}` })),
  ),
);

/** The adverse-impact buckets (application's position and day) a changed row of `table` can touch. */
function adverseMarksOf(table: string, col: (name: string) => string, from: string, day: Day): string {
  switch (table) {
    case 'applications':
      return `SELECT ${col('positionId')} AS pos, ${day(col('createdAt'))} AS d${from ? ` FROM ${from.slice(2)}` : ''}`;
    case 'writing_grades':
      return adverseOfOwner('writing_submissions', col('submissionId'), from)(day);
    case 'presentation_scores':
      return adverseOfOwner('presentations', col('presentationId'), from)(day);
    case 'vetting_configs':
      // A pass mark changed: every day the position has applications on.
      return `SELECT a."positionId" AS pos, ${day('a."createdAt"')} AS d FROM applications a${from} WHERE a."positionId" = ${col('positionId')}`;
    default:
      return ofApplication(col('applicationId'), from)(day);
  }
}

/** The source-quality buckets (application's position and day) a changed row of `table` can touch. */
function sourceMarksOf(table: string, col: (name: string) => string, from: string, day: Day): string {
  switch (table) {
    case 'applications':
      return `SELECT ${col('positionId')} AS pos, ${day(col('createdAt'))} AS d${from ? ` FROM ${from.slice(2)}` : ''}`;
    case 'hire_goals':
      return `SELECT a."positionId" AS pos, ${day('a."createdAt"')} AS d FROM hires h JOIN applications a ON a.id = h."applicationId"${from} WHERE h.id = ${col('hireId')}`;
    default:
      return ofApplication(col('applicationId'), from)(day);
  }
}

/** The (pos, d) selects each table's change marks, given how to read a changed row's column. */
function marksOf(
  { family, table }: InsightTrigger,
  col: (name: string) => string,
  from: string,
  day: Day,
): { kind: InsightKind; select: string }[] {
  if (family === 'insight_adverse') return [{ kind: 'adverse', select: adverseMarksOf(table, col, from, day) }];
  if (family === 'insight_sources') return [{ kind: 'sources', select: sourceMarksOf(table, col, from, day) }];
  switch (table) {
    case 'application_events':
      return [{ kind: 'funnel', select: ofApplication(col('applicationId'), from)(day) }];
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

/** The triggers of the given families. */
const triggersOf = (families: TriggerFamily[]) =>
  INSIGHT_TRIGGERS.filter((trigger) => families.includes(trigger.family));
const watched = ({ family, table }: InsightTrigger) => WATCHED[family][table];
/** The date part of a timestamp ("YYYY-MM-DD"), as the summaries' days are written and the reports filter them. */
export const dayOf = (postgres: boolean): Day =>
  postgres ? (column) => `to_char(${column}, 'YYYY-MM-DD')` : (column) => `substr(${column}, 1, 10)`;

/** Days from one timestamp to a later one, as a decimal (exact numeric on PostgreSQL, a double on SQLite). */
export const daysBetween =
  (postgres: boolean) =>
  (later: string, earlier: string): string =>
    postgres
      ? `(EXTRACT(EPOCH FROM (${later} - ${earlier})) / 86400.0)`
      : `(julianday(${later}) - julianday(${earlier}))`;

function sqliteTriggers(families: TriggerFamily[]): string[] {
  const day = dayOf(false);
  // One connection, one writer at a time: a bucket already marked needs no second mark.
  const mark = (kind: InsightKind, select: string) =>
    `INSERT INTO insight_dirty (kind, "positionId", day) SELECT DISTINCT '${kind}', m.pos, m.d FROM (${select}) m
     WHERE m.pos IS NOT NULL AND m.d IS NOT NULL
       AND NOT EXISTS (SELECT 1 FROM insight_dirty x WHERE x.kind = '${kind}' AND x."positionId" = m.pos AND x.day = m.d);`;
  return triggersOf(families).map((trigger) => {
    const { table, op, name } = trigger;
    const sides = op === 'insert' ? ['NEW'] : op === 'delete' ? ['OLD'] : ['OLD', 'NEW'];
    const body = sides
      .flatMap((side) => marksOf(trigger, (c) => `${side}."${c}"`, '', day).map((m) => mark(m.kind, m.select)))
      .join('\n');
    // Before a delete, so a cascade's children still find their parents (an application's interviews are marked
    // by the application's trigger while they exist).
    const timing =
      op === 'delete'
        ? 'BEFORE DELETE'
        : op === 'insert'
          ? 'AFTER INSERT'
          : `AFTER UPDATE OF ${watched(trigger)
              .map((c) => `"${c}"`)
              .join(', ')}`;
    return `CREATE TRIGGER ${name} ${timing} ON ${table} FOR EACH ROW BEGIN\n${body}\nEND`;
  });
}

function postgresTriggers(families: TriggerFamily[]): string[] {
  const day = dayOf(true);
  // A plain insert, never deduplicated against other transactions' marks: a refresh deletes the marks it can see
  // and then recomputes, so a mark that is not yet committed (and the change it stands for) is left for the next one.
  // Writers take no lock on marks, so they never wait for a refresh.
  const mark = (kind: InsightKind, select: string) =>
    `INSERT INTO insight_dirty (kind, "positionId", day) SELECT DISTINCT '${kind}', m.pos, m.d FROM (${select}) m
     WHERE m.pos IS NOT NULL AND m.d IS NOT NULL;`;
  const statements: string[] = [];
  for (const trigger of triggersOf(families)) {
    const { table, op, name } = trigger;
    let body: string;
    let create: string;
    if (op === 'delete') {
      body = marksOf(trigger, (c) => `OLD."${c}"`, '', day)
        .map((m) => mark(m.kind, m.select))
        .join('\n');
      body += '\nRETURN OLD;';
      create = `CREATE TRIGGER ${name} BEFORE DELETE ON ${table} FOR EACH ROW EXECUTE FUNCTION ${name}_fn()`;
    } else if (op === 'insert') {
      body = marksOf(trigger, (c) => `r."${c}"`, ', new_rows r', day)
        .map((m) => mark(m.kind, m.select))
        .join('\n');
      body += '\nRETURN NULL;';
      create = `CREATE TRIGGER ${name} AFTER INSERT ON ${table} REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION ${name}_fn()`;
    } else {
      // Only rows whose watched columns changed, before (old_rows) and after (new_rows) the update.
      const columns = watched(trigger);
      const changed = (side: 'old' | 'new') =>
        `(SELECT ${side === 'old' ? 'o' : 'n'}.* FROM old_rows o JOIN new_rows n ON n.id = o.id WHERE (${columns
          .map((c) => `o."${c}"`)
          .join(', ')}) IS DISTINCT FROM (${columns.map((c) => `n."${c}"`).join(', ')}))`;
      body = (['old', 'new'] as const)
        .flatMap((side) =>
          marksOf(trigger, (c) => `r."${c}"`, `, ${changed(side)} r`, day).map((m) => mark(m.kind, m.select)),
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

/** CREATE statements for every trigger of the families (and its function on PostgreSQL); all of them by default. */
export function insightTriggerStatements(postgres: boolean, families = TRIGGER_FAMILIES): string[] {
  return postgres ? postgresTriggers(families) : sqliteTriggers(families);
}

/** DROP statements for every trigger of the families (and its function), whether or not it exists. */
export function dropInsightTriggerStatements(postgres: boolean, families = TRIGGER_FAMILIES): string[] {
  return triggersOf(families).flatMap(({ table, name }) =>
    postgres
      ? [`DROP TRIGGER IF EXISTS ${name} ON ${table}`, `DROP FUNCTION IF EXISTS ${name}_fn()`]
      : [`DROP TRIGGER IF EXISTS ${name}`],
  );
}

/** Marks every bucket of the kinds that has data dirty, so that the next refresh rebuilds the summaries whole. */
export function markEverythingStatements(postgres: boolean, kinds = INSIGHT_KINDS): string[] {
  const day = dayOf(postgres);
  const statements: Record<InsightKind, string> = {
    funnel: `INSERT INTO insight_dirty (kind, "positionId", day) SELECT DISTINCT 'funnel', a."positionId", ${day('a."createdAt"')} FROM applications a`,
    calibration: `INSERT INTO insight_dirty (kind, "positionId", day)
     SELECT DISTINCT 'calibration', a."positionId", ${day('i."startsAt"')} FROM interviews i JOIN applications a ON a.id = i."applicationId"`,
    adverse: `INSERT INTO insight_dirty (kind, "positionId", day) SELECT DISTINCT 'adverse', a."positionId", ${day('a."createdAt"')} FROM applications a`,
    sources: `INSERT INTO insight_dirty (kind, "positionId", day) SELECT DISTINCT 'sources', a."positionId", ${day('a."createdAt"')} FROM applications a`,
  };
  return kinds.map((kind) => statements[kind]);
}
