/** The question check's built-in word lists; admins extend them on the check words page (positions owns the lists). */
export interface ProtectedTopic {
  pattern: string;
  topic: string;
}

export interface QuestionCheckLists {
  backward: string[];
  protectedTopics: ProtectedTopic[];
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
