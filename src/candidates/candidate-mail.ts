import type { MailService, Meeting, TemplateMessage } from '../mail/mail.service.js';
import { candidateValues, type MessageKey, type TemplateValues } from '../mail/message-templates.js';
import type { Application, Stage } from './entities/application.entity.js';
import type { Candidate } from './entities/candidate.entity.js';

/** The only messages a closed application's candidate may still receive automatically: the news of the closing. */
const CLOSING_MESSAGES: Partial<Record<Stage, readonly MessageKey[]>> = {
  rejected: ['rejection-before-vetting', 'rejection-after-vetting', 'rejection-after-interview'],
  withdrawn: ['withdrawn'],
  hired: [],
};

/**
 * Whether Keeper may mail this template to the application's candidate on its own. Once the application is closed
 * (rejected, withdrawn, hired) nothing more goes out, except the message that tells them it closed. Every automatic
 * message to a candidate asks here first (sendCandidateTemplate, and the portal link's callers). An anonymised
 * candidate gets nothing at all: their address is gone (the erasure's own confirmation is queued before it).
 */
export function mayMailCandidate(
  application: Pick<Application, 'stage'> & { candidate?: Pick<Candidate, 'anonymisedAt'> | null },
  key: MessageKey,
): boolean {
  if (application.candidate?.anonymisedAt) return false;
  const allowed = CLOSING_MESSAGES[application.stage];
  return allowed === undefined || allowed.includes(key);
}

/** A template's values; `meeting` becomes {{when}}, written in the candidate's own zone. */
export type CandidateValues = TemplateValues & { meeting?: Meeting };

/**
 * Sends a template to the application's candidate (their name and the position's title filled in, dates in their
 * zone) unless mayMailCandidate refuses it; true when the message went to the outbox.
 */
export async function sendCandidateTemplate(
  mail: MailService,
  application: Application,
  key: MessageKey,
  { meeting, ...values }: CandidateValues = {},
  calendar?: TemplateMessage['calendar'],
): Promise<boolean> {
  if (!mayMailCandidate(application, key)) return false;
  await mail.sendTemplate({
    key,
    to: application.candidate.email,
    applicationId: application.id,
    values: { ...candidateValues(application.candidate.name, application.position.title), ...values },
    calendar,
    meeting,
    timeZone: application.candidate.timeZone,
  });
  return true;
}
