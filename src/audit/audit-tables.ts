import type { MaskKind } from './mask.js';

/**
 * Which tables the audit trail follows, by name (this infrastructure module knows no domain entity), and how an
 * audit row finds the candidate, application and hire a row belongs to: a column of the row itself, or a subquery
 * from one of its columns (`?` stands for that column's value). The subquery runs inside the audit INSERT, so
 * recording a change never costs a separate SELECT.
 */
export type Link = { column: string } | { column: string; sql: string };

export interface TableRule {
  objectType: string;
  candidate?: Link;
  application?: Link;
  hire?: Link;
}

const own = (column: string): Link => ({ column });
const via = (column: string, sql: string): Link => ({ column, sql });

const HIRE_PLAN: TableRule['hire'] = own('hireId');

export const AUDITED_TABLES: Record<string, TableRule> = {
  candidates: { objectType: 'candidate', candidate: own('id') },
  applications: { objectType: 'application', application: own('id'), candidate: own('candidateId') },
  application_answers: { objectType: 'answer', application: own('applicationId') },
  assessments: { objectType: 'assessment', application: own('applicationId') },
  writing_submissions: { objectType: 'writing test', application: own('applicationId') },
  writing_grades: {
    objectType: 'writing grade',
    application: via('submissionId', 'SELECT "applicationId" FROM writing_submissions WHERE id = ?'),
  },
  presentations: { objectType: 'presentation', application: own('applicationId') },
  presentation_scores: {
    objectType: 'presentation score',
    application: via('presentationId', 'SELECT "applicationId" FROM presentations WHERE id = ?'),
  },
  interviews: { objectType: 'interview', application: own('applicationId') },
  panelists: {
    objectType: 'scorecard',
    application: via('interviewId', 'SELECT "applicationId" FROM interviews WHERE id = ?'),
  },
  scorecard_ratings: {
    objectType: 'rating',
    application: via(
      'panelistId',
      'SELECT i."applicationId" FROM panelists p JOIN interviews i ON i.id = p."interviewId" WHERE p.id = ?',
    ),
  },
  offers: { objectType: 'offer', application: own('applicationId') },
  hires: { objectType: 'hire', hire: own('id'), application: own('applicationId') },
  onboarding_tasks: { objectType: 'onboarding task', hire: HIRE_PLAN },
  connections: { objectType: 'connection', hire: HIRE_PLAN },
  hire_goals: { objectType: 'goal', hire: HIRE_PLAN },
  hire_milestones: { objectType: 'milestone', hire: HIRE_PLAN },
  check_ins: { objectType: 'check-in', hire: HIRE_PLAN },
  learning_entries: { objectType: 'learning entry', hire: HIRE_PLAN },
  retention_rules: { objectType: 'retention rule' },
  retention_runs: { objectType: 'retention run' },
  legal_holds: { objectType: 'legal hold', candidate: own('candidateId') },
  data_requests: { objectType: 'data request', candidate: own('candidateId'), application: own('applicationId') },
  // Who is asked the voluntary questions (the answers' own table is never followed: see self-identification).
  self_identification_settings: { objectType: 'self-identification setting' },
};

/** Object types that are not tables: documents viewed or downloaded, and exports. */
export const DOCUMENT_TYPES = [
  'resume',
  'writing test',
  'presentation deck',
  'assessment report',
  'report',
  'data export',
] as const;

export const OBJECT_TYPES = [
  ...new Set([...Object.values(AUDITED_TABLES).map((rule) => rule.objectType), ...DOCUMENT_TYPES]),
].sort();

/** Bookkeeping that says nothing about the person: never recorded as a change. */
const IGNORED = new Set([
  'lockVersion',
  'sequence',
  'calendarSequence',
  'remindedAt',
  'candidateRemindedAt',
  'draftSavedAt',
  'signals',
  'uid',
  'questions',
  'outcomes',
  'sortOrder',
  'stageChangedAt',
]);

/** Text columns that hold codes, states, dates or plan wording, not what a person wrote about someone. */
const PLAIN_TEXT = new Set([
  'stage',
  'rejectedFromStage',
  'source',
  'status',
  'decision',
  'recommendation',
  'planReaction',
  'result',
  'category',
  'ownerKind',
  'kind',
  'timeZone',
  'code',
  'offeredOn',
  'takenOn',
  'startDate',
  'dueOn',
  'deadlineOn',
  'deadlineKind',
  'heldOn',
  'weekOf',
  'unit',
  'label',
  'phase',
  'outcome',
  'trigger',
  'refusalReason',
]);

/** Personal values masked by their kind; a salary is kept only as "set". */
const PERSONAL: Record<string, MaskKind> = { email: 'email', phone: 'phone', name: 'name', salary: 'json' };

export function isIgnored(property: string): boolean {
  return IGNORED.has(property);
}

/**
 * How a column's values are kept: numbers, dates and booleans as they are; the few known code-like text columns as
 * they are; email, phone and names masked; every other text (and any text column added later) as its length only.
 */
export function maskKindOf(property: string, type: unknown): MaskKind {
  if (PERSONAL[property]) return PERSONAL[property];
  if (type === 'simple-json' || type === 'json' || type === 'jsonb') return 'json';
  if (type === 'varchar' || type === 'text' || type === String) return PLAIN_TEXT.has(property) ? 'plain' : 'text';
  return 'plain';
}
