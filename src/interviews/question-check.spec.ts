import { checkQuestion, DEFAULT_BACKWARD_PHRASES, DEFAULT_PROTECTED_TOPICS } from './question-check.js';

const lists = { backward: DEFAULT_BACKWARD_PHRASES, protectedTopics: DEFAULT_PROTECTED_TOPICS };

describe(checkQuestion.name, () => {
  it('refuses a question about children, saying why', () => {
    const sut = checkQuestion('How old are your children?', lists);
    expect(sut.filter((issue) => issue.severity === 'error').map((issue) => issue.message)).toEqual([
      expect.stringContaining('touches age'),
      expect.stringContaining('“children” touches children or pregnancy'),
    ]);
  });

  it('warns about backward-looking phrasing without refusing it', () => {
    const sut = checkQuestion('Tell me about a time you closed a big deal.', lists);
    expect(sut).toEqual([
      { severity: 'warning', message: expect.stringContaining('“tell me about a time” looks backward') },
    ]);
  });

  it('passes a forward-looking question and does not match inside other words', () => {
    expect(checkQuestion('How would you win a first meeting with a CFO who has never heard of us?', lists)).toEqual([]);
    expect(checkQuestion('What would you do in week one to map the accounts of a clinic group?', lists)).toEqual([]);
    expect(checkQuestion('How would you approach a prospect whose renewal is in May?', lists)).toEqual([]);
  });

  it('uses what admins add', () => {
    const sut = checkQuestion('Are you a smoker?', {
      backward: [],
      protectedTopics: [{ pattern: 'smoker', topic: 'health or disability' }],
    });
    expect(sut[0].severity).toBe('error');
  });
});
