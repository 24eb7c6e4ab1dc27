import { Injectable } from '@nestjs/common';
import { PIPELINE_STAGES } from '../candidates/entities/application.entity.js';
import { ReportReader } from '../database/report-reader.js';
import { dayOf, daysBetween } from '../database/insight-triggers.js';
import { UnitOfWork } from '../database/unit-of-work.js';
import { addDays } from '../hires/plan-dates.js';
import { stageDurationsFullSql, stageDurationsSql, timeToHireFullSql, timeToHireSql } from './duration-summary-sql.js';
import type { ProcessEffort } from './bad-hire-cost.js';
import { processEffortFullSql, processEffortSql } from './effort-summary-sql.js';
import { InsightSummaries } from './insight-summaries.js';
import { ATTAINMENT, sourceQualityFullSql, sourceQualitySql } from './source-summary-sql.js';

/** Whose positions a report covers: every position, those one hiring manager hires for, or none. */
export type InsightsScope = 'all' | 'none' | { hiringManagerId: number };

export interface InsightsFilter {
  /** "YYYY-MM-DD", inclusive. */
  from?: string;
  to?: string;
  positionId?: number;
  /** Built from the user by InsightsAccess.scopeFor. */
  scope: InsightsScope;
}

/** Bound values for a raw query, numbered for PostgreSQL ($1, $2…) or positional for SQLite (?). */
export class Params {
  readonly values: unknown[] = [];
  constructor(private readonly postgres: boolean) {}
  add(value: unknown): string {
    this.values.push(value);
    return this.postgres ? `$${this.values.length}` : '?';
  }
}

/** One group of source quality: applications of one source, agency and currency, followed to hire and review. */
export interface SourceQualityGroup {
  source: string;
  agencyId: number | string | null;
  currency: string;
  applications: number | string;
  vetted: number | string;
  hires: number | string;
  reviewed: number | string;
  keepers: number | string;
  attainmentSum: number | string | null;
  attained: number | string;
  fees: number | string | null;
  unsalaried: number | string;
}

export interface StageCount {
  stage: string;
  entered: number;
  passed: number;
}

/** Applications per furthest stage reached → per stage, how many entered it and how many went on. */
function funnelOf(rows: { best: number | string; apps: number | string }[]): StageCount[] {
  const furthest = rows.map((row) => ({ best: Number(row.best), apps: Number(row.apps) }));
  const atLeast = (rank: number) => furthest.filter((row) => row.best >= rank).reduce((sum, row) => sum + row.apps, 0);
  return PIPELINE_STAGES.map((stage, index) => ({ stage, entered: atLeast(index), passed: atLeast(index + 1) }));
}

/** Per stage: ended stays and the median and 90th-percentile length, in tenths of a day (null without stays). */
export interface DurationRow {
  stage: string;
  stays: number | string;
  median: number | string | null;
  p90: number | string | null;
}

/** Accepted offers, and the median and 90th-percentile days from applying, in tenths of a day. */
export interface HireSpanRow {
  hires: number | string;
  median: number | string | null;
  p90: number | string | null;
}

/** One interviewer's line of the calibration report. */
export interface CalibrationRow {
  userId: number;
  name: string;
  submitted: number | string;
  onTime: number | string;
  mean: number | string | null;
  delta: number | string | null;
  strongNo: number | string;
  no: number | string;
  yes: number | string;
  strongYes: number | string;
  decided: number | string;
  matched: number | string;
}

const STAGE_RANK = `CASE {col} ${PIPELINE_STAGES.map((stage, index) => `WHEN '${stage}' THEN ${index}`).join(' ')} ELSE -1 END`;
const rank = (column: string) => STAGE_RANK.replace('{col}', column);

/**
 * The reports' aggregations, in SQL that runs the same on SQLite and PostgreSQL. Each report is a fixed
 * number of grouped queries, whatever the number of applications or ratings.
 */
