import { ROLE_LABELS } from '../accounts/role.js';
import type { User } from '../accounts/entities/user.entity.js';
import type { Decision, Interview, Panelist } from './entities/interview.entity.js';
import type { Question } from './entities/question.entity.js';
import { TIME_ZONES } from './interview-time.js';
import type { SavedScorecard } from './panel.service.js';

export const RUBRIC_LEVELS = ['Poor', 'Mixed', 'Good', 'Excellent'];

export const DECISION_EFFECTS: Record<Decision, string> = {
  hire: 'The application moves to Offer.',
  'no-hire': 'The application is rejected with the reason below.',
  hold: 'The application stays in Interview; you can add another round.',
};

export const QUESTION_TYPES = [
  { value: 'hypothetical', label: 'Forward-looking: “What would you do…?”' },
  { value: 'behavioral', label: 'Behavioral: about something they did' },
];

export const VETTING_STEPS = [
  { key: 'assessment', label: 'Assessment' },
  { key: 'writing', label: 'Writing test' },
  { key: 'presentation', label: 'Presentation' },
];

export const questionValues = (question: Question) => ({
  text: question.text,
  type: question.type,
  probes: question.probes ?? '',
  followUps: question.followUps ?? '',
  rubric1: question.rubric[0],
  rubric2: question.rubric[1],
  rubric3: question.rubric[2],
  rubric4: question.rubric[3],
});

export function interviewSummary(interview: Interview) {
  const { candidate, position } = interview.application;
  return {
    id: interview.id,
    round: interview.round,
    // Shown with {{meeting startsAt durationMinutes}}: in the viewer's zone, not the scheduler's.
    startsAt: interview.startsAt,
    durationMinutes: interview.durationMinutes,
    dueAt: interview.scorecardsDueAt,
    location: interview.location,
    isLink: /^https?:\/\//.test(interview.location),
    cancelled: Boolean(interview.cancelledAt),
    candidate: { id: candidate.id, name: candidate.name },
    position: { id: position.id, title: position.title },
    applicationId: interview.applicationId,
  };
}

/** Who sits on the panel and how far each has got: never their scores. */
export function panelStatus(panelists: Panelist[]) {
  return panelists.map((seat) => ({
    name: seat.user.name,
    lead: seat.lead,
    preparedAt: seat.preparedAt,
    submittedAt: seat.submittedAt,
  }));
}

/** The scheduling form's shared part: the zones and the people who may sit on a panel, chosen as posted or stored. */
export function panelPicker(
  people: User[],
  stored: { panelistIds: number[]; leadId: string },
  posted: Record<string, unknown> | null,
) {
  const chosen = posted ? [posted.panelistIds ?? []].flat().map(Number) : stored.panelistIds;
  const lead = posted ? String((posted.leadId as string | undefined) ?? '') : stored.leadId;
  return {
    timeZones: TIME_ZONES.map((zone) => ({ value: zone, label: zone.replaceAll('_', ' ') })),
    people: people.map((person) => ({
      id: person.id,
      name: person.name,
      roles: person.roles.map((role) => ROLE_LABELS[role]).join(', '),
      chosen: chosen.includes(person.id),
      lead: lead === String(person.id),
    })),
  };
}

/** What to tell the panelist after saving their scorecard, and where to send them. */
export function scorecardSaved(interviewId: number, { submitted, changes, seat }: SavedScorecard) {
  if (submitted)
    return {
      message: 'Scorecard submitted. The debrief opens when every panelist has submitted theirs.',
      location: `/interviews/${interviewId}`,
    };
  if (seat.submittedAt)
    return {
      message: changes
        ? `Scorecard changed (${changes} ${changes === 1 ? 'change' : 'changes'}, kept in the history the debrief shows).`
        : 'Nothing changed.',
      location: `/interviews/${interviewId}`,
    };
  return { message: 'Draft saved. Only you can see it.', location: `/interviews/${interviewId}/scorecard` };
}
