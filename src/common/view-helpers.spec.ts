import hbs from 'hbs';
import { scriptJson, viewHelpers } from './view-helpers.js';

describe('scriptJson', () => {
  it('writes JSON no value can break out of a <script> element with, and that still parses to the same value', () => {
    const value = { title: '</script><script>alert(1)</script> & <!-- \u2028' };
    const sut = scriptJson(value);
    expect(sut).not.toMatch(/[<>&\u2028]/);
    expect(JSON.parse(sut)).toEqual(value);
  });
});

describe('slots', () => {
  it('reads a repeated field sent once (a plain string) as a list, and gives an empty field one empty slot', () => {
    expect(viewHelpers.slots('One prompt')).toEqual(['One prompt']);
    expect(viewHelpers.slots(['First', ''])).toEqual(['First', '']);
    expect(viewHelpers.slots(undefined)).toEqual(['']);
    expect(viewHelpers.slots([])).toEqual(['']);
  });
});

describe('date helpers', () => {
  // The helpers as configureApp registers them on hbs's Handlebars.
  const handlebars = hbs.handlebars;
  for (const [name, helper] of Object.entries(viewHelpers)) handlebars.registerHelper(name, helper);
  const render = (template: string, data: Record<string, unknown>) => handlebars.compile(template)(data);
  const at = new Date('2027-07-12T22:30:00Z');

  it('writes a date-time in the viewer’s zone from the root data, in partials and loops too', () => {
    const template = '{{dateTime at}}|{{#each list}}{{dateTime this}}{{/each}}';
    expect(render(template, { at, list: [at], viewerTimeZone: 'Europe/Berlin' })).toMatch(
      /^Tue 13 Jul 2027, 00:30 CEST · .+\|Tue 13 Jul 2027, 00:30 CEST · /,
    );
    expect(render(template, { at, list: [at], viewerTimeZone: 'America/New_York' })).toMatch(
      /^Mon 12 Jul 2027, 18:30 EDT · /,
    );
    expect(render('{{dateTime at}}', { at })).toMatch(/^Mon 12 Jul 2027, 22:30 UTC · /);
  });

  it('writes a day in the viewer’s zone, and a calendar date as that day', () => {
    expect(render('{{day at}}', { at, viewerTimeZone: 'Asia/Tokyo' })).toMatch(/^Tue 13 Jul 2027 · /);
    expect(render('{{day at}}', { at, viewerTimeZone: 'America/Los_Angeles' })).toMatch(/^Mon 12 Jul 2027 · /);
    expect(render('{{day when}}', { when: '2027-07-12', viewerTimeZone: 'Asia/Tokyo' })).toMatch(/^Mon 12 Jul 2027 · /);
  });

  it('writes a meeting in the viewer’s zone', () => {
    expect(render('{{meeting at 45}}', { at, viewerTimeZone: 'Europe/London' })).toMatch(
      /^Mon 12 Jul 2027, 23:30–Tue 13 Jul 00:15 BST · /,
    );
  });
});

describe('date', () => {
  it('writes a calendar date, or a moment’s day in the viewer’s zone, in the one date format, and leaves other text alone', () => {
    const options = (viewerTimeZone?: string) => ({ data: { root: { viewerTimeZone } } }) as never;
    expect(viewHelpers.date('2026-12-22', options('Asia/Tokyo'))).toBe('Tue 22 Dec 2026');
    expect(viewHelpers.date(new Date('2027-07-12T22:30:00Z'), options('Asia/Tokyo'))).toBe('Tue 13 Jul 2027');
    expect(viewHelpers.date(new Date('2027-07-12T22:30:00Z'), options('America/New_York'))).toBe('Mon 12 Jul 2027');
    expect(viewHelpers.date('not yet', options())).toBe('not yet');
    expect(viewHelpers.date(null, options())).toBe('');
  });
});
