import type { Stage } from './entities/application.entity.js';
import type { StageGroup } from './entities/rejection-reason.entity.js';

/** Where an application may go from each stage. Rejected and withdrawn are final. */
const NEXT: Record<Stage, Stage[]> = {
  applied: ['vetting', 'rejected', 'withdrawn'],
  vetting: ['interview', 'rejected', 'withdrawn'],
  interview: ['decision', 'rejected', 'withdrawn'],
  decision: ['offer', 'rejected', 'withdrawn'],
  // Hired only by accepting a recorded offer (hires), which creates the new hire's account and plans.
  offer: ['rejected', 'withdrawn'],
  hired: [],
  rejected: [],
  withdrawn: [],
};

/** The stage machine's questions, asked here rather than with literal lists in controllers and templates. */
export const stages = {
  next: (stage: Stage): Stage[] => NEXT[stage],
  canMove: (from: Stage, to: Stage): boolean => NEXT[from].includes(to),
  /** Closed: the candidate is no longer in the process (the portal link stops working). */
  isClosed: (stage: Stage): boolean => stage === 'rejected' || stage === 'withdrawn' || stage === 'hired',
  /** Panel interviews are scheduled and decided while the application is in Interview or Decision. */
  isSchedulable: (stage: Stage): boolean => stage === 'interview' || stage === 'decision',
  /** The offer section is shown from Offer on (and after a withdrawal, for the record). */
  hasOfferStage: (stage: Stage): boolean => stage === 'offer' || stage === 'hired' || stage === 'withdrawn',
  /** Which rejection reasons and which rejection message fit an application rejected from this stage. */
  rejectionGroup: (stage: Stage): Exclude<StageGroup, 'any'> =>
    stage === 'applied' ? 'before-vetting' : stage === 'vetting' ? 'after-vetting' : 'after-interview',
};
