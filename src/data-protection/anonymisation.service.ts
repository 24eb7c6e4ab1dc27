/**
 * Anonymisation (issue 15): erases a candidate's personal data and keeps what the insights count.
 *
 *   anonymise(candidateIds, { reason, actor }, { keepMessageIds }?) → Promise<number>
 *
 * Anonymises each listed candidate in one transaction and resolves to how many were anonymised by this call
 * (unknown and already anonymised candidates are skipped, so running it twice is harmless). `reason` is written to
 * the audit trail as it is, so it must hold no personal data ("Erasure request #3", "Retention: rejected, 12
 * months"); `actor` is who the audit trail names (an admin, or `{ kind: 'system', id: null }` for a job).
 * `keepMessageIds` are outbox messages to leave queued: the mail that tells the candidate of the erasure, queued
 * before it, still goes to the address it was written for.
 *
 * Removed: name (→ the anonymous code of their first application), email (→ `<code>@anonymised.invalid`), phone,
 * location, time zone, notes, consent date; the resume, assessment reports and presentation decks (file bytes and
 * stored_files rows); answers on the application form; the writing test's text and draft; every mail to them
 * (address, body and attachments; pending ones are cancelled); their full name and email wherever staff wrote them
 * in free text (notes, evidence, comments, rationales, mail to staff, stage history); portal links are revoked.
 * Kept: the anonymous code, applications with their stages and dates, scores, grades, decisions, rejection
 * reasons, offers' status, and self-identification answers (linked to the application, never to a name, and read
 * only aggregated), so every insight counts the same before and after.
 */
import { Injectable } from '@nestjs/common';
import { runAs, type Actor } from '../audit/audit-context.js';
import { AuditService } from '../audit/audit.service.js';
import { UnitOfWork } from '../database/unit-of-work.js';
import { ANONYMISED_DOMAIN, AnonymisationRepository, type CandidateRow } from './anonymisation.repository.js';

export { ANONYMISED_DOMAIN, REMOVED_TEXT } from './anonymisation.repository.js';

export interface AnonymisationCause {
  /** Why, in words without personal data: kept in the audit trail. */
  reason: string;
  actor: Actor;
}

export interface AnonymisationOptions {
  /** Outbox messages not to cancel or blank: the erasure's own confirmation mail. */
  keepMessageIds?: number[];
}

@Injectable()
export class AnonymisationService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly repository: AnonymisationRepository,
    private readonly audit: AuditService,
  ) {}

  anonymise(candidateIds: number[], cause: AnonymisationCause, options: AnonymisationOptions = {}): Promise<number> {
    const ids = [...new Set(candidateIds)].filter(Number.isInteger);
    if (!ids.length) return Promise.resolve(0);
    return runAs(cause.actor, () =>
      this.uow.run(async () => {
        const candidates = await this.repository.findNotAnonymised(ids);
        let count = 0;
        for (const candidate of candidates) {
          if (!(await this.repository.claim(candidate.id))) continue;
          await this.anonymiseOne(candidate, options.keepMessageIds ?? []);
          await this.audit.anonymised(candidate.id, cause.reason);
          count += 1;
        }
        return count;
      }),
    );
  }

  private async anonymiseOne(candidate: CandidateRow, keep: number[]): Promise<void> {
    const applications = await this.repository.applicationsOf(candidate.id);
    const applicationIds = applications.map((application) => application.id);
    const code = applications[0]?.code ?? `C-${candidate.id}`;
    const email = `${code.toLowerCase()}@${ANONYMISED_DOMAIN}`;
    await this.repository.removeFiles(candidate, applicationIds);
    await this.repository.blankSubmissions(applicationIds);
    await this.repository.blankMail(candidate.email, email, keep);
    await this.repository.replaceMentions([candidate.name, candidate.email], code, keep);
    await this.repository.markAnonymised(candidate.id, code, email);
  }
}
