import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { PIPELINE_STAGES } from '../candidates/entities/application.entity.js';
import {
  dayOf,
  daysBetween,
  dropInsightTriggerStatements,
  INSIGHT_KINDS,
  INSIGHT_TRIGGERS,
  insightTriggerStatements,
  markEverythingStatements,
  type InsightKind,
} from '../database/insight-triggers.js';
import { UnitOfWork } from '../database/unit-of-work.js';
import { addDays } from '../hires/plan-dates.js';
import { JobRunner } from '../jobs/job-runner.js';
import { adverseSummarySql } from './adverse-summary-sql.js';
import { stageDurationsSummarySql, timeToHireSummarySql } from './duration-summary-sql.js';
import { gradingSummarySql, seatsSummarySql } from './effort-summary-sql.js';
import { readySummarySql } from './ready-summary-sql.js';
import { sourceSummarySql } from './source-summary-sql.js';

/** One bucket of a summary: a kind of report, a position and a day ("YYYY-MM-DD"). */
export interface Bucket {
  kind: InsightKind;
  positionId: number;
  day: string;
}

/** More dirty buckets than this are not recomputed one by one: the summaries are rebuilt whole. */
export const MANY_BUCKETS = 200;

/** Serialises refreshes on PostgreSQL (pg_advisory_xact_lock); any constant no other code uses. */
const REFRESH_LOCK = 1_795_392_300;

const STAGE_RANK = `CASE {col} ${PIPELINE_STAGES.map((stage, index) => `WHEN '${stage}' THEN ${index}`).join(' ')} ELSE -1 END`;

/**
 * The tables each kind of bucket fills: the ready counts and grading effort share the adverse-impact summary's
 * buckets and inputs, the days in stage the funnel's, panel seats the calibration ones, time to hire the
 * source-quality ones.
 */
const TABLES: Record<InsightKind, string[]> = {
  funnel: ['insight_funnel', 'insight_durations'],
  calibration: ['insight_calibration', 'insight_seats'],
  adverse: ['insight_adverse', 'insight_ready', 'insight_grading'],
  sources: ['insight_sources', 'insight_outcomes', 'insight_hire_spans'],
};

/**
 * The summary tables behind the funnel's stage counts (insight_funnel: applications per position, day applied and
 * furthest stage), the calibration report (insight_calibration: per position, interview day and interviewer, the
 * counts and the sums and counts the means are made of), the adverse-impact report (insight_adverse: per position,
 * day applied, step and combination of self-identification answers, the applicants and the selected — counts only;
 * with it insight_ready, the manager home's ready counts) and source quality (insight_sources; with it
 * insight_outcomes, the funnel's outcomes per source and rejection reasons, and insight_hire_spans, its time to
 * hire); insight_durations holds the funnel's days in stage (src/insights/duration-summary-sql.ts), insight_grading
 * and insight_seats the bad-hire cost page's process effort (src/insights/effort-summary-sql.ts). Their size grows
 * with positions × days (× answer combinations, sources, stages, tenths of a day), not with applications, ratings or
 * grades.
 *
 * Triggers (src/database/insight-triggers.ts; migrations InsightSummaries, AdverseSummary, ReadySummary,
 * SourceSummary and DurationAndEffortSummaries) write a dirty mark for every bucket a change can touch, in the
 * change's own transaction. `refresh()` recomputes the marked buckets with the reports' own SQL restricted to one
 * position and day; the reports call it before reading, so they are never stale, and a job calls it every few
 * minutes so that a report rarely finds much to do. Many marks (a bulk import, a migration's backfill) mean one full
 * rebuild.
 */
@Injectable()
export class InsightSummaries implements OnModuleInit {
  static readonly EVERY_SECONDS = 300;
  private readonly logger = new Logger(InsightSummaries.name);
  /** The refresh the calls made so far in this turn of the event loop will share (see refresh). */
  private starting: Promise<number> | null = null;

  constructor(
    private readonly uow: UnitOfWork,
    private readonly jobs: JobRunner,
  ) {}

  async onModuleInit(): Promise<void> {
    await this.ensureTriggers();
    this.jobs.every('insight-summaries', InsightSummaries.EVERY_SECONDS, async () => {
      await this.ensureTriggers();
      await this.refresh();
    });
  }

  /**
   * Puts back any trigger that is missing, and then has everything rebuilt. On SQLite a migration that alters one of
   * the followed tables through TypeORM recreates it (copy, drop, rename), and the drop takes the table's triggers
   * with it; this check at start-up (after the migrations) and in the refresh job repairs that. True when it had to.
   */
  async ensureTriggers(): Promise<boolean> {
    const names = INSIGHT_TRIGGERS.map((trigger) => `'${trigger.name}'`).join(', ');
    const present = await this.query<unknown>(
      this.postgres
        ? `SELECT tgname FROM pg_trigger WHERE tgname IN (${names})`
        : `SELECT name FROM sqlite_master WHERE type = 'trigger' AND name IN (${names})`,
    );
    if (present.length === INSIGHT_TRIGGERS.length) return false;
    await this.uow.run(async () => {
      if (this.postgres) await this.query(`SELECT pg_advisory_xact_lock(${REFRESH_LOCK})`);
      for (const statement of [
        ...dropInsightTriggerStatements(this.postgres),
        ...insightTriggerStatements(this.postgres),
        ...markEverythingStatements(this.postgres),
      ])
        await this.query(statement);
    });
    return true;
  }

