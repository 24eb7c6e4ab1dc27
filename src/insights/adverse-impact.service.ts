import { Injectable } from '@nestjs/common';
import type { User } from '../accounts/entities/user.entity.js';
import { DECLINED, DIMENSIONS, QUESTIONS, type Dimension } from '../self-identification/self-identification.js';
import { adverseImpact, rowsToHide, type ImpactRow } from './adverse-impact.js';
import { AdverseImpactRepository, STEPS, type AdverseImpactFilter, type Step } from './adverse-impact.repository.js';
import { InsightsAccess } from './insights.access.js';
import { InsightsRepository } from './insights.repository.js';

/** What each step counts: who is an applicant at it, and who is selected. Shown on the page, the CSV and the README. */
export const STEP_DEFINITIONS: Record<Step, { label: string; applicants: string; selected: string }> = {
  assessment: {
    label: 'External assessment',
    applicants: 'applications with an external assessment recorded',
    selected: 'passed it: eligibility and suitability at or above the position’s pass marks',
  },
  writing: {
    label: 'Writing test',
    applicants: 'writing tests submitted and graded by every assigned blind grader (at least two)',
    selected: 'passed: the mean grade at or above the position’s pass mark',
  },
  presentation: {
    label: 'Research presentation',
    applicants: 'presentations scored by every assigned evaluator (at least two)',
    selected: 'passed: the mean score at or above the position’s pass mark',
  },
  interview: {
    label: 'Interview',
    applicants:
      'applications that reached Interview (stage history) and were decided: went on to Offer, or were rejected (withdrawn and still open left out)',
    selected: 'went on to Offer (the debrief’s hire decision)',
  },
  offer: {
    label: 'Offer',
    applicants: 'applications that reached Offer and whose offer was answered: hired, declined (withdrawn) or rejected',
    selected: 'hired (accepted the offer)',
  },
};

export const NOT_DISCLOSED = 'Not disclosed (no answer, or “I don’t wish to answer”)';

export interface DimensionTable {
  dimension: Dimension;
  title: string;
  rows: ImpactRow[];
  /** Applicants who did not say: counted, never compared. */
  undisclosed: { applicants: number | null; selected: number | null; tooFew: boolean };
}

export interface StepReport {
  step: Step;
  label: string;
  applicantsMeaning: string;
  selectedMeaning: string;
  total: number;
  dimensions: DimensionTable[];
}

/** The adverse-impact report: per selection step and dimension, each group's selection rate against the highest. */
@Injectable()
export class AdverseImpactService {
  constructor(
    private readonly repository: AdverseImpactRepository,
    private readonly insights: InsightsRepository,
    private readonly access: InsightsAccess,
  ) {}

  /** Every position, for the filter (the report covers them all). */
  positionChoices(user: User) {
    this.access.requireAdverseImpact(user);
    return this.insights.positionChoices('all');
  }

  async report(user: User, filter: AdverseImpactFilter): Promise<StepReport[]> {
    this.access.requireAdverseImpact(user);
    const counts = await this.repository.stepCounts(filter);
    return STEPS.map((step) => {
      const atStep = counts.filter((count) => count.step === step);
      const sum = (rows: typeof atStep, key: 'applicants' | 'selected') =>
        rows.reduce((total, row) => total + Number(row[key] ?? 0), 0);
      const dimensions = DIMENSIONS.map((dimension) => {
        const question = QUESTIONS.find((item) => item.dimension === dimension)!;
        const groups = question.choices
          .filter((choice) => choice.value !== DECLINED)
          .map((choice) => {
            const rows = atStep.filter((row) => row[dimension] === choice.value);
            return { group: choice.group, applicants: sum(rows, 'applicants'), selected: sum(rows, 'selected') };
          });
        const silent = atStep.filter((row) => row[dimension] === null || row[dimension] === DECLINED);
        const silentApplicants = sum(silent, 'applicants');
        const hide = rowsToHide(
          groups.map((group) => group.applicants),
          silentApplicants,
        );
        const tooFew = hide.undisclosed;
        return {
          dimension,
          title: question.title,
          rows: adverseImpact(groups.map((group, index) => ({ ...group, suppressed: hide.groups[index] }))),
          undisclosed: {
            applicants: tooFew ? null : silentApplicants,
            selected: tooFew ? null : sum(silent, 'selected'),
            tooFew,
          },
        };
      });
      const { label, applicants, selected } = STEP_DEFINITIONS[step];
      return {
        step,
        label,
        applicantsMeaning: applicants,
        selectedMeaning: selected,
        total: sum(atStep, 'applicants'),
        dimensions,
      };
    });
  }
}
