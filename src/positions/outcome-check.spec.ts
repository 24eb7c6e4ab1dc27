import {
  checkPosition,
  DEFAULT_EXPERIENCE_PROXIES,
  DEFAULT_VAGUE_VERBS,
  type CheckedPosition,
  type CheckIssue,
} from './outcome-check.js';
import type { OutcomeFields } from './outcome-fields.js';

const phrases = { experienceProxies: DEFAULT_EXPERIENCE_PROXIES, vagueVerbs: DEFAULT_VAGUE_VERBS };

const blank: OutcomeFields = {
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

const good: OutcomeFields = {
  metric: 'Billings at an annualized pace',
  targetKind: 'currency',
  targetValue: 500000,
  targetMax: null,
  targetUnit: 'USD',
  secondValue: 4,
  secondMax: 6,
  secondUnit: 'new customers',
  scope: 'mid-market healthcare',
  deadlineKind: 'month-close',
  deadlineN: 10,
  weight: 40,
};

function position(
  fields: Partial<CheckedPosition> = {},
  outcomes: Partial<OutcomeFields>[] = [{}, {}, {}],
): CheckedPosition {
  return {
    title: 'Account Executive',
    mission: 'Open the mid-market healthcare segment.',
    description: 'You will sell our billing platform to clinics.',
    outcomes: outcomes.map((fields) => ({ ...good, ...fields })),
    ...fields,
  };
}

/** A position whose only flaw is in outcome 2 (index 1). */
const withSecond = (fields: Partial<OutcomeFields>) => checkPosition(position({}, [{}, fields, {}]), phrases);

const error = (code: string, message: string, field: string | null, outcome: number | null): CheckIssue => ({
  severity: 'error',
  code,
  message,
  field,
  outcome,
});
const warning = (code: string, message: string, field: string | null, outcome: number | null): CheckIssue => ({
  severity: 'warning',
  code,
  message,
  field,
  outcome,
});

describe(checkPosition.name, () => {
  it('passes a well-framed position with nothing to say', () => {
    expect(checkPosition(position(), phrases)).toEqual({ errors: [], warnings: [] });
  });

  describe('outcome count', () => {
    it('needs at least three outcomes', () => {
      const sut = checkPosition(position({}, [{}, {}]), phrases);
      expect(sut.errors).toEqual([
        error('too-few-outcomes', 'A position needs at least 3 measurable outcomes; this one has 2.', null, null),
      ]);
    });

    it('does not count blank rows, even with a weight, nor check them', () => {
      const sut = checkPosition(position({}, [{}, {}, { ...blank, weight: 10, metric: '  ' }]), phrases);
      expect(sut.errors).toEqual([
        error('too-few-outcomes', 'A position needs at least 3 measurable outcomes; this one has 2.', null, null),
      ]);
    });

    it('accepts three to six without comment', () => {
      expect(checkPosition(position({}, Array(6).fill({})), phrases)).toEqual({ errors: [], warnings: [] });
    });

    it.each([7, 8])('warns at %i that the method recommends no more than six', (count) => {
      const sut = checkPosition(position({}, Array(count).fill({})), phrases);
      expect(sut.errors).toEqual([]);
      expect(sut.warnings).toEqual([
        warning(
          'many-outcomes',
          `This position has ${count} outcomes; the method recommends no more than six.`,
          null,
          null,
        ),
      ]);
    });

    it('refuses more than eight', () => {
      const sut = checkPosition(position({}, Array(9).fill({})), phrases);
      expect(sut.errors).toEqual([
        error(
          'too-many-outcomes',
          'A position can have at most 8 outcomes; this one has 9. Keep the ones that matter most.',
          null,
          null,
        ),
      ]);
      expect(sut.warnings).toEqual([]);
    });
  });

  describe('each outcome', () => {
    it.each<[string, Partial<OutcomeFields>, CheckIssue]>([
      [
        'no metric',
        { metric: ' ' },
        error(
          'no-metric',
          'Outcome 2 has no metric: say what is measured, e.g. “Billings at an annualized pace”.',
          'outcomes.1.metric',
          1,
        ),
      ],
      [
        'no number',
        { targetValue: null },
        error('no-target', 'Outcome 2 has no number: give the target to reach.', 'outcomes.1.targetValue', 1),
      ],
      [
        'no kind of target',
        { targetKind: null },
        error(
          'no-unit',
          'Outcome 2 has no unit: choose an amount of money, a count or a percentage.',
          'outcomes.1.targetKind',
          1,
        ),
      ],
      [
        'a count of nothing named',
        { targetKind: 'count', targetUnit: ' ' },
        error(
          'no-unit',
          'Outcome 2 has no unit: say what is counted, e.g. “new customers”.',
          'outcomes.1.targetUnit',
          1,
        ),
      ],
      [
        'no kind of deadline',
        { deadlineKind: null },
        error(
          'no-deadline',
          'Outcome 2 has no deadline: choose “by the close of month N after hire” or “within N days of start”.',
          'outcomes.1.deadlineKind',
          1,
        ),
      ],
      [
        'no N for the deadline',
        { deadlineN: null },
        error(
          'no-deadline',
          'Outcome 2 has no deadline: give the N in “by the close of month N after hire” or “within N days of start”.',
          'outcomes.1.deadlineN',
          1,
        ),
      ],
      [
        'a deadline of zero',
        { deadlineKind: 'days', deadlineN: 0 },
        error(
          'no-deadline',
          'Outcome 2 has no usable deadline: N must be a whole number, 1 or more (it is 0).',
          'outcomes.1.deadlineN',
          1,
        ),
      ],
      [
        'a range that ends where it starts',
        { targetMax: 500000 },
        error(
          'bad-range',
          'Outcome 2’s range ends at 500000, which is not above its start, 500000.',
          'outcomes.1.targetMax',
          1,
        ),
      ],
      [
        'a backwards range',
        { targetMax: 400000 },
        error(
          'bad-range',
          'Outcome 2’s range ends at 400000, which is not above its start, 500000.',
          'outcomes.1.targetMax',
          1,
        ),
      ],
      [
        'a backwards second range',
        { secondValue: 6, secondMax: 4 },
        error(
          'bad-range',
          'Outcome 2’s second range ends at 4, which is not above its start, 6.',
          'outcomes.1.secondMax',
          1,
        ),
      ],
      [
        'a second measure of nothing named',
        { secondUnit: null },
        error(
          'no-second-unit',
          'Outcome 2 has a second measure (4) but does not say what is counted, e.g. “new customers”.',
          'outcomes.1.secondUnit',
          1,
        ),
      ],
    ])('is an error with %s', (_case, fields, expected) => {
      const sut = withSecond(fields);
      expect(sut.errors).toEqual([expected]);
    });

    it('accepts a count that names what it counts, a percent without a unit, and a proper range', () => {
      const sut = checkPosition(
        position({}, [
          { targetKind: 'count', targetValue: 12, targetUnit: 'new customers' },
          { targetKind: 'percent', targetValue: 90, targetMax: 95, targetUnit: null },
          { targetValue: 400000, targetMax: 500000, secondValue: null, secondMax: null, secondUnit: null },
        ]),
        phrases,
      );
      expect(sut.errors).toEqual([]);
    });

    it('reports every problem of an outcome, in field order, and numbers outcomes from one', () => {
      const sut = checkPosition(position({}, [{}, {}, {}, { ...blank, scope: 'retail' }]), phrases);
      expect(sut.errors.map((issue) => [issue.code, issue.field, issue.outcome])).toEqual([
        ['no-metric', 'outcomes.3.metric', 3],
        ['no-target', 'outcomes.3.targetValue', 3],
        ['no-unit', 'outcomes.3.targetKind', 3],
        ['no-deadline', 'outcomes.3.deadlineKind', 3],
      ]);
      expect(sut.errors[0]?.message).toMatch(/^Outcome 4 /);
    });
  });

  describe('experience proxies', () => {
    it('flags both the years pattern and the phrase in “5+ years of industry experience”', () => {
      const sut = checkPosition(position({ description: 'You bring 5+ years of industry experience.' }), phrases);
      expect(sut.warnings).toEqual([
        warning(
          'experience-proxy',
          '“5+ years” in the description is an experience proxy: it selects retreads. Say what the person must achieve instead.',
          'description',
          null,
        ),
        warning(
          'experience-proxy',
          '“industry experience” in the description is an experience proxy: it selects retreads. Say what the person must achieve instead.',
          'description',
          null,
        ),
      ]);
    });

    it('catches the other forms of years, whatever the case', () => {
      const sut = checkPosition(
        position({ description: '10 years of selling. 3-5 Years in SaaS. A TRACK RECORD.' }),
        phrases,
      );
      expect(sut.warnings.map((issue) => issue.message.split('”')[0])).toEqual([
        '“10 years of',
        '“3-5 years',
        '“track record',
      ]);
    });

    it('reports each phrase once per field, and reads curly apostrophes', () => {
      const sut = checkPosition(
        position({ mission: 'Track record. Another track record. Ten years’ experience.' }),
        phrases,
      );
      expect(sut.warnings.map((issue) => [issue.message.split('”')[0], issue.field])).toEqual([
        ["“years' experience", 'mission'],
        ['“track record', 'mission'],
      ]);
    });

    it('matches whole words only', () => {
      const sut = checkPosition(position({ description: 'An unproven market; seasonedness is not a word.' }), phrases);
      expect(sut.warnings).toEqual([]);
    });

    it('looks in the title and in each outcome’s metric and scope', () => {
      const sut = checkPosition(
        position({ title: 'Seasoned Account Executive' }, [
          {},
          { metric: 'Revenue from your book of business', scope: 'existing relationships' },
          {},
        ]),
        phrases,
      );
      expect(sut.warnings).toEqual([
        warning(
          'experience-proxy',
          '“seasoned” in the title is an experience proxy: it selects retreads. Say what the person must achieve instead.',
          'title',
          null,
        ),
        warning(
          'experience-proxy',
          '“book of business” in Outcome 2’s metric is an experience proxy: it selects retreads. Say what the person must achieve instead.',
          'outcomes.1.metric',
          1,
        ),
        warning(
          'experience-proxy',
          '“existing relationships” in Outcome 2’s scope is an experience proxy: it selects retreads. Say what the person must achieve instead.',
          'outcomes.1.scope',
          1,
        ),
      ]);
    });

    it('uses the phrases it is given', () => {
      const sut = checkPosition(position({ description: 'A proven closer with a Rolodex.' }), {
        experienceProxies: ['rolodex'],
        vagueVerbs: [],
      });
      expect(sut.warnings.map((issue) => issue.message.split('”')[0])).toEqual(['“rolodex']);
    });
  });

  describe('vague verbs', () => {
    it('warns on “help customers” but not on “help 10 customers”', () => {
      expect(checkPosition(position({ description: 'Help customers.' }), phrases).warnings).toEqual([
        warning(
          'vague-verb',
          '“help” in the description describes activity with no measure. Say what result it produces, with a number.',
          'description',
          null,
        ),
      ]);
      expect(checkPosition(position({ description: 'Help 10 customers.' }), phrases).warnings).toEqual([]);
    });

    it('judges each sentence on its own', () => {
      const sut = checkPosition(
        position({ mission: 'Close 12 deals. Then support the channel!\nWork with marketing' }),
        phrases,
      );
      expect(sut.warnings.map((issue) => issue.message.split('”')[0])).toEqual(['“support', '“work with']);
    });

    it('matches inflections but not other words', () => {
      const sut = checkPosition(
        position({ description: 'Helping clinics. A helpful manager. Managing relationships.' }),
        phrases,
      );
      expect(sut.warnings.map((issue) => issue.message.split('”')[0])).toEqual(['“helping', '“managing relationships']);
    });

    it('quotes the longest phrase once, not its shorter part as well', () => {
      const sut = checkPosition(position({ description: 'Be responsible for renewals.' }), phrases);
      expect(sut.warnings.map((issue) => issue.message.split('”')[0])).toEqual(['“be responsible for']);
    });

    it('warns on an outcome metric with no number, but not when the outcome has a target', () => {
      const sut = checkPosition(
        position({}, [{}, { metric: 'Support the channel', targetValue: null }, { metric: 'Support the channel' }]),
        phrases,
      );
      expect(sut.warnings).toEqual([
        warning(
          'vague-verb',
          '“support” in Outcome 2’s metric describes activity with no measure. Say what result it produces, with a number.',
          'outcomes.1.metric',
          1,
        ),
      ]);
    });

    it('does not look at the title', () => {
      expect(checkPosition(position({ title: 'Help Desk Lead' }), phrases).warnings).toEqual([]);
    });
  });

  it('orders issues position first, then outcomes in order', () => {
    const sut = checkPosition(
      position({ title: 'Seasoned rep', description: 'Assist the team.' }, [
        { scope: 'a following' },
        { targetValue: null, metric: 'Help' },
        {},
        {},
        {},
        {},
        {},
      ]),
      phrases,
    );
    expect(sut.warnings.map((issue) => [issue.code, issue.field])).toEqual([
      ['experience-proxy', 'title'],
      ['vague-verb', 'description'],
      ['many-outcomes', null],
      ['experience-proxy', 'outcomes.0.scope'],
      ['vague-verb', 'outcomes.1.metric'],
    ]);
    expect(sut.errors.map((issue) => issue.field)).toEqual(['outcomes.1.targetValue']);
  });
});
