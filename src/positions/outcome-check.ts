import type { OutcomeFields } from './outcome-fields.js';

export interface CheckedPosition {
  title: string | null;
  mission: string | null;
  description: string | null;
  outcomes: OutcomeFields[];
}

export interface CheckPhrases {
  experienceProxies: string[];
  vagueVerbs: string[];
}

export interface CheckIssue {
  severity: 'error' | 'warning';
  code: string;
  message: string;
  /** "outcomes.2.targetValue", "description", or null for the whole position */
  field: string | null;
  /** 0-based index */
  outcome: number | null;
}

export interface CheckResult {
  errors: CheckIssue[];
  warnings: CheckIssue[];
}

export const DEFAULT_EXPERIENCE_PROXIES: string[] = [
  'years of experience',
  "years' experience",
  'industry experience',
  'track record',
  'book of business',
  'a following',
  'proven',
  'rolodex',
  'existing relationships',
  'established network',
  'seasoned',
  'experienced in',
];

export const DEFAULT_VAGUE_VERBS: string[] = [
  'help',
  'support',
  'assist',
  'be responsible for',
  'responsible for',
  'manage relationships',
  'work with',
  'contribute to',
];

export const MIN_OUTCOMES = 3;
export const MAX_OUTCOMES = 8;
export const RECOMMENDED_MAX_OUTCOMES = 6;

// Always on, whatever the phrase list: "5+ years", "3-5 years", "10 years of".
const YEARS_PATTERN = /(?<![\p{L}\p{N}])\d+\s*(?:\+\s*years?|(?:-|–|to)\s*\d+\s*years?|years?\s+of)(?![\p{L}\p{N}])/giu;

type Issue = Omit<CheckIssue, 'severity'>;

export function checkPosition(position: CheckedPosition, phrases: CheckPhrases): CheckResult {
  const errors: Issue[] = [];
  const warnings: Issue[] = [];
  const proxies = phrases.experienceProxies
    .filter((phrase) => phrase.trim())
    .map((phrase) => ({ phrase: phrase.trim().toLowerCase(), pattern: phrasePattern(phrase, false) }));
  const verbs = phrases.vagueVerbs.filter((verb) => verb.trim()).map((verb) => phrasePattern(verb, true));

  const lint = (text: string | null, field: string, label: string, outcome: number | null, vague: boolean) => {
    if (!text) return;
    const normalized = text.replace(/[‘’]/g, "'");
    for (const found of proxyHits(normalized, proxies)) {
      warnings.push({
        code: 'experience-proxy',
        message: `“${found}” in ${label} is an experience proxy: it selects retreads. Say what the person must achieve instead.`,
        field,
        outcome,
      });
    }
    if (!vague) return;
    for (const found of vagueHits(normalized, verbs)) {
      warnings.push({
        code: 'vague-verb',
        message: `“${found}” in ${label} describes activity with no measure. Say what result it produces, with a number.`,
        field,
        outcome,
      });
    }
  };

  lint(position.title, 'title', 'the title', null, false);
  lint(position.mission, 'mission', 'the mission', null, true);
  lint(position.description, 'description', 'the description', null, true);

  const filled = position.outcomes.filter(isFilled).length;
  if (filled < MIN_OUTCOMES) {
    errors.push(
      whole(
        'too-few-outcomes',
        `A position needs at least ${MIN_OUTCOMES} measurable outcomes; this one has ${filled}.`,
      ),
    );
  } else if (filled > MAX_OUTCOMES) {
    errors.push(
      whole(
        'too-many-outcomes',
        `A position can have at most ${MAX_OUTCOMES} outcomes; this one has ${filled}. Keep the ones that matter most.`,
      ),
    );
  } else if (filled > RECOMMENDED_MAX_OUTCOMES) {
    warnings.push(
      whole('many-outcomes', `This position has ${filled} outcomes; the method recommends no more than six.`),
    );
  }

  position.outcomes.forEach((outcome, index) => {
    if (!isFilled(outcome)) return;
    const name = `Outcome ${index + 1}`;
    const at = (code: string, field: keyof OutcomeFields, message: string) =>
      errors.push({ code, message, field: `outcomes.${index}.${field}`, outcome: index });

    if (isBlank(outcome.metric))
      at('no-metric', 'metric', `${name} has no metric: say what is measured, e.g. “Billings at an annualized pace”.`);
    if (outcome.targetValue === null)
      at('no-target', 'targetValue', `${name} has no number: give the target to reach.`);
    if (outcome.targetKind === null) {
      at('no-unit', 'targetKind', `${name} has no unit: choose an amount of money, a count or a percentage.`);
    } else if (outcome.targetKind === 'count' && isBlank(outcome.targetUnit)) {
      at('no-unit', 'targetUnit', `${name} has no unit: say what is counted, e.g. “new customers”.`);
    }
    if (outcome.deadlineKind === null) {
      at(
        'no-deadline',
        'deadlineKind',
        `${name} has no deadline: choose “by the close of month N after hire” or “within N days of start”.`,
      );
    } else if (outcome.deadlineN === null) {
      at(
        'no-deadline',
        'deadlineN',
        `${name} has no deadline: give the N in “by the close of month N after hire” or “within N days of start”.`,
      );
    } else if (outcome.deadlineN < 1 || !Number.isInteger(outcome.deadlineN)) {
      at(
        'no-deadline',
        'deadlineN',
        `${name} has no usable deadline: N must be a whole number, 1 or more (it is ${outcome.deadlineN}).`,
      );
    }
    if (outcome.targetValue !== null && outcome.targetMax !== null && outcome.targetMax <= outcome.targetValue) {
      at(
        'bad-range',
        'targetMax',
        `${name}’s range ends at ${outcome.targetMax}, which is not above its start, ${outcome.targetValue}.`,
      );
    }
    if (outcome.secondValue !== null && outcome.secondMax !== null && outcome.secondMax <= outcome.secondValue) {
      at(
        'bad-range',
        'secondMax',
        `${name}’s second range ends at ${outcome.secondMax}, which is not above its start, ${outcome.secondValue}.`,
      );
    }
    if (outcome.secondValue !== null && isBlank(outcome.secondUnit)) {
      at(
        'no-second-unit',
        'secondUnit',
        `${name} has a second measure (${outcome.secondValue}) but does not say what is counted, e.g. “new customers”.`,
      );
    }

    // A metric with a number target is measured, however it is worded.
    lint(outcome.metric, `outcomes.${index}.metric`, `${name}’s metric`, index, outcome.targetValue === null);
    lint(outcome.scope, `outcomes.${index}.scope`, `${name}’s scope`, index, false);
  });

  return {
    errors: errors.map((issue) => ({ severity: 'error', ...issue })),
    warnings: warnings.map((issue) => ({ severity: 'warning', ...issue })),
  };
}

