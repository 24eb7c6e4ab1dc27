import type { User } from '../accounts/entities/user.entity.js';
import type { Stage } from '../candidates/entities/application.entity.js';
import type { PositionSnapshot } from '../positions/position-snapshot.js';
import type { VettingConfig } from '../vetting/entities/vetting-config.entity.js';
import type { SubmissionRow } from './agencies.repository.js';
import type { Agency, RecruiterPosition } from './entities/agency.entity.js';

const RECRUITER_STATUS = { invited: 'Invited', active: 'Active', deactivated: 'Removed' } as const;

/** "20 %", "17.5 %": a fee without trailing zeros. */
export function percent(value: number): string {
  return `${Number(value.toFixed(2))} %`;
}

export function months(value: number): string {
  return value === 1 ? '1 month' : `${value} months`;
}

export function mapAgency(agency: Agency) {
  return {
    id: agency.id,
    name: agency.name,
    feeTerms: agency.feeTerms,
    fee: percent(agency.feePercent),
    guarantee: months(agency.guaranteeMonths),
    active: agency.active,
    statusLabel: agency.active ? 'Active' : 'Inactive',
    statusClass: agency.active ? 'active' : 'deactivated',
  };
}

/** The agency form's values, as the form sends them. */
export function agencyFormValues(agency: Agency) {
  return {
    name: agency.name,
    feeTerms: agency.feeTerms ?? '',
    feePercent: String(Number(agency.feePercent.toFixed(2))),
    guaranteeMonths: String(agency.guaranteeMonths),
  };
}

export function mapRecruiter(user: User, assignments: RecruiterPosition[]) {
  return {
    id: user.id,
    name: user.name,
    email: user.email,
    status: user.status,
    statusLabel: RECRUITER_STATUS[user.status],
    positions: assignments
      .filter((assignment) => assignment.recruiterId === user.id)
      .map((assignment) => assignment.position.title),
  };
}

/**
 * What a recruiter may know about their candidate: Active, Rejected or Hired — never the stage, a score or a note.
 * A withdrawal is shown as Rejected too: the candidate left the process without a hire.
 */
export function recruiterStatus(row: Pick<SubmissionRow, 'stage' | 'hired' | 'keeper'> & { alreadyKnown: boolean }) {
  if (row.alreadyKnown) return { label: 'Already in our process', kind: 'known' as const, keeper: null };
  if (row.stage === 'hired' || row.hired) return { label: 'Hired', kind: 'hired' as const, keeper: keeperLabel(row) };
  if (row.stage === null || (['rejected', 'withdrawn'] as Stage[]).includes(row.stage))
    return { label: 'Rejected', kind: 'rejected' as const, keeper: null };
  return { label: 'Active', kind: 'active' as const, keeper: null };
}

function keeperLabel({ keeper }: Pick<SubmissionRow, 'keeper'>): string {
  if (keeper === true) return 'Yes, a keeper';
  if (keeper === false) return 'No';
  return 'Not reviewed yet (month 10)';
}

/** The selection steps in plain words, from the position's vetting steps; thresholds and rubrics stay internal. */
export function selectionSteps(config: VettingConfig): string[] {
  const steps: string[] = [];
  if (config.assessmentRequired)
    steps.push('An online assessment of how the candidate fits the work, taken from home at a time they choose.');
  if (config.writingRequired)
    steps.push(
      `A short writing test (${config.writingMinWords}–${config.writingMaxWords} words${
        config.writingTimeLimitMinutes ? `, ${config.writingTimeLimitMinutes} minutes` : ''
      }), read without the candidate’s name.`,
    );
  if (config.presentationRequired)
    steps.push(
      'A research presentation: the candidate studies our company and presents it as if we were their target customer.',
    );
  steps.push(
    'Then a panel interview: the hiring manager and colleagues ask prepared questions about how the candidate would reach the outcomes above.',
  );
  return steps;
}

/** The brief from the published version: what the position is measured by and the first year, nothing internal. */
export function briefOf(snapshot: PositionSnapshot) {
  return {
    title: snapshot.title,
    mission: snapshot.mission,
    location: snapshot.location,
    workplace: snapshot.workplace,
    compensation: snapshot.compensation,
    hiringManager: snapshot.hiringManager,
    outcomes: snapshot.outcomes.map((outcome) => outcome.sentence),
    description: snapshot.description,
    phases: snapshot.plan.phases.map((phase) => ({
      name: phase.name,
      months: phase.months,
      milestones: phase.milestones.map((milestone) => ({ month: milestone.month, text: milestone.text })),
    })),
  };
}
