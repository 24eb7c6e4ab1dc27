export { isTimeZone, TIME_ZONES, wallClock, zonedInstant } from '../common/dates.js';

/** "Thu 3 Dec 2026, 14:30–15:30 (Europe/Berlin)" */
export { meetingTimeText as interviewTimeText } from '../common/dates.js';
