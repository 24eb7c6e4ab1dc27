import { interviewTimeText, wallClock, zonedInstant } from './interview-time.js';

describe(zonedInstant.name, () => {
  it('reads the wall-clock time in the given zone, winter and summer', () => {
    expect(zonedInstant('2026-12-03', '14:30', 'Europe/Berlin')?.toISOString()).toBe('2026-12-03T13:30:00.000Z');
    expect(zonedInstant('2026-07-03', '14:30', 'Europe/Berlin')?.toISOString()).toBe('2026-07-03T12:30:00.000Z');
    expect(zonedInstant('2026-12-03', '09:00', 'America/New_York')?.toISOString()).toBe('2026-12-03T14:00:00.000Z');
  });

  it('refuses a time a daylight-saving change skips, an impossible date and an unknown zone', () => {
    expect(zonedInstant('2026-03-29', '02:30', 'Europe/Berlin')).toBeNull();
    expect(zonedInstant('2026-02-30', '10:00', 'Europe/Berlin')).toBeNull();
    expect(zonedInstant('2026-12-03', '10:00', 'Mars/Olympus')).toBeNull();
  });

  it('round-trips through the form values', () => {
    const instant = zonedInstant('2026-12-03', '09:15', 'Asia/Kolkata')!;
    expect(wallClock(instant, 'Asia/Kolkata')).toEqual({ date: '2026-12-03', time: '09:15' });
  });
});

describe(interviewTimeText.name, () => {
  it('shows the time in the interview zone with its end', () => {
    expect(interviewTimeText(new Date('2026-12-03T13:30:00Z'), 60, 'Europe/Berlin')).toBe(
      'Thu 3 Dec 2026, 14:30–15:30 (Europe/Berlin)',
    );
  });
});
