import { addDays, closeOfFullMonth, daysBetween, deadlineOn, weekOf } from './plan-dates.js';

describe(closeOfFullMonth.name, () => {
  it('counts full months from the month after the start date', () => {
    expect(closeOfFullMonth('2026-03-15', 1)).toBe('2026-04-30');
    expect(closeOfFullMonth('2026-03-15', 10)).toBe('2027-01-31');
  });

  it('counts the start month when the hire starts on its first day', () => {
    expect(closeOfFullMonth('2026-03-01', 1)).toBe('2026-03-31');
    expect(closeOfFullMonth('2026-03-01', 10)).toBe('2026-12-31');
  });

  it('lands on the real last day around month ends and leap years', () => {
    expect(closeOfFullMonth('2026-01-31', 1)).toBe('2026-02-28');
    expect(closeOfFullMonth('2027-01-31', 1)).toBe('2027-02-28');
    expect(closeOfFullMonth('2028-01-31', 1)).toBe('2028-02-29');
    expect(closeOfFullMonth('2027-04-30', 10)).toBe('2028-02-29');
    expect(closeOfFullMonth('2026-12-31', 2)).toBe('2027-02-28');
  });
});

describe(deadlineOn.name, () => {
  it('reads both kinds of deadline and moves with the start date', () => {
    expect(deadlineOn('2026-03-15', 'month-close', 10)).toBe('2027-01-31');
    expect(deadlineOn('2026-03-22', 'month-close', 10)).toBe('2027-01-31');
    expect(deadlineOn('2026-03-15', 'days', 90)).toBe('2026-06-13');
    expect(deadlineOn('2028-02-01', 'days', 28)).toBe('2028-02-29');
    expect(deadlineOn('2026-03-15', null, 10)).toBeNull();
  });
});

describe('day arithmetic', () => {
  it('adds days across a leap day and counts the days between', () => {
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2026-12-31', -7)).toBe('2026-12-24');
    expect(daysBetween('2026-03-15', '2027-01-31')).toBe(322);
    expect(weekOf('2026-11-22')).toBe('2026-11-16');
  });
});
