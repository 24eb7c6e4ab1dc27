import { DiscoveryService } from '@nestjs/core';
import type { User } from '../accounts/entities/user.entity.js';
import type { Application, Stage } from './entities/application.entity.js';

/*
 * The application page and the pipeline are a hub: later steps (vetting, interviews, hires) plug into them by
 * marking their own providers with these decorators. Candidates never imports a later step.
 */

/** What a section of the application page is given. `canManage`: the user may act on this application. */
export interface ApplicationContext {
  user: User;
  application: Application;
  canManage: boolean;
}

/** A section of the application page: loads its own data; null leaves the section out. */
export interface ApplicationSectionProvider<M extends object = object> {
  load(context: ApplicationContext): Promise<M | null>;
}

/**
 * Marks a provider as a section of the application page: `partial` is the Handlebars partial that draws it
 * (given the loaded model as its context; the page's own fields under `@root`), `order` its place on the page.
 */
export const ApplicationSection = DiscoveryService.createDecorator<{ partial: string; order: number }>();

/** A stage change, told to listeners inside its transaction: their writes commit or roll back with it. */
export interface StageChange {
  application: Application;
  from: Stage;
  to: Stage;
  user: User;
}

export interface StageListener {
  onStageChange(change: StageChange): Promise<void>;
}

/** Marks a provider that reacts to stage changes (e.g. a closed application's portal link stops working). */
export const OnStageChange = DiscoveryService.createDecorator<{ order?: number }>();

/** A condition an application must meet before it may enter a stage (the vetting gate before Interview). */
export interface StageGate {
  readonly before: Stage;
  check(application: Application): Promise<{ passed: boolean; unmet: string[] }>;
}

export const StageGateProvider = DiscoveryService.createDecorator<{ order?: number }>();

/** Small marks on a board card, always with their state in words. */
export interface CardMark {
  short: string;
  label: string;
  status: 'pass' | 'fail' | 'pending';
  text: string;
}

export interface BoardMarksProvider {
  /** Marks for the given applications of one position, in one batch (constant queries). */
  marksFor(positionId: number, applicationIds: number[]): Promise<Map<number, CardMark[]>>;
}

export const BoardMarks = DiscoveryService.createDecorator<{ order?: number }>();

/** What a section of the candidate page (`/candidates/:id`) is given. */
export interface CandidatePageContext {
  user: User;
  candidateId: number;
}

/** A section of the candidate page contributed by a later step (a legal hold); null leaves it out. */
export interface CandidatePageSectionProvider<M extends object = object> {
  load(context: CandidatePageContext): Promise<M | null>;
}

/** Marks a provider as a section of the candidate page, drawn under its header by `partial`. */
export const CandidatePageSection = DiscoveryService.createDecorator<{ partial: string; order: number }>();
