import type { PresentationCriterion } from './entities/presentation.entity.js';
import type { RubricCriterion } from './rubric-score.js';

/** The anchored rubric for the company-research presentation ("Crashing at the Finish", "Don't Be Creepy!"). */
export const PRESENTATION_RUBRIC: RubricCriterion<PresentationCriterion>[] = [
  {
    key: 'research',
    label: 'Depth of research',
    levels: [
      'Website basics only.',
      'Company and services, little on executives or customers.',
      'Company, executives, services and customers, accurately.',
      'Insight a customer would pay for: how the company makes money and where it is going.',
    ],
  },
  {
    key: 'customerHero',
    label: 'The customer is the hero',
    levels: [
      'All about the candidate or their old employer.',
      'Mentions the customer, but the story is about the seller.',
      'The customer’s situation drives the story.',
      'The customer’s goals and obstacles are the whole story; the seller is the guide.',
    ],
  },
  {
    key: 'outcomes',
    label: 'Outcomes, not process',
    levels: [
      'Features and activities only.',
      'Some outcomes, mostly process.',
      'Clear business outcomes.',
      'Measurable outcomes tied to the customer’s own goals.',
    ],
  },
  {
    key: 'connection',
    label: 'Emotional connection and poise',
    levels: [
      'Reads slides; no connection.',
      'Polite but flat; loses the room under questions.',
      'Engaging; handles questions calmly.',
      'The room leans in; questions become conversation.',
    ],
  },
  {
    key: 'opportunity',
    label: 'A concrete opportunity and next step',
    levels: [
      'No opportunity named.',
      'A vague opportunity.',
      'A clear opportunity with a next step.',
      'A specific opportunity, who to approach, and a next step the customer would accept.',
    ],
  },
  {
    key: 'fairUse',
    label: 'Fair use of information',
    levels: [
      'Uses personal details about people.',
      'Strays into personal details.',
      'Business facts only.',
      'Business facts only, and says where each came from.',
    ],
  },
];
