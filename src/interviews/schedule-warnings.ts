import { requireConfirmed } from '../common/confirmation.js';
import { formatDay } from '../common/dates.js';
import { FormInvalidError } from '../common/errors.js';
import type { ScheduleDto } from './dto/panel.dto.js';
import type { Interview } from './entities/interview.entity.js';
import { zonedInstant } from './interview-time.js';

const DAY_MS = 86_400_000;

/**
 * What a scheduler confirms before the interview is saved (issue 16): a date more than 90 days ahead (a typo in
 * the year, most often) and panelists taken off the panel, who are sent a cancellation.
 */
export function scheduleWarnings(startsAt: Date, removed: string[], zone: string, now = new Date()): string[] {
  const warnings: string[] = [];
  if (startsAt.getTime() - now.getTime() > 90 * DAY_MS)
    warnings.push(`The interview is on ${formatDay(startsAt, zone)}, more than 90 days ahead.`);
  if (removed.length)
    warnings.push(
      `${removed.join(', ')} will be taken off the panel and sent a cancellation; what they prepared stays.`,
    );
  return warnings;
}

/** When the form says the interview is: a real time in the future, far dates and panel removals confirmed. */
export function interviewTime(
  dto: ScheduleDto,
  removed: string[] = [],
): Pick<Interview, 'startsAt' | 'timeZone' | 'durationMinutes'> {
  const startsAt = zonedInstant(dto.date, dto.time, dto.timeZone);
  if (!startsAt)
    throw FormInvalidError.single(
      'time',
      `That date and time do not exist in ${dto.timeZone} (an impossible date, or a time skipped by a clock change)`,
    );
  if (startsAt <= new Date()) throw FormInvalidError.single('date', 'Choose a time in the future');
  requireConfirmed(dto.confirm, scheduleWarnings(startsAt, removed, dto.timeZone));
  return { startsAt, timeZone: dto.timeZone, durationMinutes: dto.durationMinutes };
}