@Injectable()
export class InsightsRepository {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly reader: ReportReader,
    private readonly summaries: InsightSummaries,
  ) {}

  private get postgres(): boolean {
    return this.uow.manager.dataSource.options.type === 'postgres';
  }

  /** The date part of a timestamp, as the summaries' days are written. */
  private dayOf(column: string): string {
    return dayOf(this.postgres)(column);
  }

  /** Days between two timestamps, as a decimal. */
  private days(later: string, earlier: string): string {
    return daysBetween(this.postgres)(later, earlier);
  }

  /** The condition limiting positions (alias p) to the scope. */
  private scoped(scope: InsightsScope, params: Params): string {
    if (scope === 'all') return '1 = 1';
    if (scope === 'none') return '1 = 0';
    return `p."hiringManagerId" = ${params.add(scope.hiringManagerId)}`;
  }

  /** WHERE conditions on the position (alias p) and on a dated column. */
  private where(filter: InsightsFilter, params: Params, dated: string): string {
    const conditions = [this.scoped(filter.scope, params)];
    if (filter.positionId) conditions.push(`p.id = ${params.add(filter.positionId)}`);
    if (filter.from) conditions.push(`${dated} >= ${params.add(filter.from)}`);
    if (filter.to) conditions.push(`${dated} < ${params.add(addDays(filter.to, 1))}`);
    return conditions.join(' AND ');
  }

  /** Off the request thread on SQLite, and never more than the reports' share of PostgreSQL's pool (ReportReader). */
  private run<T>(sql: string, params: Params): Promise<T[]> {
    return this.reader.query<T>(sql, params.values);
  }

  /**
   * The hiring manager's pipeline at a glance: one query of counts; "this week" is the 7 days from `now`. Applications
   * to vet come from the kept per-stage counts (anonymised candidates' left out, as on the board). A few index
   * lookups on every load of the manager's home: read on the main connection, not through ReportReader, whose cache
   * it would only fill (its parameters hold the current time, so no entry would ever be reused).
   */
  async pipelineHealth(managerId: number, now: Date, today: string) {
    const params = new Params(this.postgres);
    const mine = () => params.add(managerId);
    const stamp = (date: Date) =>
      params.add(this.postgres ? date : date.toISOString().replace('T', ' ').replace('Z', ''));
    const dayAgo = new Date(now.getTime() - 86_400_000);
    const sql = `SELECT
         (SELECT COUNT(*) FROM positions p WHERE p."hiringManagerId" = ${mine()} AND p.status = 'published') AS positions,
         (SELECT COALESCE(SUM(c.total), 0) FROM application_counts c JOIN positions p ON p.id = c."positionId" WHERE p."hiringManagerId" = ${mine()} AND c.stage IN ('applied', 'vetting')) AS vetting,
         (SELECT COUNT(*) FROM panelists s JOIN interviews i ON i.id = s."interviewId" JOIN applications a ON a.id = i."applicationId" JOIN positions p ON p.id = a."positionId"
           WHERE p."hiringManagerId" = ${mine()} AND s."submittedAt" IS NULL AND i."cancelledAt" IS NULL AND i."decidedAt" IS NULL
             AND ${this.days(stamp(dayAgo), 'i."startsAt"')} * 1440 > i."durationMinutes") AS overdue,
         (SELECT COUNT(*) FROM interviews i JOIN applications a ON a.id = i."applicationId" JOIN positions p ON p.id = a."positionId"
           WHERE p."hiringManagerId" = ${mine()} AND i."cancelledAt" IS NULL AND i."startsAt" >= ${stamp(now)} AND i."startsAt" < ${stamp(new Date(now.getTime() + 7 * 86_400_000))}) AS interviews,
         (SELECT COUNT(DISTINCT t."hireId") FROM onboarding_tasks t JOIN hires h ON h.id = t."hireId"
           WHERE h."managerId" = ${mine()} AND t."doneAt" IS NULL AND t."dueOn" < ${params.add(today)}) AS late`;
    const [row] = (await this.uow.manager.query(sql, params.values)) as {
      positions: number | string;
      vetting: number | string;
      overdue: number | string;
      interviews: number | string;
      late: number | string;
    }[];
    return {
      positions: Number(row.positions),
      vetting: Number(row.vetting),
      overdue: Number(row.overdue),
      interviews: Number(row.interviews),
      late: Number(row.late),
    };
  }

  /**
   * Per published position the manager leads, how many applications in Vetting have passed every required step
   * (positions with none left out): from the summary insight_ready, refreshed first, so the cost does not grow with
   * the applications in Vetting. VettingService.passedGateCounts is the same over every application.
   */
  async readyCounts(managerId: number): Promise<{ positionId: number; title: string; count: number }[]> {
    await this.summaries.refresh();
    const params = new Params(this.postgres);
    const rows = (await this.uow.manager.query(
      `SELECT r."positionId" AS "positionId", p.title AS title, SUM(r.passed) AS count
       FROM insight_ready r JOIN positions p ON p.id = r."positionId"
       WHERE p."hiringManagerId" = ${params.add(managerId)} AND p.status = 'published'
       GROUP BY r."positionId", p.title HAVING SUM(r.passed) > 0 ORDER BY r."positionId"`,
      params.values,
    )) as { positionId: number | string; title: string; count: number | string }[];
    return rows.map((row) => ({ positionId: Number(row.positionId), title: row.title, count: Number(row.count) }));
  }

  /** The positions a report can be filtered by, by title (at most 200). */
  positionChoices(scope: InsightsScope) {
    const params = new Params(this.postgres);
    return this.run<{ id: number; title: string }>(
      `SELECT p.id, p.title FROM positions p WHERE ${this.scoped(scope, params)} ORDER BY p.title LIMIT 200`,
      params,
    );
  }

  /**
   * What the position's process has asked of people: writing grades, presentation scores, panel seats and their
   * minutes. From the summaries insight_grading and insight_seats, refreshed first; the same as `processEffortFull`.
   */
  async processEffort(positionId: number): Promise<ProcessEffort> {
    await this.summaries.refresh();
    return this.effort(processEffortSql, positionId);
  }

  /** processEffort from every grade, score and seat (what the summaries are built and tested with). */
  processEffortFull(positionId: number): Promise<ProcessEffort> {
    return this.effort(processEffortFullSql, positionId);
  }

  private async effort(sql: (id: () => string) => string, positionId: number): Promise<ProcessEffort> {
    const params = new Params(this.postgres);
    const [row] = await this.run<Record<keyof ProcessEffort, number | string | null>>(
      sql(() => params.add(positionId)),
      params,
    );
    return {
      grades: Number(row.grades ?? 0),
      scores: Number(row.scores ?? 0),
      seats: Number(row.seats ?? 0),
      minutes: Number(row.minutes ?? 0),
    };
  }

  /**
   * Per stage: applications that reached it or a later stage, and how many of those went on to a later one. A stage
   * is counted as passed when a later one is reached, so the funnel only narrows: a hire decision moves an
   * application from Interview straight to Offer, and it still counts as having passed Decision. Read from the
   * summary (applications per position, day applied and furthest stage), refreshed first; the same as
   * `stageCountsFull`.
   */
  async stageCounts(filter: InsightsFilter): Promise<StageCount[]> {
    await this.summaries.refresh();
    const params = new Params(this.postgres);
    const rows = await this.run<{ best: number | string; apps: number | string }>(
      `SELECT f.furthest AS best, SUM(f.applications) AS apps
       FROM insight_funnel f JOIN positions p ON p.id = f."positionId"
       WHERE ${this.where(filter, params, 'f.day')}
       GROUP BY f.furthest`,
      params,
    );
    return funnelOf(rows);
  }

  /** stageCounts from the full history of every application (what the summary is built and tested with). */
  async stageCountsFull(filter: InsightsFilter): Promise<StageCount[]> {
    const params = new Params(this.postgres);
    const rows = await this.run<{ best: number | string; apps: number | string }>(
      `WITH reached AS (
         SELECT e."applicationId" AS app, ${rank('e."toStage"')} AS r
         FROM application_events e
         JOIN applications a ON a.id = e."applicationId"
         JOIN positions p ON p.id = a."positionId"
         WHERE e."toStage" IS NOT NULL AND ${this.where(filter, params, 'a."createdAt"')}
       ), furthest AS (SELECT app, MAX(r) AS best FROM reached GROUP BY app)
       SELECT best, COUNT(*) AS apps FROM furthest WHERE best >= 0 GROUP BY best`,
      params,
    );
    return funnelOf(rows);
  }

  /**
   * Per stage: the ended stays, and the median and 90th-percentile days spent in it (nearest rank), in tenths of a
   * day. From the summary insight_durations, refreshed first; the same as `stageDurationsFull`.
   */
  async stageDurations(filter: InsightsFilter): Promise<DurationRow[]> {
    await this.summaries.refresh();
    const params = new Params(this.postgres);
    return this.run<DurationRow>(stageDurationsSql(this.where(filter, params, 's.day')), params);
  }

  /** stageDurations from every move of every application (what the summary is built and tested with). */
  stageDurationsFull(filter: InsightsFilter): Promise<DurationRow[]> {
    const params = new Params(this.postgres);
    return this.run<DurationRow>(
      stageDurationsFullSql(
        this.where(filter, params, 'a."createdAt"'),
        (column) => this.dayOf(column),
        (later, earlier) => this.days(later, earlier),
      ),
      params,
    );
  }

  /**
   * Days from application to accepted offer: the hires, median and 90th percentile, in tenths of a day. From the
   * summary insight_hire_spans, refreshed first; the same as `timeToHireFull`.
   */
  async timeToHire(filter: InsightsFilter): Promise<HireSpanRow> {
    await this.summaries.refresh();
    const params = new Params(this.postgres);
    const [row] = await this.run<HireSpanRow>(timeToHireSql(this.where(filter, params, 's.day')), params);
    return row;
  }

  /** timeToHire from every accepted offer (what the summary is built and tested with). */
  async timeToHireFull(filter: InsightsFilter): Promise<HireSpanRow> {
    const params = new Params(this.postgres);
    const [row] = await this.run<HireSpanRow>(
      timeToHireFullSql(
        this.where(filter, params, 'a."createdAt"'),
        (column) => this.dayOf(column),
        (later, earlier) => this.days(later, earlier),
      ),
      params,
    );
    return row;
  }

  /** Rejected applications per reason, most frequent first: from the summary insight_outcomes, refreshed first. */
  async rejectionReasons(filter: InsightsFilter) {
    await this.summaries.refresh();
    const params = new Params(this.postgres);
    return this.run<{ reason: string; count: number | string }>(
      `SELECT r.label AS reason, SUM(o.applications) AS count
       FROM insight_outcomes o JOIN positions p ON p.id = o."positionId" JOIN rejection_reasons r ON r.id = o."rejectionReasonId"
       WHERE o.stage = 'rejected' AND ${this.where(filter, params, 'o.day')}
       GROUP BY r.label ORDER BY SUM(o.applications) DESC, r.label`,
      params,
    );
  }

  /** rejectionReasons from every application (what the summary is tested with). */
  rejectionReasonsFull(filter: InsightsFilter) {
    const params = new Params(this.postgres);
    return this.run<{ reason: string; count: number | string }>(
      `SELECT r.label AS reason, COUNT(*) AS count
       FROM applications a JOIN positions p ON p.id = a."positionId" JOIN rejection_reasons r ON r.id = a."rejectionReasonId"
       WHERE a.stage = 'rejected' AND ${this.where(filter, params, 'a."createdAt"')}
       GROUP BY r.label ORDER BY COUNT(*) DESC, r.label`,
      params,
    );
  }

  /**
   * Per application source (where this application came from, not where Keeper first met the candidate) and current
   * stage: from the summary insight_outcomes, refreshed first.
   */
  async outcomesBySource(filter: InsightsFilter) {
    await this.summaries.refresh();
    const params = new Params(this.postgres);
    return this.run<{ source: string; stage: string; count: number | string }>(
      `SELECT o.source AS source, o.stage AS stage, SUM(o.applications) AS count
       FROM insight_outcomes o JOIN positions p ON p.id = o."positionId"
       WHERE ${this.where(filter, params, 'o.day')}
       GROUP BY o.source, o.stage`,
      params,
    );
  }

  /** outcomesBySource from every application (what the summary is tested with). */
  outcomesBySourceFull(filter: InsightsFilter) {
    const params = new Params(this.postgres);
    return this.run<{ source: string; stage: string; count: number | string }>(
      `SELECT a.source AS source, a.stage AS stage, COUNT(*) AS count
       FROM applications a JOIN positions p ON p.id = a."positionId"
       WHERE ${this.where(filter, params, 'a."createdAt"')}
       GROUP BY a.source, a.stage`,
      params,
    );
  }

  /**
   * Per interviewer, over submitted scorecards of finished panels (every scorecard in, or the decision recorded), so
   * no one's ratings show before the debrief opens: count, on time (within 24 hours of the interview's end), mean rating,
   * the mean difference from the other panelists of the same interviews, recommendations, agreement with the decision.
   * Read from the summary (per position, interview day and interviewer: counts, and the sums and counts the means
   * are made of), refreshed first; the same as `calibrationFull` (the means up to floating-point rounding).
   */
  async calibration(filter: InsightsFilter): Promise<CalibrationRow[]> {
    await this.summaries.refresh();
    const params = new Params(this.postgres);
    return this.run<CalibrationRow>(
      `SELECT c."userId" AS "userId", u.name AS name, SUM(c.submitted) AS submitted, SUM(c."onTime") AS "onTime",
         SUM(c."meanSum") / NULLIF(SUM(c."meanCount"), 0) AS mean,
         SUM(c."deltaSum") / NULLIF(SUM(c."deltaCount"), 0) AS delta,
         SUM(c."strongNo") AS "strongNo", SUM(c.no) AS no, SUM(c.yes) AS yes, SUM(c."strongYes") AS "strongYes",
         SUM(c.decided) AS decided, SUM(c.matched) AS matched
       FROM insight_calibration c JOIN positions p ON p.id = c."positionId" JOIN users u ON u.id = c."userId"
       WHERE ${this.where(filter, params, 'c.day')}
       GROUP BY c."userId", u.name
       ORDER BY u.name`,
      params,
    );
  }

  /** calibration from every scorecard rating (what the summary is built and tested with). */
  calibrationFull(filter: InsightsFilter): Promise<CalibrationRow[]> {
    const params = new Params(this.postgres);
    return this.run<CalibrationRow>(
      `WITH seat AS (
         SELECT s.id, s."userId", s."interviewId", s.recommendation, i.decision,
           CASE WHEN ${this.days('s."submittedAt"', 'i."startsAt"')} * 1440 <= i."durationMinutes" + 1440 THEN 1 ELSE 0 END AS on_time,
           AVG(r.rating * 1.0) AS mean
         FROM panelists s
         JOIN interviews i ON i.id = s."interviewId"
         JOIN applications a ON a.id = i."applicationId"
         JOIN positions p ON p.id = a."positionId"
         LEFT JOIN scorecard_ratings r ON r."panelistId" = s.id
         WHERE s."submittedAt" IS NOT NULL AND i."cancelledAt" IS NULL
           AND (i."decidedAt" IS NOT NULL OR NOT EXISTS (SELECT 1 FROM panelists o WHERE o."interviewId" = i.id AND o."submittedAt" IS NULL))
           AND ${this.where(filter, params, 'i."startsAt"')}
         GROUP BY s.id, s."userId", s."interviewId", s.recommendation, i.decision, s."submittedAt", i."startsAt", i."durationMinutes"
       ), per_interview AS (
         SELECT "interviewId", SUM(mean) AS total, COUNT(mean) AS rated FROM seat GROUP BY "interviewId"
       )
       SELECT seat."userId" AS "userId", u.name AS name, COUNT(*) AS submitted, SUM(seat.on_time) AS "onTime", AVG(seat.mean) AS mean,
         AVG(CASE WHEN seat.mean IS NOT NULL AND pi.rated > 1 THEN seat.mean - (pi.total - seat.mean) / (pi.rated - 1) END) AS delta,
         SUM(CASE WHEN seat.recommendation = 'strong-no' THEN 1 ELSE 0 END) AS "strongNo",
         SUM(CASE WHEN seat.recommendation = 'no' THEN 1 ELSE 0 END) AS no,
         SUM(CASE WHEN seat.recommendation = 'yes' THEN 1 ELSE 0 END) AS yes,
         SUM(CASE WHEN seat.recommendation = 'strong-yes' THEN 1 ELSE 0 END) AS "strongYes",
         SUM(CASE WHEN seat.decision IN ('hire', 'no-hire') THEN 1 ELSE 0 END) AS decided,
         SUM(CASE WHEN (seat.decision = 'hire' AND seat.recommendation IN ('yes', 'strong-yes')) OR (seat.decision = 'no-hire' AND seat.recommendation IN ('no', 'strong-no')) THEN 1 ELSE 0 END) AS matched
       FROM seat JOIN per_interview pi ON pi."interviewId" = seat."interviewId" JOIN users u ON u.id = seat."userId"
       GROUP BY seat."userId", u.name
       ORDER BY u.name`,
      params,
    );
  }

  /**
   * Applications created in the period, grouped by source, agency and the position's currency: how many passed
   * vetting, were hired, were reviewed at month 10 and became keepers; the sum and count of reviewed hires'
   * attainment; the agency's fee on the accepted offer's salary (feePercent × salary / 100), and hires without one.
   * From the summary insight_sources (per position, day applied, source and agency), refreshed first.
   */
  async sourceQuality(filter: InsightsFilter) {
    await this.summaries.refresh();
    const params = new Params(this.postgres);
    return this.run<SourceQualityGroup>(sourceQualitySql(this.where(filter, params, 's.day')), params);
  }

  /** sourceQuality from every application and its history, hire and offers (what the summary is built and tested with). */
  sourceQualityFull(filter: InsightsFilter) {
    const params = new Params(this.postgres);
    return this.run<SourceQualityGroup>(
      sourceQualityFullSql(this.where(filter, params, 'a."createdAt"'), (column) => this.dayOf(column)),
      params,
    );
  }

  /** Every agency, by name, with its fee. */
  agencies() {
    return this.run<{ id: number; name: string; feePercent: number | string; active: boolean | number }>(
      `SELECT id, name, "feePercent" AS "feePercent", active FROM agencies ORDER BY name`,
      new Params(this.postgres),
    );
  }

  /** Per reviewed hire: first-year attainment (weighted share of outcomes met, partly met counting half) and each pre-hire measure. */
  hireMeasures(filter: InsightsFilter) {
    const params = new Params(this.postgres);
    return this.run<{
      hireId: number;
      attainment: number | string | null;
      eligibility: number | string | null;
      suitability: number | string | null;
      writing: number | string | null;
      presentation: number | string | null;
      interview: number | string | null;
    }>(
      `SELECT h.id AS "hireId",
         ${ATTAINMENT} AS attainment,
         (SELECT s.eligibility FROM assessments s WHERE s."applicationId" = h."applicationId") AS eligibility,
         (SELECT s.suitability FROM assessments s WHERE s."applicationId" = h."applicationId") AS suitability,
         (SELECT AVG(wg.overall) FROM writing_grades wg JOIN writing_submissions ws ON ws.id = wg."submissionId" WHERE ws."applicationId" = h."applicationId" AND wg."submittedAt" IS NOT NULL) AS writing,
         (SELECT AVG(ps.overall) FROM presentation_scores ps JOIN presentations pr ON pr.id = ps."presentationId" WHERE pr."applicationId" = h."applicationId" AND ps."submittedAt" IS NOT NULL) AS presentation,
         (SELECT AVG(r.rating * 1.0) FROM scorecard_ratings r JOIN panelists s ON s.id = r."panelistId" JOIN interviews i ON i.id = s."interviewId" WHERE i."applicationId" = h."applicationId" AND s."submittedAt" IS NOT NULL) AS interview
       FROM hires h JOIN positions p ON p.id = h."positionId"
       WHERE h."reviewedAt" IS NOT NULL AND ${this.where(filter, params, 'h."reviewedAt"')}
       ORDER BY h.id`,
      params,
    );
  }

  /** Per reviewed hire and kit question, and per reviewed hire and interviewer: the mean rating given. */
  hireRatings(filter: InsightsFilter) {
    const params = new Params(this.postgres);
    return this.run<{ hireId: number; kind: string; key: number; label: string; mean: number | string }>(
      `SELECT h.id AS "hireId", 'question' AS kind, r."questionId" AS key, q.text AS label, AVG(r.rating * 1.0) AS mean
       FROM hires h JOIN positions p ON p.id = h."positionId"
       JOIN interviews i ON i."applicationId" = h."applicationId" JOIN panelists s ON s."interviewId" = i.id AND s."submittedAt" IS NOT NULL JOIN scorecard_ratings r ON r."panelistId" = s.id
       JOIN questions q ON q.id = r."questionId"
       WHERE h."reviewedAt" IS NOT NULL AND ${this.where(filter, params, 'h."reviewedAt"')}
       GROUP BY h.id, r."questionId", q.text
       UNION ALL
       SELECT h.id AS "hireId", 'interviewer' AS kind, s."userId" AS key, u.name AS label, AVG(r.rating * 1.0) AS mean
       FROM hires h JOIN positions p ON p.id = h."positionId"
       JOIN interviews i ON i."applicationId" = h."applicationId" JOIN panelists s ON s."interviewId" = i.id AND s."submittedAt" IS NOT NULL JOIN scorecard_ratings r ON r."panelistId" = s.id
       JOIN users u ON u.id = s."userId"
       WHERE h."reviewedAt" IS NOT NULL AND ${this.where(filter, params, 'h."reviewedAt"')}
       GROUP BY h.id, s."userId", u.name`,
      params,
    );
  }
}
