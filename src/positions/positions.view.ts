import type { User } from '../accounts/entities/user.entity.js';
import type { Position } from './entities/position.entity.js';
import { WORKPLACES } from './entities/position.entity.js';
import type { OutcomeFields } from './outcome-fields.js';
import { composeOutcomeSentence } from './outcome-sentence.js';
import type { CheckResult } from './outcome-check.js';
import { STATUS_LABELS } from './publishing.service.js';

export const MAX_OUTCOME_ROWS = 8;

const text = (value: unknown) => (value === null || value === undefined ? '' : String(value));

export function outcomeRowValues(outcome: Partial<OutcomeFields> & { id?: number }) {
  return {
    id: text(outcome.id),
    metric: text(outcome.metric),
    targetKind: text(outcome.targetKind),
    targetValue: text(outcome.targetValue),
    targetMax: text(outcome.targetMax),
    targetUnit: text(outcome.targetUnit),
    secondValue: text(outcome.secondValue),
    secondMax: text(outcome.secondMax),
    secondUnit: text(outcome.secondUnit),
    scope: text(outcome.scope),
    deadlineKind: text(outcome.deadlineKind),
    deadlineN: text(outcome.deadlineN),
    weight: text(outcome.weight),
  };
}

/** The editor's values: the saved position as text, plus one blank outcome row to add another. */
export function positionFormValues(position: Position) {
  const outcomes = position.outcomes.map((outcome) => ({
    ...outcomeRowValues(outcome),
    sentence: composeOutcomeSentence(outcome),
  }));
  if (outcomes.length < MAX_OUTCOME_ROWS) outcomes.push({ ...outcomeRowValues({}), sentence: '' });
  return {
    title: position.title,
    team: text(position.team),
    targetMarket: text(position.targetMarket),
    hiringManagerId: text(position.hiringManagerId),
    location: text(position.location),
    workplace: text(position.workplace),
    headcount: text(position.headcount),
    compensationMin: text(position.compensationMin),
    compensationMax: text(position.compensationMax),
    compensationCurrency: text(position.compensationCurrency),
    mission: text(position.mission),
    description: text(position.description),
    lockVersion: text(position.lockVersion),
    outcomes,
  };
}

export function managerChoices(managers: User[]) {
  return managers.map((manager) => ({ value: String(manager.id), label: manager.name }));
}

export const WORKPLACE_CHOICES = WORKPLACES.map((value) => ({
  value,
  label: { 'on-site': 'On-site', hybrid: 'Hybrid', remote: 'Remote' }[value],
}));
export const TARGET_KIND_CHOICES = [
  { value: 'currency', label: 'Money' },
  { value: 'count', label: 'A count' },
  { value: 'percent', label: 'A percentage' },
];
export const DEADLINE_KIND_CHOICES = [
  { value: 'month-close', label: 'By the close of month N after hire' },
  { value: 'days', label: 'Within N days of start' },
];

/** Issues link to their field: on the editor itself, or (from elsewhere) to the editor at that field. */
export function mapCheck(check: CheckResult, editorPath = '') {
  const link = (issue: CheckResult['errors'][number]) => ({
    message: issue.message,
    href: issue.field ? `${editorPath}#field-${issue.field}` : null,
  });
  return {
    errors: check.errors.map(link),
    warnings: check.warnings.map(link),
    clean: check.errors.length === 0 && check.warnings.length === 0,
  };
}

export function positionSummary(position: Position) {
  return {
    id: position.id,
    title: position.title,
    status: position.status,
    statusLabel: STATUS_LABELS[position.status],
    publishedVersion: position.publishedVersion,
    hiringManager: position.hiringManager?.name ?? '',
    updatedAt: position.updatedAt,
    team: position.team,
    onCareersSite: position.onCareersSite,
  };
}
