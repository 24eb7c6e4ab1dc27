/**
 * The messages Keeper sends to candidates, one per event, with their default text. An admin may change a template's
 * subject and body in Settings → Messages (the changed ones are kept in message_templates); the defaults live here.
 * Every template may use the placeholders it lists, written {{name}}, and {{#if name}}…{{else}}…{{/if}}.
 * None of them may carry internal reasons, scores or notes: no placeholder offers them.
 */

export const PLACEHOLDERS = {
  candidateFirstName: 'The candidate’s first name',
  candidateName: 'The candidate’s full name',
  positionTitle: 'The title of the position they applied for',
  companyName: 'Your company’s name, as set in Settings',
  portalLink: 'The link to the candidate’s private page (a new link: the previous one stops working)',
  portalDays: 'How many days the private link works',
  agencyName: 'The agency that put the candidate forward, empty when they applied themselves',
  when: 'The date and time, with the time zone',
  place: 'Where it takes place: an address or a video-call link',
  panel: 'The names of the people the candidate will meet',
  refusalReason: 'Why the company must keep their data for now, in plain words',
} as const;

export type Placeholder = keyof typeof PLACEHOLDERS;
export type TemplateValues = Partial<Record<Placeholder, string | number | null>>;

export const MESSAGE_STAGES = ['Applying', 'Vetting', 'Interviews', 'Decision', 'Your data'] as const;
export type MessageStage = (typeof MESSAGE_STAGES)[number];

export const MESSAGE_KEYS = [
  'application-received',
  'application-again',
  'application-closed-again',
  'portal-link',
  'writing-test-invitation',
  'presentation-scheduled',
  'presentation-changed',
  'presentation-cancelled',
  'interview-scheduled',
  'interview-changed',
  'interview-cancelled',
  'interview-reminder',
  'rejection-before-vetting',
  'rejection-after-vetting',
  'rejection-after-interview',
  'offer-sent',
  'withdrawn',
  'erasure-done',
  'erasure-refused',
] as const;
export type MessageKey = (typeof MESSAGE_KEYS)[number];

/** Messages sent to a person whose data is being erased: the outbox forgets their address once delivered. */
export const FORGET_ONCE_SENT: readonly MessageKey[] = ['erasure-done'];

export interface MessageTemplateDefinition {
  key: MessageKey;
  label: string;
  stage: MessageStage;
  /** When Keeper sends it, in the admin's words. */
  when: string;
  placeholders: Placeholder[];
  subject: string;
  body: string;
}

const PERSON: Placeholder[] = ['candidateFirstName', 'candidateName', 'positionTitle', 'companyName'];
const PORTAL: Placeholder[] = [...PERSON, 'portalLink', 'portalDays'];
const MEETING: Placeholder[] = [...PERSON, 'when', 'place', 'panel'];

const SIGNATURE = '— The hiring team at {{companyName}}';

