/** README.txt inside the ZIP: what each part is, and what is left out and why (GDPR Art. 15(4): others' rights). */
export function exportReadme(
  companyName: string,
  requestedBy: 'candidate' | 'administrator',
  exportedAt: Date,
): string {
  const selfId =
    requestedBy === 'candidate'
      ? ['    selfIdentification  your voluntary self-identification answers, if you gave any.']
      : [
          '    (Your voluntary self-identification answers are not in an export made by staff: nobody at',
          '    the company reads them one by one. Download your data from your private page to get them.)',
        ];
  return [
    `Your data held by ${companyName}`,
    `Exported ${exportedAt.toISOString()} (UTC).`,
    '',
    'This archive holds everything our hiring system keeps about you as a candidate.',
    '',
    'data.json (UTF-8 JSON; times in UTC, ISO 8601)',
    '  profile         your name, email, phone, where you live, your time zone, where we first',
    '                  met you (source), when you agreed that we keep your data, your resume.',
    '  applications    one entry per position you applied to:',
    '    position, appliedAt, stage, stageHistory   where the application stands and every move, with dates.',
    '    privacyNotice   the version of our privacy notice you accepted, and when.',
    '    rejection       if the application was declined: the message we wrote to you about it.',
    '    answers         your written answers to the outcome questions.',
    '    vetting         the external assessment recorded about you (scores and the pass marks),',
    '                    your writing test (the prompt and your text) and its result (the mean',
    '                    level the graders gave, out of 4), your research presentation (the deck',
    '                    and the session) and its result.',
    '    interviews      when and where, how long, and whom you were to meet.',
    '    offers          an offer we made you, its terms and your answer.',
    ...selfId,
    '    messages        every message we wrote to you about the application, with its text.',
    '  files           the list of your files in this archive.',
    '',
    'files/            your resume, presentation decks and assessment reports, as stored.',
    '',
    'What is not in this archive, and why:',
    '  - Notes, scorecards, ratings and comments written by our interviewers, graders and',
    '    evaluators, and the hiring team’s discussion and decision rationale: they are the',
    '    personal opinions of those colleagues, kept so that each judges independently; giving',
    '    them out would affect their rights (GDPR Art. 15(4)). The results we act on — the mean',
    '    levels of the writing test and the presentation, and your assessment scores — are included.',
    '  - Internal notes about you on your record, and the internal reason chosen when an',
    '    application was declined: you get what we wrote to you.',
    '  - Our interview questions, rubrics and grading aids: they are the company’s, not data about you.',
    '  - A message that was scheduled but not yet sent, or cancelled before it went.',
    '  - Other people’s data: other candidates and members of staff (except the names of the',
    '    people you were to meet).',
    '  - The audit trail of who opened your record: it holds no data about you beyond dates and',
    '    ids; ask us if you want to know who accessed your data.',
    '',
    `Questions, corrections or a request to delete your data: write to ${companyName}'s hiring team.`,
    '',
  ].join('\r\n');
}
