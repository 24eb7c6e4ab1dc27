import type { Outcome } from '../positions/entities/outcome.entity.js';
import type { PlanTemplate } from './entities/plan-template.entity.js';
import { milestoneText, monthsLabel, planCompleteness } from './plan-view.js';

const outcomes = [
  { id: 11, metric: 'Billings at an annualized pace' },
  { id: 12, metric: 'A qualified pipeline' },
] as Outcome[];

function plan(overrides: Partial<PlanTemplate> = {}): PlanTemplate {
  return {
    coachingCadence: 'Weekly one-to-one',
    coach: 'The hiring manager',
    phases: [
      {
        name: 'Build',
        startMonth: 4,
        endMonth: 6,
        milestones: [
          { monthOffset: 4, description: '30% of the pace', outcomeId: 11, interimTargetPercent: 30 },
          { monthOffset: 6, description: 'Pipeline in place', outcomeId: 12, interimTargetPercent: 100 },
        ],
      },
    ],
    learningAreas: [{ name: 'Financial literacy', weeklyHabit: 'Read one annual report', resources: null }],
    ...overrides,
  } as PlanTemplate;
}

describe(planCompleteness.name, () => {
  it('finds nothing missing in a complete plan', () => {
    expect(planCompleteness(plan(), outcomes)).toEqual([]);
  });

  it('names each outcome without a milestone', () => {
    const sut = plan();
    sut.phases[0].milestones = sut.phases[0].milestones.slice(0, 1);
    expect(planCompleteness(sut, outcomes).map((issue) => issue.message)).toEqual([
      'Outcome 2 (A qualified pipeline) has no milestone on the route.',
    ]);
  });

  it('requires a coaching cadence, a learning area and a route', () => {
    expect(planCompleteness(plan({ coachingCadence: null }), outcomes).map((i) => i.message)).toEqual([
      expect.stringContaining('Coaching has no cadence'),
    ]);
    expect(planCompleteness(plan({ learningAreas: [] }), outcomes).map((i) => i.message)).toEqual([
      'The learning plan has no learning area.',
    ]);
    expect(planCompleteness(plan({ phases: [] }), outcomes).map((i) => i.message)).toEqual([
      'The route has no phases yet.',
      'Outcome 1 (Billings at an annualized pace) has no milestone on the route.',
      'Outcome 2 (A qualified pipeline) has no milestone on the route.',
    ]);
    expect(planCompleteness(null, []).length).toBe(3);
  });
});

describe('plan wording', () => {
  it('labels months and ties milestones to their outcome', () => {
    expect(monthsLabel(1, 1)).toBe('month 1');
    expect(monthsLabel(2, 3)).toBe('months 2–3');
    expect(
      milestoneText(
        { monthOffset: 4, description: '30% of the annualized billings pace', outcomeId: 11, interimTargetPercent: 30 },
        outcomes,
      ),
    ).toBe('30% of the annualized billings pace (Outcome 1, 30% of target)');
    expect(
      milestoneText(
        { monthOffset: 1, description: 'Immersion done', outcomeId: null, interimTargetPercent: null },
        outcomes,
      ),
    ).toBe('Immersion done');
  });
});