export const MESSAGE_TEMPLATES: readonly MessageTemplateDefinition[] = [
  {
    key: 'application-received',
    label: 'Application received',
    stage: 'Applying',
    when: 'When a candidate applies on the careers site or an agency puts them forward. Carries their private link.',
    placeholders: [...PORTAL, 'agencyName'],
    subject: 'We have your application for {{positionTitle}}',
    body: `Hello {{candidateFirstName}},

{{#if agencyName}}{{agencyName}} has put you forward for the {{positionTitle}} position at {{companyName}}, and we have your application.{{else}}Thank you for applying for the {{positionTitle}} position at {{companyName}}. We have your application.{{/if}}

The hiring manager reads every application. Before any interview, we ask candidates to complete a few short steps (a writing test, and for some positions an assessment and a short presentation about our company); your private page tells you when they open.

Follow your application on your private page (the link works for {{portalDays}} days; please do not share it):
{{portalLink}}

${SIGNATURE}`,
  },
  {
    key: 'application-again',
    label: 'Applied again',
    stage: 'Applying',
    when: 'When someone applies again to a position their application is still open for. Carries a new private link.',
    placeholders: PORTAL,
    subject: 'Your application for {{positionTitle}}',
    body: `Hello {{candidateFirstName}},

You have already applied for the {{positionTitle}} position at {{companyName}}, so we have not made a second application. Your earlier link no longer works; here is a new one.

Follow your application on your private page (the link works for {{portalDays}} days; please do not share it):
{{portalLink}}

${SIGNATURE}`,
  },
  {
    key: 'application-closed-again',
    label: 'Applied again after the application closed',
    stage: 'Applying',
    when: 'When someone applies again to a position their earlier application for is closed.',
    placeholders: PERSON,
    subject: 'Your application for {{positionTitle}}',
    body: `Hello {{candidateFirstName}},

You have applied for the {{positionTitle}} position at {{companyName}} before, and that application is closed, so we have not made a new one. Thank you for your continued interest: other open positions are on our careers page, and we would be glad to hear from you there.

${SIGNATURE}`,
  },
  {
    key: 'portal-link',
    label: 'Portal link',
    stage: 'Vetting',
    when: 'When the hiring team sends the candidate their private page (Send the portal link on the application page).',
    placeholders: PORTAL,
    subject: 'Your next steps for {{positionTitle}}',
    body: `Hello {{candidateFirstName}},

Thank you for your interest in the {{positionTitle}} position at {{companyName}}. Before any interview, we ask every candidate to complete a few steps, starting with a short writing test. They are the same for everyone, and they let you show how you would do the work rather than how you interview.

Your private page, with the position description and your tasks (the link works for {{portalDays}} days; please do not share it):
{{portalLink}}

${SIGNATURE}`,
  },
  {
    key: 'writing-test-invitation',
    label: 'Writing test invitation',
    stage: 'Vetting',
    when: 'When the writing test opens for the candidate.',
    placeholders: PORTAL,
    subject: 'Your writing test for {{positionTitle}}',
    body: `Hello {{candidateFirstName}},

Your writing test for the {{positionTitle}} position is open. It is a short piece about the work itself; write it when you have a quiet moment, in your own words. Graders read it without your name.

Start on your private page:
{{portalLink}}

${SIGNATURE}`,
  },
  meeting(
    'presentation-scheduled',
    'Presentation session scheduled',
    'Vetting',
    'When the research-presentation session is scheduled; with a calendar invitation.',
    {
      subject: 'Your research presentation for {{positionTitle}}: {{when}}',
      opening:
        'Thank you for preparing your research presentation for the {{positionTitle}} position. We have set a time to hear it.',
      closing:
        'Twenty minutes about what you found is plenty; we will ask a few questions afterwards. The invitation is attached: add it to your calendar. If the time does not suit you, reply to this message and we will find another.',
    },
  ),
  meeting(
    'presentation-changed',
    'Presentation session changed',
    'Vetting',
    'When the research-presentation session moves; with the updated calendar invitation.',
    {
      subject: 'New time for your research presentation: {{when}}',
      opening:
        'The session for your research presentation for the {{positionTitle}} position has changed. The new details:',
      closing:
        'The updated invitation is attached and replaces the earlier one in your calendar. We are sorry for the change.',
    },
  ),
  cancelled('presentation-cancelled', 'Presentation session cancelled', 'Vetting', 'research presentation session'),
  meeting(
    'interview-scheduled',
    'Interview scheduled',
    'Interviews',
    'When a panel interview is scheduled; with a calendar invitation.',
    {
      subject: 'Interview for {{positionTitle}} at {{companyName}}: {{when}}',
      opening: 'We would like to meet you for an interview for the {{positionTitle}} position.',
      closing:
        'We will talk through the first-year development plan you have read on your private page, and ask how you would approach the work. Bring your own questions too. The invitation is attached: add it to your calendar. If the time does not suit you, reply to this message and we will find another.',
    },
  ),
  meeting(
    'interview-changed',
    'Interview changed',
    'Interviews',
    'When a scheduled interview moves or its panel changes; with the updated calendar invitation.',
    {
      subject: 'Your interview for {{positionTitle}} has changed: {{when}}',
      opening: 'Your interview for the {{positionTitle}} position has changed. The new details:',
      closing:
        'The updated invitation is attached and replaces the earlier one in your calendar. We are sorry for the change.',
    },
  ),
  cancelled('interview-cancelled', 'Interview cancelled', 'Interviews', 'interview'),
  meeting('interview-reminder', 'Interview reminder', 'Interviews', 'The day before an interview.', {
    subject: 'Tomorrow: your interview for {{positionTitle}}',
    opening: 'A short reminder: we look forward to meeting you tomorrow for the {{positionTitle}} position.',
    closing: 'If something has come up, reply to this message and we will find another time.',
  }),
  rejection(
    'rejection-before-vetting',
    'Rejection before vetting',
    'When an application is declined before the candidate started the vetting steps.',
    'We have read your application carefully, and we will not be taking it further for this position.',
  ),
  rejection(
    'rejection-after-vetting',
    'Rejection after vetting',
    'When an application is declined after the vetting steps (writing test, assessment, presentation).',
    'Thank you for the time and care you put into the steps we asked of you. We have looked at them closely, and we will not be taking your application further for this position.',
  ),
  rejection(
    'rejection-after-interview',
    'Rejection after the interview',
    'When an application is declined after the panel interview.',
    'Thank you for meeting us, and for the thought you brought to the conversation. It was a close decision, and we will not be offering you the position this time.',
  ),
  {
    key: 'offer-sent',
    label: 'Offer sent',
    stage: 'Decision',
    when: 'When an offer is recorded for the candidate.',
    placeholders: PORTAL,
    subject: 'An offer from {{companyName}}: {{positionTitle}}',
    body: `Hello {{candidateFirstName}},

We are delighted to offer you the {{positionTitle}} position at {{companyName}}. Everyone you met was impressed, and we would love you to join us.

The details of the offer and your first-year development plan are on your private page:
{{portalLink}}

Take the time you need, and ask us anything: reply to this message.

${SIGNATURE}`,
  },
  {
    key: 'withdrawn',
    label: 'Withdrawal confirmed',
    stage: 'Decision',
    when: 'When the candidate withdraws, or the hiring team records their withdrawal. The last message they receive.',
    placeholders: PERSON,
    subject: 'Your application for {{positionTitle}} is withdrawn',
    body: `Hello {{candidateFirstName}},

As you asked, we have withdrawn your application for the {{positionTitle}} position at {{companyName}}. We will not write to you about it again.

Thank you for the time you gave us. If your plans change, we would be glad to hear from you again.

${SIGNATURE}`,
  },
  {
    key: 'erasure-done',
    label: 'Data erased',
    stage: 'Your data',
    when: 'When an admin confirms a candidate’s request to erase their data. Sent just before the erasure; the last message they receive.',
    placeholders: ['candidateFirstName', 'companyName'],
    subject: 'We have erased your data',
    body: `Hello {{candidateFirstName}},

As you asked, we have erased your personal data from our hiring system: your name, contact details, documents, answers and the messages we exchanged. What remains is an anonymous record of the steps of your application, which we keep for our hiring statistics and cannot be traced back to you.

Your private page no longer works, and we will not write to you again.

${SIGNATURE}`,
  },
  {
    key: 'erasure-refused',
    label: 'Erasure refused',
    stage: 'Your data',
    when: 'When an admin refuses a candidate’s request to erase their data, with the legal reason.',
    placeholders: ['candidateFirstName', 'companyName', 'refusalReason'],
    subject: 'Your request to erase your data',
    body: `Hello {{candidateFirstName}},

Thank you for your request to erase your data. We are not able to erase it yet, for this reason:

{{refusalReason}}

We keep your data only as long as we must, and we will erase it once the reason no longer applies. If you have a question, reply to this message.

${SIGNATURE}`,
  },
];

