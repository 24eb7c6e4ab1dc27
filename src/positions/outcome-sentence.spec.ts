import type { OutcomeFields } from './outcome-fields.js';
import { composeOutcomeSentence, deadlineText, ordinal } from './outcome-sentence.js';

const empty: OutcomeFields = {
  metric: null,
  targetKind: null,
  targetValue: null,
  targetMax: null,
  targetUnit: null,
  secondValue: null,
  secondMax: null,
  secondUnit: null,
  scope: null,
  deadlineKind: null,
  deadlineN: null,
  weight: null,
};

const article: OutcomeFields = {
  ...empty,
  metric: 'Billings at an annualized pace',
  targetKind: 'currency',
  targetValue: 500000,
  targetUnit: 'USD',
  secondValue: 4,
  secondMax: 6,
  secondUnit: 'new customers',
  scope: 'mid-market healthcare',
  deadlineKind: 'month-close',
  deadlineN: 10,
};

const compose = (fields: Partial<OutcomeFields>) => composeOutcomeSentence({ ...empty, ...fields });

describe(composeOutcomeSentence.name, () => {
  it('composes the article’s example exactly', () => {
    expect(composeOutcomeSentence(article)).toBe(
      'Billings at an annualized pace of $500,000, to between 4 and 6 new customers, in mid-market healthcare, by the close of the 10th full month following your hire date.',
    );
  });

  it('formats money in the given currency, defaulting to dollars, keeping cents only when there are some', () => {
    const metric = 'Billings';
    expect(compose({ metric, targetKind: 'currency', targetValue: 500000 })).toBe('Billings of $500,000.');
    expect(compose({ metric, targetKind: 'currency', targetValue: 1234.5, targetUnit: 'USD' })).toBe(
      'Billings of $1,234.50.',
    );
    expect(compose({ metric, targetKind: 'currency', targetValue: 250000, targetUnit: 'eur' })).toBe(
      'Billings of €250,000.',
    );
    expect(compose({ metric, targetKind: 'currency', targetValue: 400000, targetMax: 500000 })).toBe(
      'Billings of between $400,000 and $500,000.',
    );
    expect(compose({ metric, targetKind: 'currency', targetValue: 5000, targetUnit: 'dollars' })).toBe(
      'Billings of 5,000 dollars.',
    );
  });

  it('formats counts with thousands separators, singly or as a range', () => {
    const metric = 'Signed contracts';
    expect(compose({ metric, targetKind: 'count', targetValue: 12, targetUnit: 'new customers' })).toBe(
      'Signed contracts of 12 new customers.',
    );
    expect(compose({ metric, targetKind: 'count', targetValue: 1200, targetUnit: 'calls' })).toBe(
      'Signed contracts of 1,200 calls.',
    );
    expect(compose({ metric, targetKind: 'count', targetValue: 4, targetMax: 6, targetUnit: 'new customers' })).toBe(
      'Signed contracts of between 4 and 6 new customers.',
    );
    expect(compose({ metric, targetKind: 'count', targetValue: 5, targetMax: 5, targetUnit: 'new customers' })).toBe(
      'Signed contracts of 5 new customers.',
    );
  });

  it('puts the number before a metric that already names the counted unit', () => {
    expect(
      compose({
        metric: 'Technical wins on qualified opportunities',
        targetKind: 'count',
        targetValue: 12,
        targetUnit: 'technical wins',
      }),
    ).toBe('12 technical wins on qualified opportunities.');
    expect(
      compose({
        metric: 'Signed contracts',
        targetKind: 'count',
        targetValue: 4,
        targetMax: 6,
        targetUnit: 'Contracts',
      }),
    ).toBe('Between 4 and 6 signed contracts.');
    expect(
      compose({ metric: 'AWS certifications', targetKind: 'count', targetValue: 2, targetUnit: 'certifications' }),
    ).toBe('2 AWS certifications.');
  });

  it('formats percentages, singly or as a range', () => {
    const metric = 'Renewal rate';
    expect(compose({ metric, targetKind: 'percent', targetValue: 95 })).toBe('Renewal rate of 95%.');
    expect(compose({ metric, targetKind: 'percent', targetValue: 90, targetMax: 95 })).toBe(
      'Renewal rate of between 90% and 95%.',
    );
  });

  it('adds a single second measure', () => {
    expect(
      compose({
        metric: 'Billings',
        targetKind: 'currency',
        targetValue: 100000,
        secondValue: 5,
        secondUnit: 'new customers',
      }),
    ).toBe('Billings of $100,000, to 5 new customers.');
  });

  it('phrases a deadline in days, with the singular for one day', () => {
    expect(compose({ metric: 'First demo booked', deadlineKind: 'days', deadlineN: 90 })).toBe(
      'First demo booked, within 90 days of your start date.',
    );
    expect(compose({ metric: 'Laptop set up', deadlineKind: 'days', deadlineN: 1 })).toBe(
      'Laptop set up, within 1 day of your start date.',
    );
  });

  it('leaves out missing pieces so a draft still reads', () => {
    expect(compose({ metric: 'Billings at an annualized pace' })).toBe('Billings at an annualized pace.');
    expect(compose({ metric: 'Billings', scope: 'mid-market healthcare' })).toBe('Billings, in mid-market healthcare.');
    expect(compose({ targetKind: 'count', targetValue: 4, targetMax: 6, targetUnit: 'new customers' })).toBe(
      'Between 4 and 6 new customers.',
    );
    expect(compose({ metric: 'Billings', deadlineKind: 'month-close' })).toBe('Billings.');
    expect(compose({ metric: 'Billings', deadlineKind: 'month-close', deadlineN: 0 })).toBe('Billings.');
    expect(compose({ metric: 'Billings', targetKind: 'currency' })).toBe('Billings.');
  });

  it('gives an empty string for an empty outcome', () => {
    expect(composeOutcomeSentence(empty)).toBe('');
    expect(compose({ metric: '   ', scope: '', targetUnit: 'USD' })).toBe('');
  });

  it('trims inputs, collapses spaces and ends with exactly one full stop', () => {
    expect(compose({ metric: '  Billings   at an  annualized pace. ', scope: ' mid-market  healthcare.. ' })).toBe(
      'Billings at an annualized pace, in mid-market healthcare.',
    );
    expect(compose({ metric: 'Billings', targetKind: 'count', targetValue: 3, targetUnit: '  new   logos ' })).toBe(
      'Billings of 3 new logos.',
    );
  });
});

