/**
 * The question check: backward-looking phrasing is a warning (the method asks "what would you do"),
 * questions touching protected or personal topics are errors with the reason. Admins extend both lists.
 */
import type { QuestionCheckLists } from '../positions/check-lists.js';

export {
  DEFAULT_BACKWARD_PHRASES,
  DEFAULT_PROTECTED_TOPICS,
  type ProtectedTopic,
  type QuestionCheckLists,
} from '../positions/check-lists.js';

export interface QuestionIssue {
  severity: 'error' | 'warning';
  message: string;
}

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
