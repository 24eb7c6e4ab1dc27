import { DomainError, FormInvalidError } from '../common/errors.js';
import { completeScore, overallOf, rubricResult, type RubricScore } from './rubric-score.js';

describe(rubricResult.name, () => {
  const at = new Date();
  it('waits for both scorers, then compares their mean with the pass mark', () => {
    expect(
      rubricResult(
        [
          { overall: 3.2, submittedAt: at },
          { overall: null, submittedAt: null },
        ],
        3,
      ).status,
    ).toBe('pending');
    expect(
      rubricResult(
        [
          { overall: 3.2, submittedAt: at },
          { overall: 2.8, submittedAt: at },
        ],
        3,
      ),
    ).toEqual({ status: 'pass', mean: 3, graded: 2, needed: 2 });
    expect(
      rubricResult(
        [
          { overall: 2.4, submittedAt: at },
          { overall: 3.4, submittedAt: at },
        ],
        3,
      ),
    ).toMatchObject({ status: 'fail', mean: 2.9 });
  });

  it('waits for a third grader when one was requested', () => {
    const grades = [
      { overall: 1.4, submittedAt: at },
      { overall: 3.6, submittedAt: at },
      { overall: null, submittedAt: null },
    ];
    expect(rubricResult(grades, 3)).toMatchObject({ status: 'pending', graded: 2, needed: 3 });
    grades[2] = { overall: 3.2, submittedAt: at };
    expect(rubricResult(grades, 3)).toMatchObject({ status: 'fail', mean: 2.73 });
  });
});

function thrownBy(act: () => void): unknown {
  try {
    act();
  } catch (error) {
    return error;
  }
  return null;
}

describe(completeScore.name, () => {
  const criteria = ['research', 'outcomes', 'fairUse'] as const;
  type Criterion = (typeof criteria)[number];
  const blank = (): RubricScore<Criterion> => ({ levels: null, overall: null, comment: null, submittedAt: null });

  it('records the levels, their mean as the overall, the comment and the moment', () => {
    const sut = blank();
    completeScore(sut, criteria, { research: 4, outcomes: 3, fairUse: 3 }, 'Specific.', 'score');
    expect(sut).toMatchObject({
      levels: { research: 4, outcomes: 3, fairUse: 3 },
      overall: 3.33,
      comment: 'Specific.',
    });
    expect(sut.submittedAt).toBeInstanceOf(Date);
    expect(overallOf(criteria, { research: 4, outcomes: 4, fairUse: 3 })).toBe(3.67);
  });

  it('names every criterion without a level, and refuses a second submission', () => {
    const sut = blank();
    const levels = { research: 2 } as Record<Criterion, number>;
    const refusal = thrownBy(() => completeScore(sut, criteria, levels, null, 'grade'));
    expect(refusal).toBeInstanceOf(FormInvalidError);
    expect((refusal as FormInvalidError).fields).toEqual({
      'levels.outcomes': ['Choose a level'],
      'levels.fairUse': ['Choose a level'],
    });
    expect(sut.submittedAt).toBeNull();
    sut.submittedAt = new Date();
    expect(() => completeScore(sut, criteria, { research: 1, outcomes: 1, fairUse: 1 }, null, 'grade')).toThrow(
      new DomainError('conflict', 'You have already submitted this grade.'),
    );
  });
});