  private get postgres(): boolean {
    return this.uow.manager.dataSource.options.type === 'postgres';
  }

  private query<T>(sql: string, values: unknown[] = []): Promise<T[]> {
    let n = 0;
    const numbered = this.postgres ? sql.replace(/\?/g, () => `$${++n}`) : sql;
    return this.uow.manager.query(numbered, values) as Promise<T[]>;
  }

  /** The date part of a timestamp as the reports' day filters compare it (see the migration). */
  private day(column: string): string {
    return dayOf(this.postgres)(column);
  }

  private days(later: string, earlier: string): string {
    return daysBetween(this.postgres)(later, earlier);
  }

  /**
   * Recomputes every dirty bucket (or rebuilds everything when there are many); returns how many were dirty. Calls
   * made together (a report page's reads, started at once) share one refresh, which starts after all of them were
   * made, so it sees whatever each caller had committed.
   */
  refresh(): Promise<number> {
    this.starting ??= Promise.resolve().then(() => {
      this.starting = null;
      return this.refreshNow();
    });
    return this.starting;
  }

  private async refreshNow(): Promise<number> {
    const [any] = await this.query<unknown>(`SELECT 1 AS one FROM insight_dirty LIMIT 1`);
    if (!any) return 0;
    const marked = await this.uow.run(async () => {
      if (this.postgres) await this.query(`SELECT pg_advisory_xact_lock(${REFRESH_LOCK})`);
      const dirty = await this.query<Bucket>(
        `SELECT DISTINCT kind, "positionId" AS "positionId", day FROM insight_dirty LIMIT ${MANY_BUCKETS + 1}`,
      );
      if (dirty.length > MANY_BUCKETS) {
        await this.rebuildWhole();
        return dirty.length;
      }
      for (const bucket of dirty) {
        // The marks first: whatever they stand for has committed, so the recomputation below sees it.
        await this.query(`DELETE FROM insight_dirty WHERE kind = ? AND "positionId" = ? AND day = ?`, [
          bucket.kind,
          Number(bucket.positionId),
          bucket.day,
        ]);
        await this.build(bucket.kind, { positionId: Number(bucket.positionId), day: bucket.day });
      }
      return dirty.length;
    });
    if (marked > MANY_BUCKETS) await this.releaseMarkPages();
    return marked;
  }

  /** Rebuilds every summary from the full history (after rows were written around the triggers, or to repair). */
  async rebuildAll(): Promise<void> {
    await this.uow.run(async () => {
      if (this.postgres) await this.query(`SELECT pg_advisory_xact_lock(${REFRESH_LOCK})`);
      await this.rebuildWhole();
    });
    await this.releaseMarkPages();
  }

  /**
   * After a whole rebuild (a bulk load or a migration marked every bucket) the emptied mark table keeps its pages on
   * PostgreSQL, and every report's "anything to refresh?" check scans them (1–2 ms per request at 100,000
   * applications). It is truncated if still empty, under a lock taken only if free at once: a writer with marks in
   * an open transaction keeps the pages until the next whole rebuild (or VACUUM). Never inside a unit of work, whose
   * transaction a refused lock would abort.
   */
  private async releaseMarkPages(): Promise<void> {
    if (!this.postgres || this.uow.active) return;
    await this.uow
      .run(async () => {
        await this.query(`LOCK TABLE insight_dirty IN ACCESS EXCLUSIVE MODE NOWAIT`);
        const [left] = await this.query<unknown>(`SELECT 1 AS one FROM insight_dirty LIMIT 1`);
        if (!left) await this.query(`TRUNCATE insight_dirty`);
      })
      .catch((error: { code?: string }) => {
        // 55P03: the lock was not free (a writer is marking); anything else is worth a line.
        if (error.code !== '55P03') this.logger.warn(`Could not truncate insight_dirty: ${String(error)}`);
      });
  }

  private async rebuildWhole(): Promise<void> {
    await this.query(`DELETE FROM insight_dirty`);
    for (const kind of INSIGHT_KINDS) await this.build(kind, null);
  }

