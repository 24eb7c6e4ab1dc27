import { badHireCost, defaultInputs, NO_EFFORT, processHours } from './bad-hire-cost.js';

describe(badHireCost.name, () => {
  it('adds up the article’s cost lines; a $120,000 sales hire costs over $250,000 with the defaults', () => {
    const { lines, total } = badHireCost(defaultInputs(120_000));
    expect(lines.map((line) => line.amount)).toEqual([30_000, 312_000, 100_000, 22_500, 15_000, 10_000]);
    expect(total).toBe(489_500);
    expect(total).toBeGreaterThan(250_000);
  });

  it('follows every changed input', () => {
    const { total } = badHireCost({
      ...defaultInputs(80_000),
      monthsUntilRecognised: 12,
      benefitsPercent: 0,
      recruiterFeePercent: 0,
      lostOpportunities: 0,
      managerHours: 0,
      colleagueHours: 0,
      travelAndExpenses: 0,
      legal: 0,
    });
    expect(total).toBe(80_000);
  });
});

describe(processHours.name, () => {
  it('counts half an hour a grade, an hour and a half a score, an hour of preparation a seat, and the panels’ minutes', () => {
    expect(processHours({ grades: 2, scores: 2, seats: 4, minutes: 240 })).toBe(1 + 3 + 4 + 4);
    expect(processHours(NO_EFFORT)).toBe(0);
  });
});
