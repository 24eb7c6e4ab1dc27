import { formatDateTime, formatDay, relativeDays } from './dates.js';

describe('dates', () => {
  const now = new Date('2027-02-26T09:00:00Z');

  it('shows an absolute day', () => {
    expect(formatDay(new Date('2027-03-03T12:00:00Z'), 'UTC')).toBe('Wed 3 Mar 2027');
    expect(formatDateTime(new Date('2027-03-03T14:05:00Z'), 'UTC')).toBe('Wed 3 Mar 2027 14:05 UTC');
    expect(formatDateTime(new Date('2027-03-03T14:05:00Z'), 'Europe/Paris')).toBe('Wed 3 Mar 2027 15:05 CET');
  });

  it('counts calendar days for the relative hint', () => {
    expect(relativeDays(new Date('2027-03-03T01:00:00Z'), now)).toBe('in 5 days');
    expect(relativeDays(new Date('2027-02-26T23:00:00Z'), now)).toBe('today');
    expect(relativeDays(new Date('2027-02-27T00:30:00Z'), now)).toBe('tomorrow');
    expect(relativeDays(new Date('2027-02-25T00:30:00Z'), now)).toBe('yesterday');
    expect(relativeDays(new Date('2027-02-20T00:30:00Z'), now)).toBe('6 days ago');
  });
});
