import {
  dateTimeWithHint,
  dayWithHint,
  formatDateTime,
  formatDay,
  isTimeZone,
  meetingOnPage,
  meetingTimeText,
  relativeDays,
  TIME_ZONES,
  zoneOf,
} from './dates.js';

describe('dates', () => {
  const now = new Date('2027-02-26T09:00:00Z');

  it('shows an absolute day', () => {
    expect(formatDay(new Date('2027-03-03T12:00:00Z'), 'UTC')).toBe('Wed 3 Mar 2027');
    expect(formatDateTime(new Date('2027-03-03T14:05:00Z'), 'UTC')).toBe('Wed 3 Mar 2027, 14:05 UTC');
    expect(formatDateTime(new Date('2027-03-03T14:05:00Z'), 'Europe/Paris')).toBe('Wed 3 Mar 2027, 15:05 CET');
  });

  it('names the zone as people do, winter and summer, and by its offset where English has no name', () => {
    const winter = new Date('2027-01-12T09:00:00Z');
    const summer = new Date('2027-07-12T09:00:00Z');
    expect(formatDateTime(winter, 'Europe/Berlin')).toBe('Tue 12 Jan 2027, 10:00 CET');
    expect(formatDateTime(summer, 'Europe/Berlin')).toBe('Mon 12 Jul 2027, 11:00 CEST');
    expect(formatDateTime(winter, 'America/New_York')).toBe('Tue 12 Jan 2027, 04:00 EST');
    expect(formatDateTime(summer, 'America/New_York')).toBe('Mon 12 Jul 2027, 05:00 EDT');
    expect(formatDateTime(summer, 'Europe/London')).toBe('Mon 12 Jul 2027, 10:00 BST');
    expect(formatDateTime(winter, 'Asia/Tokyo')).toBe('Tue 12 Jan 2027, 18:00 GMT+9');
  });

  it('crosses the spring daylight-saving change in Europe: the same UTC hour is an hour later after it', () => {
    // Clocks in Berlin go from 02:00 CET to 03:00 CEST on Sun 28 Mar 2027 (01:00 UTC).
    expect(formatDateTime(new Date('2027-03-28T00:59:00Z'), 'Europe/Berlin')).toBe('Sun 28 Mar 2027, 01:59 CET');
    expect(formatDateTime(new Date('2027-03-28T01:00:00Z'), 'Europe/Berlin')).toBe('Sun 28 Mar 2027, 03:00 CEST');
    // New York changes two weeks earlier, so for those weeks the two are five hours apart, not six.
    expect(formatDateTime(new Date('2027-03-20T15:00:00Z'), 'America/New_York')).toBe('Sat 20 Mar 2027, 11:00 EDT');
  });

  it('counts calendar days for the relative hint', () => {
    expect(relativeDays(new Date('2027-03-03T01:00:00Z'), now)).toBe('in 5 days');
    expect(relativeDays(new Date('2027-02-26T23:00:00Z'), now)).toBe('today');
    expect(relativeDays(new Date('2027-02-27T00:30:00Z'), now)).toBe('tomorrow');
    expect(relativeDays(new Date('2027-02-25T00:30:00Z'), now)).toBe('yesterday');
    expect(relativeDays(new Date('2027-02-20T00:30:00Z'), now)).toBe('6 days ago');
  });

  it('counts the days in the viewer’s zone: past midnight there is tomorrow, though it is still today in UTC', () => {
    const evening = new Date('2027-02-26T20:00:00Z'); // 21:00 in Berlin, 15:00 in New York, 05:00 next day in Tokyo
    const lateTonight = new Date('2027-02-26T23:30:00Z'); // 00:30 on the 27th in Berlin, 18:30 on the 26th in New York
    expect(relativeDays(lateTonight, evening, 'UTC')).toBe('today');
    expect(relativeDays(lateTonight, evening, 'Europe/Berlin')).toBe('tomorrow');
    expect(relativeDays(lateTonight, evening, 'America/New_York')).toBe('today');
    expect(relativeDays(lateTonight, evening, 'Asia/Tokyo')).toBe('today');
    // At 23:30 UTC it is already the 27th in Tokyo; 20:00 UTC on the 25th was the 26th there: yesterday.
    expect(relativeDays(new Date('2027-02-25T20:00:00Z'), lateTonight, 'Asia/Tokyo')).toBe('yesterday');
  });

  it('writes date-times and dates in one format, with the hint', () => {
    const at = new Date('2027-03-03T09:00:00Z');
    expect(dateTimeWithHint(at, 'Europe/Berlin', now)).toBe('Wed 3 Mar 2027, 10:00 CET · in 5 days');
    expect(dateTimeWithHint(at, 'America/New_York', now)).toBe('Wed 3 Mar 2027, 04:00 EST · in 5 days');
    expect(dayWithHint(at, 'Europe/Berlin', now)).toBe('Wed 3 Mar 2027 · in 5 days');
    // Late on the 3rd in New York is already the 4th in Berlin.
    expect(dayWithHint(new Date('2027-03-04T02:00:00Z'), 'America/New_York', now)).toBe('Wed 3 Mar 2027 · in 5 days');
    expect(dayWithHint(new Date('2027-03-04T02:00:00Z'), 'Europe/Berlin', now)).toBe('Thu 4 Mar 2027 · in 6 days');
  });

  it('keeps a calendar date on its day whatever the zone', () => {
    expect(dayWithHint('2027-03-03', 'America/Los_Angeles', now)).toBe('Wed 3 Mar 2027 · in 5 days');
    // At 12:00 UTC it is already the 27th at UTC+14, so the 3rd is one day nearer there.
    expect(dayWithHint('2027-03-03', 'Pacific/Kiritimati', new Date('2027-02-26T12:00:00Z'))).toBe(
      'Wed 3 Mar 2027 · in 4 days',
    );
  });

  it('writes a meeting for mail with the zone’s name, and on a page with its abbreviation and hint', () => {
    const at = new Date('2026-12-03T13:30:00Z');
    expect(meetingTimeText(at, 60, 'Europe/Berlin')).toBe('Thu 3 Dec 2026, 14:30–15:30 (Europe/Berlin)');
    expect(meetingTimeText(at, 60, 'Asia/Tokyo')).toBe('Thu 3 Dec 2026, 22:30–23:30 (Asia/Tokyo)');
    expect(meetingOnPage(at, 60, 'America/New_York', new Date('2026-12-01T12:00:00Z'))).toBe(
      'Thu 3 Dec 2026, 08:30–09:30 EST · in 2 days',
    );
  });

  it('knows IANA zones only, UTC included, and falls back to the company’s zone', () => {
    expect(isTimeZone('Europe/Berlin')).toBe(true);
    expect(isTimeZone('UTC')).toBe(true);
    expect(TIME_ZONES).toContain('UTC');
    for (const wrong of ['CET', 'Mars/Olympus', '', 'europe/berlin', null, 3]) expect(isTimeZone(wrong)).toBe(false);
    expect(zoneOf('Asia/Tokyo', 'Europe/London')).toBe('Asia/Tokyo');
    expect(zoneOf(null, 'Europe/London')).toBe('Europe/London');
    expect(zoneOf('Nowhere/Else', null)).toBe('UTC');
  });
});
