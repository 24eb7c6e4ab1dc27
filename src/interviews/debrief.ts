import {
  PLAN_REACTION_LABELS,
  RECOMMENDATION_LABELS,
  type InterviewQuestion,
  type PlanReaction,
  type Rating,
  type Recommendation,
} from './entities/interview.entity.js';

/** What one panelist wrote: the part of a scorecard the debrief and the edit history compare. */
export interface ScoreSheet {
  ratings: Record<string, Rating>;
  planReaction: PlanReaction | null;
  planNotes: string | null;
  recommendation: Recommendation | null;
}

export interface MatrixRow {
  question: InterviewQuestion;
  cells: { rating: number | null; evidence: string }[];
  spread: number;
  mean: number | null;
}

const mean = (values: number[]): number | null =>
  values.length ? values.reduce((sum, value) => sum + value, 0) / values.length : null;
const rated = (values: (number | null)[]): number[] =>
  values.filter((value): value is number => typeof value === 'number');

/** Questions × panelists, the questions the panel disagreed on most first (largest spread); ties keep the kit's order. */
export function debriefMatrix(questions: InterviewQuestion[], sheets: ScoreSheet[]): MatrixRow[] {
  const rows = questions.map((question, order) => {
    const cells = sheets.map((sheet) => sheet.ratings[String(question.questionId)] ?? { rating: null, evidence: '' });
    const ratings = rated(cells.map((cell) => cell.rating));
    return {
      order,
      row: {
        question,
        cells,
        spread: ratings.length ? Math.max(...ratings) - Math.min(...ratings) : 0,
        mean: mean(ratings),
      },
    };
  });
  return rows.sort((a, b) => b.row.spread - a.row.spread || a.order - b.order).map(({ row }) => row);
}

/** The mean rating per outcome over every question that probes it and every panelist; null when nothing probed it. */
export function outcomeMeans(
  questions: InterviewQuestion[],
  outcomes: { id: number; label: string }[],
  sheets: ScoreSheet[],
): { label: string; mean: number | null; ratings: number }[] {
  return outcomes.map((outcome) => {
    const probing = questions.filter((question) => question.outcomeIds.includes(outcome.id));
    const ratings = rated(
      probing.flatMap((question) => sheets.map((sheet) => sheet.ratings[String(question.questionId)]?.rating ?? null)),
    );
    return { label: outcome.label, mean: mean(ratings), ratings: ratings.length };
  });
}

const shortText = (question: InterviewQuestion) =>
  question.text.length > 60 ? `${question.text.slice(0, 57)}…` : question.text;
const show = (value: string | number | null | undefined) =>
  value === null || value === undefined || value === '' ? '—' : String(value);

/** Every field that differs between two versions of a scorecard, in words a reader of the history understands. */
export function scorecardChanges(
  questions: InterviewQuestion[],
  before: ScoreSheet,
  after: ScoreSheet,
): { field: string; from: string; to: string }[] {
  const changes: { field: string; from: string; to: string }[] = [];
  const compare = (field: string, from: string | number | null | undefined, to: string | number | null | undefined) => {
    if (show(from) !== show(to)) changes.push({ field, from: show(from), to: show(to) });
  };
  for (const question of questions) {
    const key = String(question.questionId);
    compare(`Rating: ${shortText(question)}`, before.ratings[key]?.rating, after.ratings[key]?.rating);
    compare(`Evidence: ${shortText(question)}`, before.ratings[key]?.evidence, after.ratings[key]?.evidence);
  }
  compare(
    'Development-plan reaction',
    before.planReaction && PLAN_REACTION_LABELS[before.planReaction],
    after.planReaction && PLAN_REACTION_LABELS[after.planReaction],
  );
  compare('Development-plan notes', before.planNotes, after.planNotes);
  compare(
    'Recommendation',
    before.recommendation && RECOMMENDATION_LABELS[before.recommendation],
    after.recommendation && RECOMMENDATION_LABELS[after.recommendation],
  );
  return changes;
}
