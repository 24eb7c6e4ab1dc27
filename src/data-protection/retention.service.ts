import { Injectable, Logger } from '@nestjs/common';
import type { User } from '../accounts/entities/user.entity.js';
import type { Actor } from '../audit/audit-context.js';
import { FormInvalidError, type FieldErrors } from '../common/errors.js';
import { pageRequest, pageView } from '../common/pagination.js';
import { AnonymisationService } from './anonymisation.service.js';
import { RETENTION_OUTCOMES, type RetentionOutcome, type RetentionRun } from './entities/retention-rule.entity.js';
import { LegalHoldService } from './legal-hold.service.js';
import { RetentionRepository, type Cutoffs, type ExpiredApplicationRow } from './retention.repository.js';
import { addMonths, FLOOR_MESSAGE, MINIMUM_MONTHS, OUTCOME_LABELS, outcomeOf } from './retention.js';

export type Months = Record<RetentionOutcome, number | null>;

/** Why, in the audit entry of each candidate a run anonymises. */
const RUN_REASON = 'Past the retention period';

/** A scheduled run is skipped when the last one started less than this long ago (the job ticks hourly). */
const DAY_MS = 23 * 3_600_000;

/**
 * Retention: the rules (months per outcome, never under the EEOC floor), which candidates are past them, and the
 * run that anonymises those — daily on the job runner, or when an admin asks. A run skips anyone on legal hold.
 */
@Injectable()
export class RetentionService {
  private readonly logger = new Logger(RetentionService.name);

  constructor(
    private readonly repository: RetentionRepository,
    private readonly holds: LegalHoldService,
    private readonly anonymisation: AnonymisationService,
  ) {}

  async months(): Promise<Months> {
    const rules = await this.repository.rules();
    const months = Object.fromEntries(RETENTION_OUTCOMES.map((outcome) => [outcome, null])) as Months;
    for (const rule of rules) months[rule.outcome] = rule.months;
    return months;
  }

  /** The posted fields as months; refuses anything under the floor, explaining why. */
  parse(fields: Partial<Record<RetentionOutcome, string>>): Months {
    const errors: FieldErrors = {};
    const months = {} as Months;
    for (const outcome of RETENTION_OUTCOMES) {
      const text = (fields[outcome] ?? '').trim();
      months[outcome] = text === '' ? null : Number(text);
      if (months[outcome] !== null && months[outcome] < MINIMUM_MONTHS) errors[outcome] = [FLOOR_MESSAGE];
    }
    if (Object.keys(errors).length) throw new FormInvalidError(errors);
    return months;
  }

  /** What saving would change, outcome by outcome, and how many candidates the next run would then anonymise. */
  async proposal(fields: Partial<Record<RetentionOutcome, string>>) {
    const next = this.parse(fields);
    const now = await this.months();
    const [expiredNow, expiredNext] = await Promise.all([
      this.repository.expiredCount(this.cutoffs(now)),
      this.repository.expiredCount(this.cutoffs(next)),
    ]);
    const changes = RETENTION_OUTCOMES.filter((outcome) => now[outcome] !== next[outcome]).map((outcome) => ({
      label: OUTCOME_LABELS[outcome],
      from: now[outcome],
      to: next[outcome],
    }));
    return { months: next, changes, expiredNow, expiredNext };
  }

  /** Saves the rules once the admin has confirmed the change (the form posts `confirmed` from the confirmation). */
  async save(user: User, fields: Partial<Record<RetentionOutcome, string>> & { confirmed?: string }): Promise<void> {
    const months = this.parse(fields);
    if (fields.confirmed !== '1') throw FormInvalidError.single('_form', 'Check the change and confirm it to save it.');
    await this.repository.saveRules(months, user.id);
  }

  /** For each outcome with a rule, the moment before which a decision is past it. */
  cutoffs(months: Months, now = new Date()): Cutoffs {
    const cutoffs: Cutoffs = {};
    for (const outcome of RETENTION_OUTCOMES) {
      const value = months[outcome];
      if (value !== null) cutoffs[outcome] = addMonths(now, -value);
    }
    return cutoffs;
  }

  /** One page of what the next run would anonymise, each candidate with their decided applications. */
  async preview(page: unknown) {
    const months = await this.months();
    const request = pageRequest(page);
    const [candidates, total] = await this.repository.expiredPage(this.cutoffs(months), request);
    const applications = await this.repository.applicationsOf(candidates.map((candidate) => candidate.id));
    const rows = candidates.map((candidate) => {
      const own = applications.filter((row) => row.candidateId === candidate.id).map((row) => expiry(row, months));
      return {
        id: candidate.id,
        name: candidate.name,
        applications: own,
        expiredAt: new Date(Math.max(...own.map((row) => row.expiredAt.getTime()))),
      };
    });
    return { months, rows, total, pagination: pageView(request, total, '/admin/retention/preview') };
  }

  /** How many candidates the next run would anonymise under the current rules. */
  async expiredCount(): Promise<number> {
    return this.repository.expiredCount(this.cutoffs(await this.months()));
  }

  lastRun(): Promise<RetentionRun | null> {
    return this.repository.lastRun();
  }

  /** The daily tick: runs when no scheduled run started in the last day (restarts neither skip nor repeat a day). */
  async runIfDue(now = new Date()): Promise<RetentionRun | null> {
    const last = await this.repository.lastRun('schedule');
    if (last && now.getTime() - last.startedAt.getTime() < DAY_MS) return null;
    return this.run(null);
  }

  /**
   * Anonymises every candidate past retention, one at a time (each in its own transaction, so one failure stops
   * no other), checking the hold again just before. The run is recorded with its counts only.
   */
  async run(user: User | null): Promise<RetentionRun> {
    const run = this.repository.startRun({ trigger: user ? 'admin' : 'schedule', triggeredById: user?.id ?? null });
    const actor: Actor = user ? { kind: 'user', id: user.id } : { kind: 'system', id: null };
    const ids = await this.repository.expiredIds(this.cutoffs(await this.months()));
    run.expired = ids.length;
    for (const id of ids) {
      try {
        if (await this.holds.isOnHold(id)) continue;
        run.anonymised += await this.anonymisation.anonymise([id], { reason: RUN_REASON, actor });
      } catch (error) {
        run.failed += 1;
        this.logger.error({
          message: 'Retention could not anonymise a candidate',
          candidateId: id,
          error: String(error),
        });
      }
    }
    const saved = await this.repository.saveRun(run);
    this.logger.log({ message: 'Retention ran', expired: run.expired, anonymised: run.anonymised, failed: run.failed });
    return saved;
  }
}

function expiry(row: ExpiredApplicationRow, months: Months) {
  const outcome = outcomeOf(row.stage, row.offered);
  const kept = outcome ? months[outcome] : null;
  return {
    code: row.code,
    positionTitle: row.positionTitle,
    outcome: outcome ? OUTCOME_LABELS[outcome] : row.stage,
    decidedAt: row.decidedAt,
    expiredAt: kept === null ? row.decidedAt : addMonths(row.decidedAt, kept),
  };
}
