import type { WritingCriterion } from './entities/writing-grade.entity.js';
import type { RubricCriterion } from './rubric-score.js';

/** The anchored rubric for the writing test: what each level looks like, per criterion. */
export const WRITING_RUBRIC: RubricCriterion<WritingCriterion>[] = [
  {
    key: 'purpose',
    label: 'Purpose and clarity',
    levels: [
      'The reader cannot tell why they received it.',
      'The purpose appears, but late or blurred by detail.',
      'The purpose is clear early; most sentences serve it.',
      'The purpose is plain in the first lines and every sentence serves it.',
    ],
  },
  {
    key: 'structure',
    label: 'Structure',
    levels: [
      'No visible order; ideas jump.',
      'Some order, but paragraphs mix several points.',
      'Logical paragraphs, one point each.',
      'A structure the reader can scan: opening, substance, close.',
    ],
  },
  {
    key: 'mechanics',
    label: 'Grammar and mechanics',
    levels: [
      'Errors on most lines get in the way of meaning.',
      'Frequent errors that a careful reader notices.',
      'A few slips that do not distract.',
      'Clean: nothing distracts from the message.',
    ],
  },
  {
    key: 'tone',
    label: 'Tone and audience',
    levels: [
      'Wrong register for a business reader (too casual, pushy or stiff).',
      'Uneven: parts fit the reader, parts do not.',
      'Professional and suited to the reader.',
      'Speaks to this reader’s situation and interests: the customer is the hero.',
    ],
  },
  {
    key: 'callToAction',
    label: 'Call to action',
    levels: [
      'No next step.',
      'A vague next step (“let me know”).',
      'A clear next step.',
      'A specific, easy next step with a time, that the reader wants to take.',
    ],
  },
];

/** Replaces the candidate's own name and email in their text, so graders stay blind. */
export function maskCandidate(text: string, name: string, email: string): string {
  const escape = (value: string) => value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const local = email.split('@')[0];
  let masked = text.replace(new RegExp(escape(email), 'gi'), '[email]');
  for (const part of [local, name, ...name.split(/[\s.'’-]+/)].filter((part) => part.length >= 2)) {
    masked = masked.replace(new RegExp(`(?<![\\p{L}\\p{N}])${escape(part)}(?![\\p{L}\\p{N}])`, 'giu'), '[candidate]');
  }
  return masked;
}
