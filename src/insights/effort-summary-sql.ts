/**
 * What a position's process has asked of people (the bad-hire cost page): writing grades and presentation scores
 * submitted, panel seats of interviews not cancelled and their minutes. Kept in two summaries, each rebuilt with the
 * buckets whose triggers already follow its inputs (src/insights/insight-summaries.ts):
 * - insight_grading (per position and day applied; the adverse-impact buckets, which follow grades and scores);
 * - insight_seats (per position and interview day; the calibration buckets, which follow seats and interviews).
 *
 * `only` restricts the applications (alias a) — and for the seats the interviews (alias i) — to one bucket, or is
 * '1 = 1' for a full rebuild; `day` is the summaries' date part of a timestamp.
 */
type Day = (column: string) => string;

/** Submitted writing grades and presentation scores of one application (alias a), by the names both reads give them. */
const GRADED = {
  grades: `(SELECT COUNT(*) FROM writing_grades g JOIN writing_submissions w ON w.id = g."submissionId" WHERE w."applicationId" = a.id AND g."submittedAt" IS NOT NULL)`,
  scores: `(SELECT COUNT(*) FROM presentation_scores s JOIN presentations pr ON pr.id = s."presentationId" WHERE pr."applicationId" = a.id AND s."submittedAt" IS NOT NULL)`,
};

/** The seats (alias s) of interviews (alias i) not cancelled, with their applications (alias a). */
const SEATS = `panelists s JOIN interviews i ON i.id = s."interviewId" JOIN applications a ON a.id = i."applicationId"
  WHERE i."cancelledAt" IS NULL`;

/** The effort of one position (its id bound by `id`, called once per use) from every grade, score and seat. */
export const processEffortFullSql = (id: () => string) => `SELECT
    (SELECT SUM(${GRADED.grades}) FROM applications a WHERE a."positionId" = ${id()}) AS grades,
    (SELECT SUM(${GRADED.scores}) FROM applications a WHERE a."positionId" = ${id()}) AS scores,
    (SELECT COUNT(*) FROM ${SEATS} AND a."positionId" = ${id()}) AS seats,
    (SELECT SUM(i."durationMinutes") FROM ${SEATS} AND a."positionId" = ${id()}) AS minutes`;

/** Fills insight_grading for the applications `only` keeps (those with a grade or score submitted). */
export const gradingSummarySql = (only: string, day: Day) => `
  INSERT INTO insight_grading ("positionId", day, grades, scores)
  SELECT pos, d, SUM(grades), SUM(scores) FROM (
    SELECT a."positionId" AS pos, ${day('a."createdAt"')} AS d, ${GRADED.grades} AS grades, ${GRADED.scores} AS scores
    FROM applications a WHERE ${only}
  ) x WHERE grades > 0 OR scores > 0 GROUP BY pos, d`;

/** Fills insight_seats for the interviews `only` keeps. */
export const seatsSummarySql = (only: string, day: Day) => `
  INSERT INTO insight_seats ("positionId", day, seats, minutes)
  SELECT pos, d, COUNT(*), SUM(minutes) FROM (
    SELECT a."positionId" AS pos, ${day('i."startsAt"')} AS d, i."durationMinutes" AS minutes FROM ${SEATS} AND ${only}
  ) x GROUP BY pos, d`;

/** processEffortFullSql's figures from the two summaries. */
export const processEffortSql = (id: () => string) => `SELECT
    (SELECT SUM(grades) FROM insight_grading WHERE "positionId" = ${id()}) AS grades,
    (SELECT SUM(scores) FROM insight_grading WHERE "positionId" = ${id()}) AS scores,
    (SELECT SUM(seats) FROM insight_seats WHERE "positionId" = ${id()}) AS seats,
    (SELECT SUM(minutes) FROM insight_seats WHERE "positionId" = ${id()}) AS minutes`;
