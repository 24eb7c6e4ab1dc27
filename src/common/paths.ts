import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root, whether running from src/ (tests) or dist/ (compiled). */
export const PROJECT_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const VIEWS_DIR = resolve(PROJECT_ROOT, 'views');

/** The request's path as the client sent it (req.path is relative inside mounted middleware). */
export function requestPath(req: { originalUrl: string }): string {
  return req.originalUrl.split('?')[0] ?? '/';
}
