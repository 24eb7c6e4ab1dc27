import type { Request } from 'express';

/** Nest's own 404 for a request no route matched: "Cannot POST /positions/3". */
const ROUTE_MISS = /^Cannot [A-Z]+ \//;

interface RouteLayer {
  route?: { methods: Record<string, boolean> };
  match(path: string): boolean;
}

/** Whether Nest raised this 404 because no route matched (not the app, about a record it could not find). */
export function isRouteMiss(message: string): boolean {
  return ROUTE_MISS.test(message);
}

/**
 * The methods the app's routes accept at this request's path (uppercase, HEAD with GET), empty when no route has the
 * path: a request that reached a known address with another method gets 405 and this list as `Allow`.
 */
export function allowedMethods(req: Request): string[] {
  const stack = (req.app as unknown as { router?: { stack?: RouteLayer[] } }).router?.stack ?? [];
  const methods = new Set<string>();
  for (const layer of stack) {
    if (!layer.route || !layer.match(req.path)) continue;
    for (const [method, handled] of Object.entries(layer.route.methods)) {
      if (handled && method !== '_all') methods.add(method.toUpperCase());
    }
  }
  if (methods.has('GET')) methods.add('HEAD');
  return [...methods].sort();
}