describe(ordinal.name, () => {
  it.each([
    [1, '1st'],
    [2, '2nd'],
    [3, '3rd'],
    [4, '4th'],
    [10, '10th'],
    [11, '11th'],
    [12, '12th'],
    [13, '13th'],
    [21, '21st'],
    [22, '22nd'],
    [23, '23rd'],
    [101, '101st'],
    [111, '111th'],
    [112, '112th'],
    [113, '113th'],
  ])('%i → %s', (n, expected) => {
    expect(ordinal(n)).toBe(expected);
  });
});

describe(deadlineText.name, () => {
  it('phrases both kinds without a leading comma', () => {
    expect(deadlineText('month-close', 10)).toBe('by the close of the 10th full month following your hire date');
    expect(deadlineText('month-close', 1)).toBe('by the close of the 1st full month following your hire date');
    expect(deadlineText('days', 90)).toBe('within 90 days of your start date');
    expect(deadlineText('days', 1)).toBe('within 1 day of your start date');
  });

  it('is null when the deadline is incomplete or not a positive whole number', () => {
    expect(deadlineText(null, 10)).toBeNull();
    expect(deadlineText('days', null)).toBeNull();
    expect(deadlineText('days', 0)).toBeNull();
    expect(deadlineText('month-close', -2)).toBeNull();
    expect(deadlineText('month-close', 2.5)).toBeNull();
  });
});
