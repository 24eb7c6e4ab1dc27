import { maskCandidate, writingResult } from './writing-rubric.js';

describe(maskCandidate.name, () => {
  it('hides the candidate’s name parts and email wherever they appear', () => {
    const sut = maskCandidate(
      'Best regards, Rosa Quinn (rosa.quinn@example.com). — ROSA',
      'Rosa Quinn',
      'rosa.quinn@example.com',
    );
    expect(sut).toBe('Best regards, [candidate] ([email]). — [candidate]');
  });

  it('leaves words that merely contain a name part alone', () => {
    expect(maskCandidate('Rosalind from Quinnipiac wrote.', 'Rosa Quinn', 'rq@example.com')).toBe(
      'Rosalind from Quinnipiac wrote.',
    );
  });
});

describe(writingResult.name, () => {
  const at = new Date();
  it('waits for both graders, then compares their mean with the pass mark', () => {
    expect(
      writingResult(
        [
          { overall: 3.2, submittedAt: at },
          { overall: null, submittedAt: null },
        ],
        3,
      ).status,
    ).toBe('pending');
    expect(
      writingResult(
        [
          { overall: 3.2, submittedAt: at },
          { overall: 2.8, submittedAt: at },
        ],
        3,
      ),
    ).toEqual({ status: 'pass', mean: 3, graded: 2, needed: 2 });
    expect(
      writingResult(
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
    expect(writingResult(grades, 3)).toMatchObject({ status: 'pending', graded: 2, needed: 3 });
    grades[2] = { overall: 3.2, submittedAt: at };
    expect(writingResult(grades, 3)).toMatchObject({ status: 'fail', mean: 2.73 });
  });
});
