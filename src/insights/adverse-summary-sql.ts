/**
 * The statement that fills insight_adverse (src/insights/insight-summaries.ts): AdverseImpactRepository.stepCountsFull's
 * steps, grouped per position and day applied as well. Like the report, it reads self-identification answers only to
 * count them: each row is a combination of answers with the number of applicants and selected, never an application.
 *
 * `only` restricts the applications (alias a) to one bucket, or is '1 = 1' for a full rebuild; `day` is the summaries'
 * date part of a timestamp. The rubric results are computed only for the bucket's own writing tests and presentations.
 */
export function adverseSummarySql(only: string, day: (column: string) => string): string {
  const reached = (stages: string) =>
    `EXISTS (SELECT 1 FROM application_events e WHERE e."applicationId" = a.id AND e."toStage" IN (${stages}))`;
  // A rubric result as the vetting gate computes it: every assigned scorer (at least two) in, mean against the mark.
  const rubric = (scores: string, key: string, owners: string) =>
    `(SELECT "${key}" AS owner, COUNT(*) AS assigned,
        COUNT(CASE WHEN "submittedAt" IS NOT NULL AND overall IS NOT NULL THEN 1 END) AS done,
        ROUND(CAST(AVG(CASE WHEN "submittedAt" IS NOT NULL THEN overall END) AS NUMERIC), 2) AS mean
      FROM ${scores} WHERE "${key}" IN (SELECT o.id FROM ${owners} o JOIN apps ON apps.id = o."applicationId")
      GROUP BY "${key}")`;
  return `
    WITH apps AS (
      SELECT a.id, a."positionId" AS pos, ${day('a."createdAt"')} AS d, a.stage, s.sex, s.race, s.veteran, s.disability,
        ${reached(`'interview', 'decision', 'offer', 'hired'`)} AS interviewed,
        ${reached(`'offer', 'hired'`)} AS offered
      FROM applications a
      LEFT JOIN self_identifications s ON s."applicationId" = a.id
      WHERE ${only}
    ), steps AS (
      SELECT 'assessment' AS step, apps.*,
        CASE WHEN x.eligibility >= COALESCE(v."minEligibility", 60) AND x.suitability >= COALESCE(v."minSuitability", 60) THEN 1 ELSE 0 END AS chosen
      FROM apps JOIN assessments x ON x."applicationId" = apps.id
      LEFT JOIN vetting_configs v ON v."positionId" = apps.pos
      UNION ALL
      SELECT 'writing', apps.*, CASE WHEN g.mean >= COALESCE(v."writingPassMean", 3) THEN 1 ELSE 0 END
      FROM apps JOIN writing_submissions w ON w."applicationId" = apps.id AND w."submittedAt" IS NOT NULL
      JOIN ${rubric('writing_grades', 'submissionId', 'writing_submissions')} g ON g.owner = w.id AND g.done >= 2 AND g.done >= g.assigned
      LEFT JOIN vetting_configs v ON v."positionId" = apps.pos
      UNION ALL
      SELECT 'presentation', apps.*, CASE WHEN g.mean >= COALESCE(v."presentationPassMean", 3) THEN 1 ELSE 0 END
      FROM apps JOIN presentations pr ON pr."applicationId" = apps.id
      JOIN ${rubric('presentation_scores', 'presentationId', 'presentations')} g ON g.owner = pr.id AND g.done >= 2 AND g.done >= g.assigned
      LEFT JOIN vetting_configs v ON v."positionId" = apps.pos
      UNION ALL
      SELECT 'interview', apps.*, CASE WHEN apps.offered THEN 1 ELSE 0 END
      FROM apps WHERE apps.interviewed AND (apps.offered OR apps.stage = 'rejected')
      UNION ALL
      SELECT 'offer', apps.*, CASE WHEN apps.stage = 'hired' THEN 1 ELSE 0 END
      FROM apps WHERE apps.offered AND apps.stage IN ('hired', 'rejected', 'withdrawn')
    )
    INSERT INTO insight_adverse ("positionId", day, step, sex, race, veteran, disability, applicants, selected)
    SELECT pos, d, step, sex, race, veteran, disability, COUNT(*), SUM(chosen)
    FROM steps GROUP BY pos, d, step, sex, race, veteran, disability`;
}
