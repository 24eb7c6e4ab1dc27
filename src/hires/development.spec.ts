import { weeklyStreak } from './development.service.js';

describe(weeklyStreak.name, () => {
  // 2026-11-22 is a Sunday: its week began on Monday 2026-11-16.
  it('counts consecutive weeks back from this week', () => {
    expect(weeklyStreak(['2026-11-16', '2026-11-09', '2026-11-02', '2026-10-19'], '2026-11-22')).toBe(3);
  });

  it('keeps a streak alive while this week is not logged yet, and breaks it after a missed week', () => {
    expect(weeklyStreak(['2026-11-09', '2026-11-02'], '2026-11-22')).toBe(2);
    expect(weeklyStreak(['2026-11-02', '2026-10-26'], '2026-11-22')).toBe(0);
    expect(weeklyStreak([], '2026-11-22')).toBe(0);
  });
});
