import { debriefMatrix, outcomeMeans, scorecardChanges, type ScoreSheet } from './debrief.js';
import type { InterviewQuestion } from './entities/interview.entity.js';

const question = (questionId: number, outcomeIds: number[]): InterviewQuestion => ({
  questionId,
  text: `Question ${questionId}`,
  followUps: null,
  rubric: ['poor', 'mixed', 'good', 'excellent'],
  minutes: 10,
  outcomeIds,
});
const sheet = (ratings: Record<number, number | null>): ScoreSheet => ({
  ratings: Object.fromEntries(
    Object.entries(ratings).map(([id, rating]) => [id, { rating, evidence: `evidence ${id}` }]),
  ),
  planReaction: 'embraces',
  planNotes: null,
  recommendation: 'yes',
});

const questions = [question(1, [10]), question(2, [10, 20]), question(3, [20])];

describe(debriefMatrix.name, () => {
  it('puts the largest disagreement first and keeps the kit order for ties', () => {
    const rows = debriefMatrix(questions, [
      sheet({ 1: 3, 2: 1, 3: 2 }),
      sheet({ 1: 3, 2: 4, 3: 3 }),
      sheet({ 1: 3, 2: 2, 3: 3 }),
    ]);
    expect(rows.map((row) => [row.question.questionId, row.spread])).toEqual([
      [2, 3],
      [3, 1],
      [1, 0],
    ]);
    expect(rows[0].cells.map((cell) => cell.rating)).toEqual([1, 4, 2]);
    expect(rows[0].mean).toBeCloseTo(7 / 3);
  });

  it('ignores a missing rating in the spread and the mean', () => {
    const [row] = debriefMatrix([question(1, [])], [sheet({ 1: 4 }), sheet({})]);
    expect(row.spread).toBe(0);
    expect(row.mean).toBe(4);
    expect(row.cells[1]).toEqual({ rating: null, evidence: '' });
  });
});

describe(outcomeMeans.name, () => {
  it('averages every rating of every question probing the outcome', () => {
    const means = outcomeMeans(
      questions,
      [
        { id: 10, label: 'Billings' },
        { id: 20, label: 'New customers' },
        { id: 30, label: 'Retention' },
      ],
      [sheet({ 1: 4, 2: 2, 3: 1 }), sheet({ 1: 3, 2: 3, 3: 2 })],
    );
    expect(means).toEqual([
      { label: 'Billings', mean: 3, ratings: 4 },
      { label: 'New customers', mean: 2, ratings: 4 },
      { label: 'Retention', mean: null, ratings: 0 },
    ]);
  });
});

describe(scorecardChanges.name, () => {
  it('lists each changed field with its old and new value, and nothing else', () => {
    const before = sheet({ 1: 3, 2: 2, 3: 2 });
    const after: ScoreSheet = { ...sheet({ 1: 3, 2: 4, 3: 2 }), recommendation: 'strong-yes' };
    after.ratings['3'] = { rating: 2, evidence: 'Named the CFO first, then the clinic owners.' };
    expect(scorecardChanges(questions, before, after)).toEqual([
      { field: 'Rating: Question 2', from: '2', to: '4' },
      { field: 'Evidence: Question 3', from: 'evidence 3', to: 'Named the CFO first, then the clinic owners.' },
      { field: 'Recommendation', from: 'Yes', to: 'Strong yes' },
    ]);
    expect(scorecardChanges(questions, before, before)).toEqual([]);
  });
});
