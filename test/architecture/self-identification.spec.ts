import { describe, expect, it } from '@jest/globals';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

// Issue 15's rule in the code: self-identification answers are read by the adverse-impact report only. The table,
// its entity and its repository are named nowhere else; the service (which stores answers and never lists them) is
// used only where candidates answer: the careers form and the portal page.
const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

const sources = readdirSync(join(ROOT, 'src'), { recursive: true, encoding: 'utf8' })
  .filter((name) => name.endsWith('.ts') && !name.endsWith('.spec.ts'))
  .map((name) => join('src', name));

const READS =
  /self_identifications\b|\bSelfIdentification\b(?!Service|Settings|Module|Portal|Repository)|self-identification\.repository/;
const STORES = /SelfIdentificationService\b/;

/** The files whose text matches, outside the allowed paths. */
function offenders(files: { path: string; text: string }[], pattern: RegExp, allowed: RegExp[]): string[] {
  return files
    .filter(({ path, text }) => pattern.test(text) && !allowed.some((rule) => rule.test(path)))
    .map(({ path }) => path);
}

// The report's summary is built by adverse-summary-sql.ts (counts only, as the report reads them) and kept honest by
// triggers (insight-triggers.ts) that name the table only to learn which application's answers changed.
const READERS = [
  /^src\/self-identification\//,
  /^src\/insights\/adverse-(impact\.repository|summary-sql)\.ts$/,
  /^src\/database\/(entities\.ts|insight-triggers\.ts|migrations\/)/,
  /^src\/demo\//,
];
const STORERS = [/^src\/self-identification\//, /^src\/careers\/(apply\.service|careers\.pages|careers\.module)\.ts$/];

describe('Who reads self-identification answers', () => {
  const files = sources.map((path) => ({ path, text: readFileSync(join(ROOT, path), 'utf8') }));

  it('names the table, entity or repository only in the module, the report’s queries and triggers, the migrations and the demo', () => {
    expect(offenders(files, READS, READERS)).toEqual([]);
    // The report's query does read it (the rule would pass vacuously if nothing matched).
    expect(files.filter(({ text }) => READS.test(text)).map(({ path }) => path)).toContain(
      'src/insights/adverse-impact.repository.ts',
    );
  });

  it('stores answers only from the careers form and the portal page', () => {
    expect(offenders(files, STORES, STORERS)).toEqual([]);
  });

  it('would catch a hiring page that queried the table', () => {
    const leak = { path: 'src/candidates/candidates.repository.ts', text: 'SELECT sex FROM self_identifications' };
    expect(offenders([leak], READS, READERS)).toEqual(['src/candidates/candidates.repository.ts']);
  });
});
