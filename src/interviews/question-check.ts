/**
 * The question check: backward-looking phrasing is a warning (the method asks "what would you do"),
 * questions touching protected or personal topics are errors with the reason. Admins extend both lists.
 */
export interface ProtectedTopic {
  pattern: string;
  topic: string;
}

export interface QuestionCheckLists {
  backward: string[];
  protectedTopics: ProtectedTopic[];
}

export interface QuestionIssue {
  severity: 'error' | 'warning';
  message: string;
}

export const DEFAULT_BACKWARD_PHRASES = [
  'tell me about a time',
  'what have you done',
  'describe your experience',
  'in your last job',
  'in your previous role',
  'in your current role',
  'give me an example of when',
  'walk me through your background',
  'how many years',
  'what was your biggest',
];

/** Words or stems that mark each protected topic; matched as whole words, case-insensitive. */
export const DEFAULT_PROTECTED_TOPICS: ProtectedTopic[] = [
  { pattern: 'how old|your age|year of birth|born in|birth year|date of birth', topic: 'age' },
  {
    pattern: 'married|marital|spouse|husband|wife|partner at home|single parent|divorced',
    topic: 'marital or family status',
  },
  {
    pattern: 'children|kids|pregnant|pregnancy|maternity|plan to have|childcare|family plans',
    topic: 'children or pregnancy',
  },
  { pattern: 'religion|religious|church|mosque|synagogue|temple|pray|faith', topic: 'religion' },
  {
    pattern: 'disability|disabled|illness|medical condition|health condition|sick days|medication|mental health',
    topic: 'health or disability',
  },
  {
    pattern: 'where are you from|nationality|citizenship|citizen|native language|accent|country of origin|ethnic',
    topic: 'national origin or citizenship beyond work authorization',
  },
  { pattern: 'race|racial|skin colou?r', topic: 'race' },
  { pattern: 'sexual orientation|gay|lesbian|straight|boyfriend|girlfriend', topic: 'sexual orientation' },
  { pattern: 'political|politics|vote|voted|party member|union member', topic: 'political affiliation' },
  { pattern: 'arrested|arrest record|criminal record|been to jail', topic: 'arrest record' },
];

export function checkQuestion(text: string, lists: QuestionCheckLists): QuestionIssue[] {
  const issues: QuestionIssue[] = [];
  const lower = text.toLowerCase();
  for (const { pattern, topic } of lists.protectedTopics) {
    const match = new RegExp(`(?<![\\p{L}])(${pattern})(?![\\p{L}])`, 'iu').exec(text);
    if (match) {
      issues.push({
        severity: 'error',
        message: `“${match[1]}” touches ${topic}, a protected or personal topic that may not be asked about in an interview. Ask about what the person would do in the job instead.`,
      });
    }
  }
  for (const phrase of lists.backward) {
    if (lower.includes(phrase.toLowerCase())) {
      issues.push({
        severity: 'warning',
        message: `“${phrase}” looks backward. The method prefers forward-looking questions: “What would you do…?”, “How would you handle…?”`,
      });
    }
  }
  return issues;
}
