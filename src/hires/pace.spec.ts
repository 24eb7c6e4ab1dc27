import { annualizedPace, expectedBy, goalKindOf, readGoal, type GoalPlan } from './pace.js';

const newCustomers: GoalPlan = {
  kind: 'total',
  target: 10,
  startOn: '2026-01-01',
  deadlineOn: '2026-12-31',
  milestones: [],
};
const billings: GoalPlan = {
  kind: 'pace',
  target: 1_000_000,
  startOn: '2026-01-01',
  deadlineOn: '2026-10-31',
  milestones: [],
};
const winRate: GoalPlan = { kind: 'rate', target: 25, startOn: '2026-01-01', deadlineOn: '2026-10-31', milestones: [] };

describe(goalKindOf.name, () => {
  it('tells a pace, a rate and a total apart', () => {
    expect(goalKindOf('Billings at an annualized pace', 'currency')).toBe('pace');
    expect(goalKindOf('A win rate on qualified opportunities', 'percent')).toBe('rate');
    expect(goalKindOf('New customers won', 'count')).toBe('total');
  });
});

describe(annualizedPace.name, () => {
  it('scales the actual to a year, and has no pace on the first day', () => {
    expect(annualizedPace(100_000, '2026-01-01', '2026-03-15')).toBeCloseTo(500_000);
    expect(annualizedPace(0, '2026-01-01', '2026-03-15')).toBe(0);
    expect(annualizedPace(5_000, '2026-01-01', '2026-01-01')).toBeNull();
  });
});

describe(expectedBy.name, () => {
  it('follows a straight line to the deadline, then the whole target', () => {
    expect(expectedBy(newCustomers, '2026-01-01')).toBe(0);
    expect(expectedBy(newCustomers, '2026-07-02')).toBeCloseTo(5, 1);
    expect(expectedBy(newCustomers, '2027-03-01')).toBe(10);
  });

  it('goes through the milestones’ interim targets, by straight lines between them', () => {
    const planned = {
      ...newCustomers,
      milestones: [
        { dueOn: '2026-06-30', percent: 30 },
        { dueOn: '2026-03-31', percent: 10 },
      ],
    };
    expect(expectedBy(planned, '2026-03-31')).toBe(1);
    // 31 of the 91 days from the first milestone (1) to the second (3).
    expect(expectedBy(planned, '2026-05-01')).toBeCloseTo(1 + (2 * 31) / 91, 10);
    expect(expectedBy(planned, '2026-06-30')).toBe(3);
    // 1 of the 184 days from the second milestone (3) to the deadline (10).
    expect(expectedBy(planned, '2026-07-01')).toBeCloseTo(3 + 7 / 184, 10);
  });

  it('judges a rate against its target at any time', () => {
    expect(expectedBy(winRate, '2026-02-01')).toBe(25);
  });
});

describe(readGoal.name, () => {
  it('is on pace with nothing expected yet, and at zero when something is', () => {
    expect(readGoal(newCustomers, 0, '2026-01-01')).toEqual({ value: 0, expected: 0, status: 'on-pace' });
    expect(readGoal(newCustomers, 0, '2026-07-02').status).toBe('off-pace');
  });

  it('is on pace above the target, at risk just under what is expected, off pace well under it', () => {
    expect(readGoal(newCustomers, 12, '2026-07-02').status).toBe('on-pace');
    expect(readGoal(newCustomers, 4.5, '2026-07-02').status).toBe('at-risk');
    expect(readGoal(newCustomers, 3, '2026-07-02').status).toBe('off-pace');
  });

  it('after the deadline compares with the whole target', () => {
    expect(readGoal(newCustomers, 9, '2027-02-01')).toMatchObject({ expected: 10, status: 'at-risk' });
    expect(readGoal(newCustomers, 10, '2027-02-01').status).toBe('on-pace');
    expect(readGoal(billings, 900_000, '2026-12-31')).toMatchObject({ expected: 1_000_000, status: 'at-risk' });
    expect(readGoal(billings, 700_000, '2026-12-31')).toMatchObject({ expected: 1_000_000, status: 'off-pace' });
  });

  it('reads a pace goal by its annualized value', () => {
    // 200,000 booked in the first 151 days is a pace of about 483,000; the line expects 151/303 of the target (about 498,000) by then.
    const reading = readGoal(billings, 200_000, '2026-06-01');
    expect(reading.value).toBeCloseTo(483_443.7, 1);
    expect(reading.expected).toBeCloseTo((1_000_000 * 151) / 303, 6);
    expect(reading.status).toBe('at-risk');
  });
});
