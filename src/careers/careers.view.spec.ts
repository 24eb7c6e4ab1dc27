import { VettingConfig } from '../vetting/entities/vetting-config.entity.js';
import {
  careersPath,
  parseRef,
  placeChoices,
  placeText,
  planSummary,
  selectionSteps,
  shorten,
  slugOf,
} from './careers.view.js';

describe('careers.view', () => {
  it('makes a readable, stable slug from any title', () => {
    expect(slugOf('Account Executive, Mid-Market Healthcare')).toBe('account-executive-mid-market-healthcare');
    expect(slugOf('Café Manager — Zürich')).toBe('cafe-manager-zurich');
    expect(slugOf('  ***  ')).toBe('position');
    expect(slugOf('a'.repeat(100)).length).toBe(80);
    expect(careersPath(12, 'Sales Lead </script>')).toBe('/careers/12-sales-lead-script');
  });

  it('reads the id from an address, whatever follows it, and refuses anything else', () => {
    expect(parseRef('12-account-executive')).toEqual({ id: 12, slug: 'account-executive' });
    expect(parseRef('12')).toEqual({ id: 12, slug: '' });
    expect(parseRef('0-zero')).toBeNull();
    expect(parseRef('99999999999')).toBeNull();
    expect(parseRef('abc')).toBeNull();
    expect(parseRef('12-a/b')).toBeNull();
    expect(parseRef('12-Café <b>')).toEqual({ id: 12, slug: 'Café <b>' });
  });

  it('names places, and offers Remote once when a listed position is remote', () => {
    expect(placeText('Boston', 'hybrid')).toBe('Boston (hybrid)');
    expect(placeText(null, 'remote')).toBe('Remote');
    expect(placeText('  ', null)).toBeNull();
    expect(
      placeChoices([
        { location: 'Boston', workplace: 'hybrid' },
        { location: 'Austin ', workplace: 'on-site' },
        { location: null, workplace: 'remote' },
        { location: 'Boston', workplace: 'on-site' },
      ]),
    ).toEqual(['Austin', 'Boston', 'Remote']);
  });

  it('marks the last phase of the plan as its destination', () => {
    const sut = planSummary({
      phases: [
        { name: 'Immersion', months: 'month 1', milestones: [{ month: 1, text: 'Systems learned' }] },
        { name: 'Deliver', months: 'months 2–12', milestones: [{ month: 12, text: 'Full pace' }] },
      ],
      learningAreas: [{ name: 'Brands', weeklyHabit: 'Study one brand', resources: null }],
      coachingCadence: 'Weekly',
      coach: 'The manager',
    });
    expect(sut.phases.map((phase) => phase.destination)).toEqual([false, true]);
    expect(sut.learningAreas).toEqual(['Brands']);
    expect(planSummary({ phases: [], learningAreas: [], coachingCadence: null, coach: null }).hasPlan).toBe(false);
  });

  it('describes only the vetting steps the position uses, always ending with the panel and the decision', () => {
    const config = Object.assign(new VettingConfig(), {
      assessmentRequired: false,
      writingRequired: true,
      writingMinWords: 150,
      writingMaxWords: 400,
      writingTimeLimitMinutes: null,
      presentationRequired: false,
    });
    const sut = selectionSteps(config);
    expect(sut.map((step) => step.title)).toEqual([
      'We read your application',
      'A short writing test',
      'A panel interview',
      'Our decision',
    ]);
    expect(sut[1].text).toBe('A business letter or email of 150 to 400 words. It is read without your name on it.');
  });

  it('shortens at a word boundary', () => {
    expect(shorten('one two three four', 12)).toBe('one two…');
    expect(shorten('short', 12)).toBe('short');
  });
});