function whole(code: string, message: string): Issue {
  return { code, message, field: null, outcome: null };
}

// Weight is left out: a form gives it a default, so it alone does not make a blank row an outcome.
const CONTENT_FIELDS = [
  'metric',
  'targetKind',
  'targetValue',
  'targetMax',
  'targetUnit',
  'secondValue',
  'secondMax',
  'secondUnit',
  'scope',
  'deadlineKind',
  'deadlineN',
] as const satisfies (keyof OutcomeFields)[];

function isFilled(outcome: OutcomeFields): boolean {
  return CONTENT_FIELDS.some((key) => outcome[key] !== null && !isBlank(String(outcome[key])));
}

function isBlank(text: string | null): boolean {
  return text === null || text.trim() === '';
}

function proxyHits(text: string, proxies: { phrase: string; pattern: RegExp }[]): string[] {
  const hits = new Set<string>();
  for (const match of text.matchAll(YEARS_PATTERN)) hits.add(match[0].toLowerCase());
  for (const { phrase, pattern } of proxies) if (pattern.test(text)) hits.add(phrase);
  return [...hits];
}

/** One hit per sentence with no digit (the earliest vague verb in it), each wording once per field. */
function vagueHits(text: string, verbs: RegExp[]): string[] {
  const hits = new Set<string>();
  for (const sentence of text.split(/(?<=[.!?])\s+|\n+/)) {
    if (/\d/.test(sentence)) continue;
    const first = verbs
      .map((pattern) => pattern.exec(sentence))
      .filter((match): match is RegExpExecArray => match !== null)
      .sort((a, b) => a.index - b.index || b[0].length - a[0].length)[0];
    if (first) hits.add(first[0].replace(/\s+/g, ' ').toLowerCase());
  }
  return [...hits];
}

/** Whole words only; for a verb, its first word may also end in s/ing/ed: help → helping, manage → managed. */
function phrasePattern(phrase: string, inflected: boolean): RegExp {
  const words = phrase.trim().toLowerCase().split(/\s+/).map(escape);
  if (inflected && words[0]) words[0] = inflect(words[0]);
  return new RegExp(`(?<![\\p{L}\\p{N}])${words.join('\\s+')}(?![\\p{L}\\p{N}])`, 'iu');
}

function inflect(word: string): string {
  return word.length > 2 && word.endsWith('e') ? `${word.slice(0, -1)}(?:e|es|ed|ing)` : `${word}(?:s|ing|ed)?`;
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
