import { maskCandidate } from './writing-rubric.js';

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
