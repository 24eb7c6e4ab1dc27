import { DiscoveryService } from '@nestjs/core';
import type { User } from '../accounts/entities/user.entity.js';

/** What a section of the position page is given. */
export interface PositionPageContext {
  user: User;
  positionId: number;
}

/** A section of the position page contributed by a later step (a legal hold); null leaves it out. */
export interface PositionPageSectionProvider<M extends object = object> {
  load(context: PositionPageContext): Promise<M | null>;
}

/** Marks a provider as a section of the position page, drawn under its header by `partial`. */
export const PositionPageSection = DiscoveryService.createDecorator<{ partial: string; order: number }>();
