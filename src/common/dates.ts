const DAY_MS = 24 * 60 * 60 * 1000;

/** "Tue 3 Mar 2027" */
export function formatDay(date: Date, timeZone?: string): string {
  return new Intl.DateTimeFormat('en-GB', {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone,
  })
    .format(date)
    .replace(',', '');
}

/** "Tue 3 Mar 2027 14:05 UTC": with the zone, since candidates and panels may be elsewhere. */
export function formatDateTime(date: Date, timeZone?: string): string {
  const parts = new Intl.DateTimeFormat('en-GB', {
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
    timeZone,
    timeZoneName: 'short',
  }).formatToParts(date);
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${formatDay(date, timeZone)} ${part('hour')}:${part('minute')} ${part('timeZoneName')}`;
}

/** "today", "in 5 days", "3 days ago" — counted in calendar days. */
export function relativeDays(date: Date, now: Date = new Date()): string {
  const days = Math.round((startOfDayUtc(date) - startOfDayUtc(now)) / DAY_MS);
  if (days === 0) return 'today';
  if (days === 1) return 'tomorrow';
  if (days === -1) return 'yesterday';
  return days > 0 ? `in ${days} days` : `${-days} days ago`;
}

function startOfDayUtc(date: Date): number {
  return Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate());
}