  /** Replaces one bucket's rows (or, with null, every row) with what the full computation gives. */
  private async build(kind: Bucket['kind'], bucket: Omit<Bucket, 'kind'> | null): Promise<void> {
    const dated = kind === 'calibration' ? 'i."startsAt"' : 'a."createdAt"';
    const values = bucket ? [bucket.positionId, bucket.day, addDays(bucket.day, 1)] : [];
    const only = bucket ? `a."positionId" = ? AND ${dated} >= ? AND ${dated} < ?` : '1 = 1';
    for (const table of TABLES[kind])
      await this.query(
        `DELETE FROM ${table}${bucket ? ` WHERE "positionId" = ? AND day = ?` : ''}`,
        values.slice(0, bucket ? 2 : 0),
      );
    const day = (column: string) => this.day(column);
    const days = (later: string, earlier: string) => this.days(later, earlier);
    const statements =
      kind === 'funnel'
        ? [this.funnelSql(only), stageDurationsSummarySql(only, day, days)]
        : kind === 'calibration'
          ? [this.calibrationSql(only), seatsSummarySql(only, day)]
          : kind === 'adverse'
            ? [adverseSummarySql(only, day), readySummarySql(only, day), gradingSummarySql(only, day)]
            : [...sourceSummarySql(only, day), timeToHireSummarySql(only, day, days)];
    for (const sql of statements) await this.query(sql, values);
  }

  /** InsightsRepository.stageCountsFull's furthest stage per application, counted per position and day applied. */
  private funnelSql(only: string): string {
    return `WITH reached AS (
         SELECT e."applicationId" AS app, a."positionId" AS pos, ${this.day('a."createdAt"')} AS d, ${STAGE_RANK.replace('{col}', 'e."toStage"')} AS r
         FROM application_events e
         JOIN applications a ON a.id = e."applicationId"
         JOIN positions p ON p.id = a."positionId"
         WHERE e."toStage" IS NOT NULL AND ${only}
       ), furthest AS (SELECT app, pos, d, MAX(r) AS best FROM reached GROUP BY app, pos, d)
       INSERT INTO insight_funnel ("positionId", day, furthest, applications)
       SELECT pos, d, best, COUNT(*) FROM furthest WHERE best >= 0 GROUP BY pos, d, best`;
  }

  /** InsightsRepository.calibrationFull's seats, summed per position, interview day and interviewer. */
  private calibrationSql(only: string): string {
    return `WITH seat AS (
         SELECT s.id, s."userId", s."interviewId", s.recommendation, i.decision, a."positionId" AS pos, ${this.day('i."startsAt"')} AS d,
           CASE WHEN ${this.days('s."submittedAt"', 'i."startsAt"')} * 1440 <= i."durationMinutes" + 1440 THEN 1 ELSE 0 END AS on_time,
           AVG(r.rating * 1.0) AS mean
         FROM panelists s
         JOIN interviews i ON i.id = s."interviewId"
         JOIN applications a ON a.id = i."applicationId"
         JOIN positions p ON p.id = a."positionId"
         LEFT JOIN scorecard_ratings r ON r."panelistId" = s.id
         WHERE s."submittedAt" IS NOT NULL AND i."cancelledAt" IS NULL
           AND (i."decidedAt" IS NOT NULL OR NOT EXISTS (SELECT 1 FROM panelists o WHERE o."interviewId" = i.id AND o."submittedAt" IS NULL))
           AND ${only}
         GROUP BY s.id, s."userId", s."interviewId", s.recommendation, i.decision, s."submittedAt", i."startsAt", i."durationMinutes", a."positionId"
       ), per_interview AS (
         SELECT "interviewId", SUM(mean) AS total, COUNT(mean) AS rated FROM seat GROUP BY "interviewId"
       ), measured AS (
         SELECT seat.pos, seat.d, seat."userId", seat.on_time, seat.mean, seat.recommendation, seat.decision,
           CASE WHEN seat.mean IS NOT NULL AND pi.rated > 1 THEN seat.mean - (pi.total - seat.mean) / (pi.rated - 1) END AS delta
         FROM seat JOIN per_interview pi ON pi."interviewId" = seat."interviewId" JOIN users u ON u.id = seat."userId"
       )
       INSERT INTO insight_calibration ("positionId", day, "userId", submitted, "onTime", "meanSum", "meanCount", "deltaSum",
         "deltaCount", "strongNo", no, yes, "strongYes", decided, matched)
       SELECT pos, d, "userId", COUNT(*), SUM(on_time), SUM(mean), COUNT(mean), SUM(delta), COUNT(delta),
         SUM(CASE WHEN recommendation = 'strong-no' THEN 1 ELSE 0 END),
         SUM(CASE WHEN recommendation = 'no' THEN 1 ELSE 0 END),
         SUM(CASE WHEN recommendation = 'yes' THEN 1 ELSE 0 END),
         SUM(CASE WHEN recommendation = 'strong-yes' THEN 1 ELSE 0 END),
         SUM(CASE WHEN decision IN ('hire', 'no-hire') THEN 1 ELSE 0 END),
         SUM(CASE WHEN (decision = 'hire' AND recommendation IN ('yes', 'strong-yes')) OR (decision = 'no-hire' AND recommendation IN ('no', 'strong-no')) THEN 1 ELSE 0 END)
       FROM measured GROUP BY pos, d, "userId"`;
  }
}
