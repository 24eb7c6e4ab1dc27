import { outcomeWith, type OutcomeFields } from './outcome-fields.js';

export interface PlanTemplateDraft {
  coachingCadence: string | null;
  coach: string | null;
  phases: {
    name: string;
    startMonth: number;
    endMonth: number;
    milestones: {
      monthOffset: number;
      description: string;
      outcomeIndex: number | null;
      interimTargetPercent: number | null;
    }[];
  }[];
  learningAreas: { name: string; weeklyHabit: string; resources: string | null }[];
}

export interface PositionTemplate {
  key: string;
  name: string;
  summary: string;
  title: string;
  team: string | null;
  targetMarket: string | null;
  mission: string | null;
  description: string | null;
  outcomes: OutcomeFields[];
  plan: PlanTemplateDraft;
}

/** The method's default learning areas: a weekly habit in each, not a one-off course. */
export const DEFAULT_LEARNING_AREAS: PlanTemplateDraft['learningAreas'] = [
  {
    name: 'Financial literacy',
    weeklyHabit: 'Read one customer’s annual report or filing and note how they make and spend money (1 hour).',
    resources: null,
  },
  {
    name: 'Business models',
    weeklyHabit: 'Map one target account’s business model on a page and share it with the manager.',
    resources: null,
  },
  {
    name: 'Brands',
    weeklyHabit: 'Study one brand in the market: what it promises, to whom, and how it shows.',
    resources: null,
  },
  {
    name: 'Marketing',
    weeklyHabit: 'Review one campaign aimed at our buyers and what it asks them to do.',
    resources: null,
  },
  {
    name: 'Mergers & acquisitions',
    weeklyHabit: 'Follow one deal in the market and what it changes for our customers.',
    resources: null,
  },
];

/** "B2B salesperson": the article's example outcome and a sample first-year plan. */
export const B2B_SALESPERSON: PositionTemplate = {
  key: 'b2b-salesperson',
  name: 'B2B salesperson',
  summary:
    'Six outcomes for a new account executive, with the article’s billings example and a four-phase first-year plan.',
  title: 'Account Executive, Mid-Market Healthcare',
  team: 'Sales',
  targetMarket: 'Mid-market healthcare providers',
  mission: 'Win and grow mid-market healthcare customers by showing them what our software changes in their results.',
  description:
    'You will own new business in mid-market healthcare: find the accounts, reach the economic buyers, and turn what you learn about their business into opportunities.\n\nIn your first weeks you will meet the people who get things done here — product, implementation, finance — and learn our systems by using them. Your manager coaches you weekly on live opportunities.',
  outcomes: [
    outcomeWith({
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
      weight: 35,
    }),
    outcomeWith({
      metric: 'A qualified pipeline',
      targetKind: 'currency',
      targetValue: 1500000,
      targetUnit: 'USD',
      scope: 'mid-market healthcare',
      deadlineKind: 'month-close',
      deadlineN: 6,
      weight: 20,
    }),
    outcomeWith({
      metric: 'Discovery meetings with economic buyers, a total',
      targetKind: 'count',
      targetValue: 40,
      targetUnit: 'meetings',
      scope: 'target accounts',
      deadlineKind: 'month-close',
      deadlineN: 4,
      weight: 15,
    }),
    outcomeWith({
      metric: 'A win rate on qualified opportunities',
      targetKind: 'percent',
      targetValue: 25,
      deadlineKind: 'month-close',
      deadlineN: 10,
      weight: 10,
    }),
    outcomeWith({
      metric: 'Account plans agreed with the hiring manager, a total',
      targetKind: 'count',
      targetValue: 10,
      targetUnit: 'target accounts',
      deadlineKind: 'days',
      deadlineN: 90,
      weight: 10,
    }),
    outcomeWith({
      metric: 'Gross revenue retention of the customers won',
      targetKind: 'percent',
      targetValue: 95,
      deadlineKind: 'month-close',
      deadlineN: 12,
      weight: 10,
    }),
  ],
  plan: {
    coachingCadence: 'Weekly one-to-one, tied to live opportunities',
    coach: 'The hiring manager',
    phases: [
      {
        name: 'Immersion',
        startMonth: 1,
        endMonth: 1,
        milestones: [
          {
            monthOffset: 1,
            description: 'Products, systems and processes learned by use; every colleague on the connections map met',
            outcomeIndex: null,
            interimTargetPercent: null,
          },
        ],
      },
      {
        name: 'Ramp',
        startMonth: 2,
        endMonth: 3,
        milestones: [
          {
            monthOffset: 3,
            description: 'First 20 discovery meetings with economic buyers held',
            outcomeIndex: 2,
            interimTargetPercent: 50,
          },
          {
            monthOffset: 3,
            description: 'Ten account plans agreed with the hiring manager',
            outcomeIndex: 4,
            interimTargetPercent: 100,
          },
        ],
      },
      {
        name: 'Build',
        startMonth: 4,
        endMonth: 6,
        milestones: [
          {
            monthOffset: 4,
            description: '30% of the annualized billings pace',
            outcomeIndex: 0,
            interimTargetPercent: 30,
          },
          {
            monthOffset: 6,
            description: 'Qualified pipeline of $1,500,000 in place',
            outcomeIndex: 1,
            interimTargetPercent: 100,
          },
        ],
      },
      {
        name: 'Deliver',
        startMonth: 7,
        endMonth: 12,
        milestones: [
          {
            monthOffset: 10,
            description: 'Full annualized billings pace with 4 to 6 new customers',
            outcomeIndex: 0,
            interimTargetPercent: 100,
          },
          {
            monthOffset: 10,
            description: 'Win rate of 25% on qualified opportunities',
            outcomeIndex: 3,
            interimTargetPercent: 100,
          },
          {
            monthOffset: 12,
            description: '95% of first-year revenue retained',
            outcomeIndex: 5,
            interimTargetPercent: 100,
          },
        ],
      },
    ],
    learningAreas: DEFAULT_LEARNING_AREAS,
  },
};

export const POSITION_TEMPLATES: PositionTemplate[] = [B2B_SALESPERSON];

export function findTemplate(key: string | undefined): PositionTemplate | undefined {
  return POSITION_TEMPLATES.find((template) => template.key === key);
}
