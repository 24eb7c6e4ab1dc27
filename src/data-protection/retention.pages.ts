import { Injectable } from '@nestjs/common';
import type { FormPage, PageRequest } from '../common/decorators.js';
import { RETENTION_OUTCOMES, type RetentionOutcome } from './entities/retention-rule.entity.js';
import type { RetentionRun } from './entities/retention-rule.entity.js';
import { MINIMUM_MONTHS, OUTCOME_HELP, OUTCOME_LABELS } from './retention.js';
import { RetentionService, type Months } from './retention.service.js';

const monthsText = (months: number | null) => (months === null ? 'Keep (no limit)' : `${months} months`);

function runView(run: RetentionRun | null) {
  if (!run) return null;
  return {
    at: run.finishedAt ?? run.startedAt,
    byAdmin: run.trigger === 'admin',
    anonymised: run.anonymised,
    failed: run.failed,
  };
}

/** Settings → Data retention: months per outcome, shown again with the errors when refused. */
@Injectable()
export class RetentionSettingsPage implements FormPage {
  readonly view = 'retention/settings';

  constructor(private readonly retention: RetentionService) {}

  async build({ body }: PageRequest) {
    const [months, lastRun] = await Promise.all([this.retention.months(), this.retention.lastRun()]);
    const values =
      body ?? Object.fromEntries(RETENTION_OUTCOMES.map((o) => [o, months[o] === null ? '' : String(months[o])]));
    return {
      title: 'Data retention',
      minimum: MINIMUM_MONTHS,
      outcomes: RETENTION_OUTCOMES.map((outcome) => ({
        name: outcome,
        label: `${OUTCOME_LABELS[outcome]}: months to keep`,
        help: OUTCOME_HELP[outcome],
        now: monthsText(months[outcome]),
      })),
      values,
      lastRun: runView(lastRun),
    };
  }
}

/** The confirmation before rules are saved: what changes, and what the next run would then anonymise. */
@Injectable()
export class RetentionConfirmPage {
  constructor(private readonly retention: RetentionService) {}

  async build(fields: Partial<Record<RetentionOutcome, string>>) {
    const proposal = await this.retention.proposal(fields);
    return {
      title: 'Save these retention rules?',
      changes: proposal.changes.map((change) => ({
        label: change.label,
        from: monthsText(change.from),
        to: monthsText(change.to),
      })),
      expiredNow: proposal.expiredNow,
      expiredNext: proposal.expiredNext,
      hidden: RETENTION_OUTCOMES.map((outcome) => ({ name: outcome, value: monthField(proposal.months, outcome) })),
    };
  }
}

const monthField = (months: Months, outcome: RetentionOutcome) =>
  months[outcome] === null ? '' : String(months[outcome]);

/** What the next run would anonymise, page by page. */
@Injectable()
export class RetentionPreviewPage {
  constructor(private readonly retention: RetentionService) {}

  async build(page: unknown) {
    const [preview, lastRun] = await Promise.all([this.retention.preview(page), this.retention.lastRun()]);
    return {
      title: 'Retention preview',
      anyRule: RETENTION_OUTCOMES.some((outcome) => preview.months[outcome] !== null),
      rules: RETENTION_OUTCOMES.filter((outcome) => preview.months[outcome] !== null).map((outcome) => ({
        label: OUTCOME_LABELS[outcome],
        months: preview.months[outcome],
      })),
      rows: preview.rows,
      total: preview.total,
      pagination: preview.pagination,
      lastRun: runView(lastRun),
    };
  }
}

/** The confirmation before an admin runs retention now. */
@Injectable()
export class RetentionRunPage {
  constructor(private readonly retention: RetentionService) {}

  async build() {
    return { title: 'Run retention now?', expired: await this.retention.expiredCount() };
  }
}
