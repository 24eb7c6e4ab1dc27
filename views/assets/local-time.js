// Keeps "For the candidate (zone): …" beside a scheduling form up to date while the date, time or zone change
// (views/partials/local_time.hbs). The server renders the same text for the form's value; without JavaScript it
// stays as rendered. Times are written like the server's: "Thu 3 Dec 2026, 22:30 JST".
const zoneName = (instant, zone) => {
  const name = (locale) =>
    new Intl.DateTimeFormat(locale, { timeZone: zone, timeZoneName: 'short' })
      .formatToParts(instant)
      .find((part) => part.type === 'timeZoneName')?.value ?? zone;
  const british = name('en-GB');
  if (!/^GMT[+-]/.test(british)) return british;
  const american = name('en-US');
  return /^GMT[+-]/.test(american) ? british : american;
};

// The zone's offset from UTC at an instant, in milliseconds.
const offset = (instant, zone) => {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    })
      .formatToParts(instant)
      .map((part) => [part.type, Number(part.value)]),
  );
  const wall = Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute, parts.second);
  return wall - Math.floor(instant.getTime() / 1000) * 1000;
};

// The instant a wall-clock "2026-12-03" "14:30" means in a zone, or null (no such time there, or not a time).
const instantOf = (date, time, zone) => {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const clock = /^(\d{2}):(\d{2})$/.exec(time);
  if (!match || !clock) return null;
  try {
    const wall = Date.UTC(match[1], match[2] - 1, match[3], clock[1], clock[2]);
    let instant = new Date(wall - offset(new Date(wall), zone));
    instant = new Date(wall - offset(instant, zone));
    return wall - offset(instant, zone) === instant.getTime() ? instant : null;
  } catch {
    return null;
  }
};

const text = (instant, zone) => {
  const day = new Intl.DateTimeFormat('en-GB', {
    timeZone: zone,
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
  })
    .format(instant)
    .replace(',', '');
  const time = new Intl.DateTimeFormat('en-GB', { timeZone: zone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(instant);
  return `${day}, ${time} ${zoneName(instant, zone)}`;
};

for (const box of document.querySelectorAll('[data-local-time]')) {
  const field = (name) => (box.dataset[name] ? document.getElementById(box.dataset[name]) : null);
  const combined = field('datetimeField');
  const dateField = field('dateField');
  const timeField = field('timeField');
  const zoneField = field('fromZoneField');
  const output = box.querySelector('[data-local-time-text]');
  const update = () => {
    const [date, time] = combined ? combined.value.split('T') : [dateField?.value ?? '', timeField?.value ?? ''];
    const zone = zoneField ? zoneField.value : box.dataset.fromZone;
    const instant = instantOf(date, (time ?? '').slice(0, 5), zone);
    output.textContent = instant ? text(instant, box.dataset.toZone) : '—';
  };
  for (const input of [combined, dateField, timeField, zoneField])
    if (input) for (const type of ['input', 'change']) input.addEventListener(type, update);
}
