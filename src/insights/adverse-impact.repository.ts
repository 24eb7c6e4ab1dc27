import { Injectable } from '@nestjs/common';
import { ReportReader } from '../database/report-reader.js';
import { UnitOfWork } from '../database/unit-of-work.js';
import { addDays } from '../hires/plan-dates.js';
import { InsightSummaries } from './insight-summaries.js';
import { Params } from './insights.repository.js';

/** The selection steps of the report, in the order of the process. */
export const STEPS = ['assessment', 'writing', 'presentation', 'interview', 'offer'] as const;
export type Step = (typeof STEPS)[number];

export interface AdverseImpactFilter {
  /** "YYYY-MM-DD", inclusive, on the date of the application. */
  from?: string;
  to?: string;
  positionId?: number;
}

/** Applications at one step with one combination of answers (null: no answer given), and how many were selected. */
export interface StepCount {
  step: Step;
  sex: string | null;
  race: string | null;
  veteran: string | null;
  disability: string | null;
  applicants: number | string;
  selected: number | string | null;
}

/**
 * The adverse-impact report's one query, the only reader of self-identification answers, and only ever as counts:
 * per selection step and combination of answers, the applicants and the selected. A step's applicants are the
 * applications the step decided about; pending, withdrawn-before-deciding and still-open ones are left out.
 * The report reads them from the summary insight_adverse, which holds the same counts per position and day applied
 * (and nothing else: no application, no candidate); its builder (adverse-summary-sql.ts) counts answers the same way.
 */
@Injectable()
export class AdverseImpactRepository {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly reader: ReportReader,
    private readonly summaries: InsightSummaries,
  ) {}

  /**
   * Read from the summary (counts per position, day applied, step and combination of answers), refreshed first, and
   * summed over the days of the period: the same as `stepCountsFull`, at a cost that does not grow with history.
   */
  async stepCounts(filter: AdverseImpactFilter): Promise<StepCount[]> {
    await this.summaries.refresh();
    const params = this.params();
    return this.reader.query<StepCount>(
      `SELECT step, sex, race, veteran, disability, SUM(applicants) AS applicants, SUM(selected) AS selected
       FROM insight_adverse WHERE ${this.within(filter, params, '"positionId"', 'day')}
       GROUP BY step, sex, race, veteran, disability`,
      params.values,
    );
  }

  /** stepCounts from every application (what the summary is built and tested with). */
  async stepCountsFull(filter: AdverseImpactFilter): Promise<StepCount[]> {
    const params = this.params();
    const reached = (stages: string) =>
      `EXISTS (SELECT 1 FROM application_events e WHERE e."applicationId" = a.id AND e."toStage" IN (${stages}))`;
    // A rubric result as the vetting gate computes it: every assigned scorer (at least two) in, mean against the mark.
    const rubric = (scores: string, key: string) =>
      `(SELECT "${key}" AS owner, COUNT(*) AS assigned,
          COUNT(CASE WHEN "submittedAt" IS NOT NULL AND overall IS NOT NULL THEN 1 END) AS done,
          ROUND(CAST(AVG(CASE WHEN "submittedAt" IS NOT NULL THEN overall END) AS NUMERIC), 2) AS mean
        FROM ${scores} GROUP BY "${key}")`;
    const sql = `
      WITH apps AS (
        SELECT a.id, a."positionId", a.stage, s.sex, s.race, s.veteran, s.disability,
          ${reached(`'interview', 'decision', 'offer', 'hired'`)} AS interviewed,
          ${reached(`'offer', 'hired'`)} AS offered
        FROM applications a
        LEFT JOIN self_identifications s ON s."applicationId" = a.id
        WHERE ${this.within(filter, params, 'a."positionId"', 'a."createdAt"')}
      ), steps AS (
        SELECT 'assessment' AS step, apps.*,
          CASE WHEN x.eligibility >= COALESCE(v."minEligibility", 60) AND x.suitability >= COALESCE(v."minSuitability", 60) THEN 1 ELSE 0 END AS chosen
        FROM apps JOIN assessments x ON x."applicationId" = apps.id
        LEFT JOIN vetting_configs v ON v."positionId" = apps."positionId"
        UNION ALL
        SELECT 'writing', apps.*, CASE WHEN g.mean >= COALESCE(v."writingPassMean", 3) THEN 1 ELSE 0 END
        FROM apps JOIN writing_submissions w ON w."applicationId" = apps.id AND w."submittedAt" IS NOT NULL
        JOIN ${rubric('writing_grades', 'submissionId')} g ON g.owner = w.id AND g.done >= 2 AND g.done >= g.assigned
        LEFT JOIN vetting_configs v ON v."positionId" = apps."positionId"
        UNION ALL
        SELECT 'presentation', apps.*, CASE WHEN g.mean >= COALESCE(v."presentationPassMean", 3) THEN 1 ELSE 0 END
        FROM apps JOIN presentations pr ON pr."applicationId" = apps.id
        JOIN ${rubric('presentation_scores', 'presentationId')} g ON g.owner = pr.id AND g.done >= 2 AND g.done >= g.assigned
        LEFT JOIN vetting_configs v ON v."positionId" = apps."positionId"
        UNION ALL
        SELECT 'interview', apps.*, CASE WHEN apps.offered THEN 1 ELSE 0 END
        FROM apps WHERE apps.interviewed AND (apps.offered OR apps.stage = 'rejected')
        UNION ALL
        SELECT 'offer', apps.*, CASE WHEN apps.stage = 'hired' THEN 1 ELSE 0 END
        FROM apps WHERE apps.offered AND apps.stage IN ('hired', 'rejected', 'withdrawn')
      )
      SELECT step, sex, race, veteran, disability, COUNT(*) AS applicants, SUM(chosen) AS selected
      FROM steps GROUP BY step, sex, race, veteran, disability`;
    // Read off the request thread (ReportReader): over every application it is the heaviest query Keeper runs.
    return this.reader.query<StepCount>(sql, params.values);
  }

  private params(): Params {
    return new Params(this.uow.manager.dataSource.options.type === 'postgres');
  }

  /** The filter as SQL over the given position and date columns (the day of the application; `to` inclusive). */
  private within(filter: AdverseImpactFilter, params: Params, position: string, dated: string): string {
    const conditions = ['1 = 1'];
    if (filter.positionId) conditions.push(`${position} = ${params.add(filter.positionId)}`);
    if (filter.from) conditions.push(`${dated} >= ${params.add(filter.from)}`);
    if (filter.to) conditions.push(`${dated} < ${params.add(addDays(filter.to, 1))}`);
    return conditions.join(' AND ');
  }
}
