import { DiscoveryService } from '@nestjs/core';
import type { Application } from '../candidates/entities/application.entity.js';

/** A section of the candidate's portal contributed by a later step (e.g. their upcoming interview). */
export interface PortalSectionProvider<M extends object = object> {
  /** What the candidate may see of this step; null leaves the section out. Nothing internal, ever. */
  load(application: Application): Promise<M | null>;
}

/**
 * Marks a portal section: `partial` draws it with the loaded model as context, `order` places it; `place: 'end'`
 * puts it after the position (e.g. the candidate's own data) instead of above their tasks.
 */
export const PortalSection = DiscoveryService.createDecorator<{ partial: string; order: number; place?: 'end' }>();
