import type { DiscoveryService } from '@nestjs/core';
import type { DiscoverableDecorator } from '@nestjs/core/discovery/discovery-service.js';

/**
 * What later modules contribute to an earlier one (a section of the application page, a listener to a stage
 * change): providers marked with the earlier module's decorator, found at start-up and sorted by `order`.
 * The earlier module never imports the later ones; it only knows the decorator it exported.
 */
export function contributionsOf<T, M extends { order?: number }>(
  discovery: DiscoveryService,
  decorator: DiscoverableDecorator<M>,
): { instance: T; meta: M }[] {
  return discovery
    .getProviders({ metadataKey: decorator.KEY })
    .filter((wrapper) => wrapper.instance)
    .map((wrapper) => ({
      instance: wrapper.instance as T,
      meta: discovery.getMetadataByDecorator(decorator, wrapper) as M,
    }))
    .sort((a, b) => (a.meta.order ?? 0) - (b.meta.order ?? 0));
}

/** A page section someone contributed: loads its own model for the page's context, or null to stay out. */
export interface SectionProvider<C> {
  load(context: C): Promise<object | null>;
}

/** Loads every contributed section for one page, in order, as `{ partial, model }` for `{{> (lookup . "partial") model}}`. */
export async function loadSections<C>(
  sections: { instance: SectionProvider<C>; meta: { partial: string } }[],
  context: C,
): Promise<{ partial: string; model: object }[]> {
  const models = await Promise.all(sections.map(({ instance }) => instance.load(context)));
  return sections.flatMap(({ meta }, index) => {
    const model = models[index];
    return model === null ? [] : [{ partial: meta.partial, model }];
  });
}
