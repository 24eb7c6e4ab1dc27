import { DiscoveryService } from '@nestjs/core';
import type { User } from '../accounts/entities/user.entity.js';
import type { Candidate } from './entities/candidate.entity.js';

/** What a section of the candidate page (`/candidates/:id`) is given. */
export interface CandidatePageContext {
  user: User;
  candidate: Candidate;
}

/** A section of the candidate page from a later module (e.g. exporting the candidate's data); null leaves it out. */
export interface CandidatePageSectionProvider<M extends object = object> {
  load(context: CandidatePageContext): Promise<M | null>;
}

/**
 * Marks a provider as a section of the candidate page: `partial` draws it with the loaded model, `order` places it —
 * below HEAD_SECTIONS_BELOW under the page header (a status, such as a legal hold), from it on after the applications.
 */
export const CandidatePageSection = DiscoveryService.createDecorator<{ partial: string; order: number }>();

/** Sections ordered below this sit under the candidate page's header; the others follow the applications. */
export const HEAD_SECTIONS_BELOW = 50;
