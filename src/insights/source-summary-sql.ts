import { PIPELINE_STAGES } from '../candidates/entities/application.entity.js';

/**
 * A hire's first-year attainment (alias h): the weighted share of outcomes met, partly met counting half; null
 * without goals. The validity report and source quality read it the same way.
 */
export const ATTAINMENT = `(SELECT SUM(COALESCE(g.weight, 1) * CASE g.result WHEN 'met' THEN 1.0 WHEN 'partly' THEN 0.5 ELSE 0.0 END) / SUM(COALESCE(g.weight, 1)) FROM hire_goals g WHERE g."hireId" = h.id)`;

/**
 * The stages after vetting: an application that reached one passed vetting (the gate lets none through without every
 * required step passed, unless an admin overrode it with a written reason).
 */
const AFTER_VETTING = PIPELINE_STAGES.slice(PIPELINE_STAGES.indexOf('vetting') + 1)
  .map((stage) => `'${stage}'`)
  .join(', ');

type Day = (column: string) => string;

/** Each application (aliases a, p) the condition keeps, followed to hire, review and accepted salary. */
const followed = (where: string, day: Day) => `
  SELECT a."positionId" AS pos, ${day('a."createdAt"')} AS d, a.source AS source, a."agencyId" AS "agencyId",
    COALESCE(UPPER(p."compensationCurrency"), 'USD') AS currency,
    CASE WHEN EXISTS (SELECT 1 FROM application_events e WHERE e."applicationId" = a.id AND e."toStage" IN (${AFTER_VETTING})) THEN 1 ELSE 0 END AS vetted,
    h.id AS "hireId", h.keeper AS keeper,
    CASE WHEN h."reviewedAt" IS NOT NULL THEN ${ATTAINMENT} END AS attainment,
    (SELECT MAX(o.salary) FROM offers o WHERE o."applicationId" = a.id AND o.status = 'accepted') AS salary
  FROM applications a
  JOIN positions p ON p.id = a."positionId"
  LEFT JOIN hires h ON h."applicationId" = a.id
  WHERE ${where}`;

/** The figures of a group of followed applications (alias f), by the name both tables and the report give them. */
const FIGURES = {
  applications: 'COUNT(*)',
  vetted: 'SUM(f.vetted)',
  hires: 'COUNT(f."hireId")',
  reviewed: 'SUM(CASE WHEN f.keeper IS NOT NULL THEN 1 ELSE 0 END)',
  keepers: 'SUM(CASE WHEN f.keeper THEN 1 ELSE 0 END)',
  attainmentSum: 'SUM(f.attainment)',
  attained: 'COUNT(f.attainment)',
  unsalaried: 'SUM(CASE WHEN f."hireId" IS NOT NULL AND f.salary IS NULL THEN 1 ELSE 0 END)',
};
const SOURCE_FIGURES = Object.keys(FIGURES) as (keyof typeof FIGURES)[];
const named = () => SOURCE_FIGURES.map((figure) => `${FIGURES[figure]} AS "${figure}"`).join(', ');

/**
 * Source quality from every application (aliases a, p, filtered by `where`): per source, agency and currency. What
 * the summary is built and tested with; the agency's fee is applied to each hire's accepted salary.
 */
export function sourceQualityFullSql(where: string, day: Day): string {
  return `SELECT f.source AS source, f."agencyId" AS "agencyId", f.currency AS currency, ${named()},
      SUM(CASE WHEN f."hireId" IS NOT NULL THEN ag."feePercent" * f.salary / 100.0 END) AS fees
    FROM (${followed(where, day)}) f
    LEFT JOIN agencies ag ON ag.id = f."agencyId"
    GROUP BY f.source, f."agencyId", f.currency`;
}

/**
 * Source quality from insight_sources (alias s, positions p, filtered by `where` on s.day): the same groups, the fee
 * applied to the summed salaries (one agency per group, so fee × sum = sum of fee × salary, up to rounding).
 */
export function sourceQualitySql(where: string): string {
  const sums = SOURCE_FIGURES.map((figure) => `SUM(s."${figure}") AS "${figure}"`).join(', ');
  const currency = `COALESCE(UPPER(p."compensationCurrency"), 'USD')`;
  return `SELECT s.source AS source, s."agencyId" AS "agencyId", ${currency} AS currency, ${sums},
      ag."feePercent" * SUM(s."salarySum") / 100.0 AS fees
    FROM insight_sources s
    JOIN positions p ON p.id = s."positionId"
    LEFT JOIN agencies ag ON ag.id = s."agencyId"
    WHERE ${where}
    GROUP BY s.source, s."agencyId", ${currency}, ag."feePercent"`;
}

/**
 * The statements that fill insight_sources and insight_outcomes (src/insights/insight-summaries.ts) for the
 * applications `only` keeps (alias a: one bucket, or '1 = 1' for a full rebuild). The insight_sources_* triggers
 * mark the buckets their inputs change.
 */
export function sourceSummarySql(only: string, day: Day): string[] {
  const columns = SOURCE_FIGURES.map((figure) => `"${figure}"`).join(', ');
  return [
    `INSERT INTO insight_sources ("positionId", day, source, "agencyId", ${columns}, "salarySum")
     SELECT f.pos, f.d, f.source, f."agencyId", ${SOURCE_FIGURES.map((figure) => FIGURES[figure]).join(', ')}, SUM(CASE WHEN f."hireId" IS NOT NULL THEN f.salary END)
     FROM (${followed(only, day)}) f
     GROUP BY f.pos, f.d, f.source, f."agencyId"`,
    `INSERT INTO insight_outcomes ("positionId", day, source, stage, "rejectionReasonId", applications)
     SELECT a."positionId", ${day('a."createdAt"')}, a.source, a.stage, a."rejectionReasonId", COUNT(*)
     FROM applications a
     WHERE ${only}
     GROUP BY a."positionId", ${day('a."createdAt"')}, a.source, a.stage, a."rejectionReasonId"`,
  ];
}