export function messageTemplate(key: string): MessageTemplateDefinition | undefined {
  return MESSAGE_TEMPLATES.find((template) => template.key === key);
}

/** What the preview shows: the demo candidate Hana Sato, as she would receive the message. */
export const PREVIEW_VALUES: Required<TemplateValues> = {
  candidateFirstName: 'Hana',
  candidateName: 'Hana Sato',
  positionTitle: 'Account Executive, Enterprise',
  companyName: 'Our company',
  portalLink: 'https://keeper.example.com/portal/example-private-link',
  portalDays: 30,
  agencyName: '',
  when: 'Thu 3 Dec 2026, 22:30–23:30 (Asia/Tokyo)',
  place: 'https://meet.example.com/keeper-panel',
  panel: 'Morgan Lee, Alice Chen',
  refusalReason: 'The law requires us to keep hiring records for at least one year after the hiring decision.',
};

function meeting(
  key: MessageKey,
  label: string,
  stage: MessageStage,
  when: string,
  text: { subject: string; opening: string; closing: string },
): MessageTemplateDefinition {
  return {
    key,
    label,
    stage,
    when,
    placeholders: MEETING,
    subject: text.subject,
    body: `Hello {{candidateFirstName}},

${text.opening}

When:  {{when}}
Where: {{place}}
You will meet: {{panel}}

${text.closing}

${SIGNATURE}`,
  };
}

function cancelled(key: MessageKey, label: string, stage: MessageStage, what: string): MessageTemplateDefinition {
  return {
    key,
    label,
    stage,
    when: `When the ${what} is cancelled; with a calendar cancellation.`,
    placeholders: MEETING,
    subject: `Your ${what} for {{positionTitle}} on {{when}} is cancelled`,
    body: `Hello {{candidateFirstName}},

We have had to cancel your ${what} for the {{positionTitle}} position on {{when}}. We are sorry for the change of plan. The attached update removes it from your calendar.

We will write to you soon about what happens next.

${SIGNATURE}`,
  };
}

function rejection(key: MessageKey, label: string, when: string, decision: string): MessageTemplateDefinition {
  return {
    key,
    label,
    stage: 'Decision',
    when,
    placeholders: PERSON,
    subject: 'Your application for {{positionTitle}} at {{companyName}}',
    body: `Hello {{candidateFirstName}},

Thank you for your interest in the {{positionTitle}} position at {{companyName}}. ${decision}

We know this is not the news you hoped for. We would be glad to hear from you again when another position suits you; our careers page lists them.

We wish you every success.

${SIGNATURE}`,
  };
}

/** The placeholders every template offers, from the candidate's name and the position's title. */
export function candidateValues(candidateName: string, positionTitle: string): TemplateValues {
  return {
    candidateFirstName: candidateName.trim().split(/\s+/)[0] ?? candidateName,
    candidateName,
    positionTitle,
  };
}
