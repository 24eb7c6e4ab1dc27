/**
 * The statement that fills insight_ready (src/insights/insight-summaries.ts): per position and day applied, how many
 * applications in Vetting have passed every required vetting step — VettingRepository.passedGateCounts's rules, the
 * rules of the vetting gate, restricted by `only` (alias a) to one bucket, or '1 = 1' for a full rebuild. The
 * insight_adverse_* triggers mark the buckets its inputs change (stage, results, grades, scores, pass marks and which
 * steps are required); it is rebuilt with the adverse-impact summary, bucket by bucket.
 */
export function readySummarySql(only: string, day: (column: string) => string): string {
  const rubric = (scores: string, owner: string, column: string, passMean: string) => `(
      (SELECT COUNT(*) FROM ${scores} s WHERE s."${owner}" = ${column}) >= 2
      AND NOT EXISTS (SELECT 1 FROM ${scores} s WHERE s."${owner}" = ${column} AND (s."submittedAt" IS NULL OR s.overall IS NULL))
      AND (SELECT AVG(s.overall) FROM ${scores} s WHERE s."${owner}" = ${column}) >= ${passMean} - 0.005)`;
  return `
    INSERT INTO insight_ready ("positionId", day, passed)
    SELECT a."positionId", ${day('a."createdAt"')}, COUNT(*)
    FROM applications a
    LEFT JOIN vetting_configs config ON config."positionId" = a."positionId"
    WHERE a.stage = 'vetting' AND ${only}
      AND (config."assessmentRequired" = FALSE OR EXISTS (SELECT 1 FROM assessments t WHERE t."applicationId" = a.id
        AND t.eligibility >= COALESCE(config."minEligibility", 60) AND t.suitability >= COALESCE(config."minSuitability", 60)))
      AND (config."writingRequired" = FALSE OR EXISTS (SELECT 1 FROM writing_submissions w WHERE w."applicationId" = a.id
        AND w."submittedAt" IS NOT NULL AND ${rubric('writing_grades', 'submissionId', 'w.id', 'COALESCE(config."writingPassMean", 3)')}))
      AND (config."presentationRequired" = FALSE OR EXISTS (SELECT 1 FROM presentations p WHERE p."applicationId" = a.id
        AND ${rubric('presentation_scores', 'presentationId', 'p.id', 'COALESCE(config."presentationPassMean", 3)')}))
    GROUP BY a."positionId", ${day('a."createdAt"')}`;
}
