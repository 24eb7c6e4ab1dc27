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
