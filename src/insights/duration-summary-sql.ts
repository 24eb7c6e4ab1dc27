/**
 * The funnel's days in stage and time to hire: nearest-rank percentiles (median, 90th) of durations, shown to a tenth
 * of a day. Rounding is monotone, so the k-th smallest duration rounded is the k-th smallest rounded duration: a
 * summary that counts durations per tenth of a day (insight_durations, insight_hire_spans; per position and day
 * applied) gives exactly the percentiles of the full computation, rounded the same way, and its size grows with the
 * number of distinct tenths, not with the history.
 *
 * Each statement takes the applications (aliases a, p) a condition keeps; `day` is the summaries' date part of a
 * timestamp and `days` the decimal days between two (src/database/insight-triggers.ts).
 */
type Day = (column: string) => string;
type Days = (later: string, earlier: string) => string;

/** Days to the nearest tenth, counted in tenths (half away from zero on both databases; exact numeric on PostgreSQL). */
const tenths = (days: string) => `CAST(ROUND(${days} * 10) AS INTEGER)`;

/**
 * Every ended stay in a stage (the next move left the stage it entered), with its application's position, day
 * applied and length in days. Moves are ordered by time, then by id.
 */
const stays = (where: string, day: Day, days: Days) => `
  WITH moves AS (
    SELECT a."positionId" AS pos, ${day('a."createdAt"')} AS d, e."toStage" AS stage, e."createdAt" AS entered,
      LEAD(e."createdAt") OVER (PARTITION BY e."applicationId" ORDER BY e."createdAt", e.id) AS left_at,
      LEAD(e."fromStage") OVER (PARTITION BY e."applicationId" ORDER BY e."createdAt", e.id) AS left_from
    FROM application_events e
    JOIN applications a ON a.id = e."applicationId"
    JOIN positions p ON p.id = a."positionId"
    WHERE e."toStage" IS NOT NULL AND ${where}
  ), stays AS (
    SELECT pos, d, stage, ${days('left_at', 'entered')} AS days FROM moves WHERE left_at IS NOT NULL AND left_from = stage
  )`;

/** Every accepted offer answered, with its application's position, day applied and the days from applying. */
const spans = (where: string, day: Day, days: Days) => `
  WITH spans AS (
    SELECT a."positionId" AS pos, ${day('a."createdAt"')} AS d, ${days('o."respondedAt"', 'a."createdAt"')} AS days
    FROM offers o JOIN applications a ON a.id = o."applicationId" JOIN positions p ON p.id = a."positionId"
    WHERE o.status = 'accepted' AND o."respondedAt" IS NOT NULL AND ${where}
  )`;

/** Per stage: ended stays, and the median and 90th percentile in tenths of a day, from every event. */
export const stageDurationsFullSql = (where: string, day: Day, days: Days) => `${stays(where, day, days)},
  ranked AS (SELECT stage, days, ROW_NUMBER() OVER (PARTITION BY stage ORDER BY days) AS rn, COUNT(*) OVER (PARTITION BY stage) AS n FROM stays)
  SELECT stage, MAX(n) AS stays, ${tenths('MIN(CASE WHEN rn >= 0.5 * n THEN days END)')} AS median,
    ${tenths('MIN(CASE WHEN rn >= 0.9 * n THEN days END)')} AS p90
  FROM ranked GROUP BY stage`;

/** Fills insight_durations for the applications `only` keeps: ended stays per position, day, stage and tenth. */
export const stageDurationsSummarySql = (only: string, day: Day, days: Days) => `${stays(only, day, days)}
  INSERT INTO insight_durations ("positionId", day, stage, tenths, stays)
  SELECT pos, d, stage, t, COUNT(*) FROM (SELECT pos, d, stage, ${tenths('days')} AS t FROM stays) x GROUP BY pos, d, stage, t`;

/** stageDurationsFullSql's figures from insight_durations (alias s, positions p, filtered by `where` on s.day). */
export const stageDurationsSql = (where: string) => `
  WITH counted AS (
    SELECT s.stage, s.tenths, SUM(s.stays) AS c FROM insight_durations s JOIN positions p ON p.id = s."positionId"
    WHERE ${where} GROUP BY s.stage, s.tenths
  ), ranked AS (
    SELECT stage, tenths, SUM(c) OVER (PARTITION BY stage ORDER BY tenths) AS cum, SUM(c) OVER (PARTITION BY stage) AS n FROM counted
  )
  SELECT stage, MAX(n) AS stays, MIN(CASE WHEN cum >= 0.5 * n THEN tenths END) AS median,
    MIN(CASE WHEN cum >= 0.9 * n THEN tenths END) AS p90
  FROM ranked GROUP BY stage`;

/** Time to hire: accepted offers, and the median and 90th percentile in tenths of a day, from every offer. */
export const timeToHireFullSql = (where: string, day: Day, days: Days) => `${spans(where, day, days)},
  ranked AS (SELECT days, ROW_NUMBER() OVER (ORDER BY days) AS rn, COUNT(*) OVER () AS n FROM spans)
  SELECT COUNT(*) AS hires, ${tenths('MIN(CASE WHEN rn >= 0.5 * n THEN days END)')} AS median,
    ${tenths('MIN(CASE WHEN rn >= 0.9 * n THEN days END)')} AS p90
  FROM ranked`;

/** Fills insight_hire_spans for the applications `only` keeps: accepted offers per position, day and tenth. */
export const timeToHireSummarySql = (only: string, day: Day, days: Days) => `${spans(only, day, days)}
  INSERT INTO insight_hire_spans ("positionId", day, tenths, hires)
  SELECT pos, d, t, COUNT(*) FROM (SELECT pos, d, ${tenths('days')} AS t FROM spans) x GROUP BY pos, d, t`;

/** timeToHireFullSql's figures from insight_hire_spans (alias s, positions p, filtered by `where` on s.day). */
export const timeToHireSql = (where: string) => `
  WITH counted AS (
    SELECT s.tenths, SUM(s.hires) AS c FROM insight_hire_spans s JOIN positions p ON p.id = s."positionId"
    WHERE ${where} GROUP BY s.tenths
  ), ranked AS (SELECT tenths, c, SUM(c) OVER (ORDER BY tenths) AS cum, SUM(c) OVER () AS n FROM counted)
  SELECT COALESCE(SUM(c), 0) AS hires, MIN(CASE WHEN cum >= 0.5 * n THEN tenths END) AS median,
    MIN(CASE WHEN cum >= 0.9 * n THEN tenths END) AS p90
  FROM ranked`;
