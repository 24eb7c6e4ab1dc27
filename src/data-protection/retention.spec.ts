import { addMonths, outcomeOf } from './retention.js';

describe('retention rules', () => {
  it('counts calendar months, clamping the day to the shorter month', () => {
    expect(addMonths(new Date('2026-03-31T10:00:00Z'), -1).toISOString()).toBe('2026-02-28T10:00:00.000Z');
    expect(addMonths(new Date('2024-02-29T00:00:00Z'), 12).toISOString()).toBe('2025-02-28T00:00:00.000Z');
    expect(addMonths(new Date('2026-01-15T00:00:00Z'), 12).toISOString()).toBe('2027-01-15T00:00:00.000Z');
  });

  it('reads an application’s outcome from its stage and whether an offer was made', () => {
    expect(outcomeOf('rejected', false)).toBe('rejected');
    expect(outcomeOf('withdrawn', false)).toBe('withdrawn');
    expect(outcomeOf('withdrawn', true)).toBe('offer-not-taken');
    expect(outcomeOf('rejected', true)).toBe('offer-not-taken');
    expect(outcomeOf('hired', true)).toBe('hired');
    expect(outcomeOf('offer', true)).toBeNull();
    expect(outcomeOf('interview', false)).toBeNull();
  });
});
