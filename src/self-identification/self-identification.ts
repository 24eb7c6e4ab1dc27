/**
 * The voluntary self-identification questions (US): sex and race/ethnicity in the EEO-1 categories, protected
 * veteran status (VEVRAA) and disability (form CC-305's three answers), each with "I don't wish to answer".
 * Stored as these codes; only the adverse-impact report reads them, aggregated.
 */
export const DECLINED = 'declined';
export const DECLINED_LABEL = 'I don’t wish to answer';

export const DIMENSIONS = ['sex', 'race', 'veteran', 'disability'] as const;
export type Dimension = (typeof DIMENSIONS)[number];

export interface Choice {
  value: string;
  /** The answer as the candidate reads it. */
  label: string;
  /** The group as the report names it. */
  group: string;
}

export interface Question {
  dimension: Dimension;
  legend: string;
  /** What the report calls the dimension. */
  title: string;
  help?: string;
  choices: Choice[];
}

const declined: Choice = { value: DECLINED, label: DECLINED_LABEL, group: DECLINED_LABEL };

export const QUESTIONS: Question[] = [
  {
    dimension: 'sex',
    legend: 'Sex',
    title: 'Sex',
    choices: [
      { value: 'female', label: 'Female', group: 'Female' },
      { value: 'male', label: 'Male', group: 'Male' },
      declined,
    ],
  },
  {
    dimension: 'race',
    legend: 'Race or ethnicity',
    title: 'Race or ethnicity',
    help: 'The categories of the US EEO-1 report.',
    choices: [
      { value: 'hispanic', label: 'Hispanic or Latino', group: 'Hispanic or Latino' },
      { value: 'white', label: 'White (not Hispanic or Latino)', group: 'White' },
      {
        value: 'black',
        label: 'Black or African American (not Hispanic or Latino)',
        group: 'Black or African American',
      },
      {
        value: 'pacific',
        label: 'Native Hawaiian or Other Pacific Islander (not Hispanic or Latino)',
        group: 'Native Hawaiian or Other Pacific Islander',
      },
      { value: 'asian', label: 'Asian (not Hispanic or Latino)', group: 'Asian' },
      {
        value: 'native',
        label: 'American Indian or Alaska Native (not Hispanic or Latino)',
        group: 'American Indian or Alaska Native',
      },
      { value: 'two-or-more', label: 'Two or More Races (not Hispanic or Latino)', group: 'Two or More Races' },
      declined,
    ],
  },
  {
    dimension: 'veteran',
    legend: 'Protected veteran status',
    title: 'Protected veteran status',
    help: 'Protected veterans are disabled veterans, recently separated veterans, active duty wartime or campaign badge veterans, and Armed Forces service medal veterans.',
    choices: [
      {
        value: 'protected',
        label: 'I identify as one or more of the classifications of protected veteran',
        group: 'Protected veteran',
      },
      { value: 'not-protected', label: 'I am not a protected veteran', group: 'Not a protected veteran' },
      declined,
    ],
  },
  {
    dimension: 'disability',
    legend: 'Disability',
    title: 'Disability',
    help: 'As on the US form CC-305: a disability is a condition that substantially limits one or more major life activities, now or in the past.',
    choices: [
      { value: 'yes', label: 'Yes, I have a disability (or previously had a disability)', group: 'Has a disability' },
      {
        value: 'no',
        label: 'No, I do not have a disability and have not had one in the past',
        group: 'No disability',
      },
      declined,
    ],
  },
];

export type Answers = Record<Dimension, string | null>;

/** The form field of a dimension: `eeo_sex`, `eeo_race`, … */
export const fieldOf = (dimension: Dimension) => `eeo_${dimension}`;
export const isSelfIdentificationField = (field: string) => /^eeo_[a-z]+$/.test(field);

/** The answers in a posted form: a value not on the list counts as no answer. */
export function answersIn(body: Record<string, unknown>): Answers {
  return Object.fromEntries(
    QUESTIONS.map(({ dimension, choices }) => {
      const value = body[fieldOf(dimension)];
      return [dimension, choices.some((choice) => choice.value === value) ? (value as string) : null];
    }),
  ) as Answers;
}

export const anyAnswer = (answers: Answers) => DIMENSIONS.some((dimension) => answers[dimension] !== null);

/** The questions as the form's radio groups, the given answers checked. */
export function formQuestions(answers: Partial<Answers> = {}) {
  return QUESTIONS.map((question) => ({
    ...question,
    field: fieldOf(question.dimension),
    choices: question.choices.map((choice, index) => ({
      ...choice,
      id: `${fieldOf(question.dimension)}-${index}`,
      checked: answers[question.dimension] === choice.value,
    })),
  }));
}

/** Country names as the admin wrote them (comma or line separated), trimmed, without blanks or repeats. */
export function parseCountries(text: string | null | undefined): string[] {
  const seen = new Set<string>();
  return (text ?? '')
    .split(/[,\n]/)
    .map((name) => name.trim())
    .filter((name) => name && !seen.has(name.toLowerCase()) && seen.add(name.toLowerCase()));
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Whether a position's location (free text, e.g. "Austin, TX, USA") names one of the countries, as whole words and
 * ignoring case. No countries: every position.
 */
export function locationMatches(location: string | null, countries: string[]): boolean {
  if (!countries.length) return true;
  if (!location) return false;
  return countries.some((country) => new RegExp(`(^|[^\\p{L}])${escape(country)}($|[^\\p{L}])`, 'iu').test(location));
}
