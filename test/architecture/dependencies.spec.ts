import { describe, expect, it } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

// Proves the dependency rules still bite: `npm run deps` passing means nothing if the config stopped matching paths.
// fixtures/src/ is a miniature src/ with allowed and forbidden imports for each rule (see the comment in each file).
const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const FIXTURE = 'test/architecture/fixtures/src/';

/** Runs the real depcruise binary with the project's config, as `npm run deps` does. */
function depcruise(...args: string[]) {
  const result = spawnSync(
    join(ROOT, 'node_modules/.bin/depcruise'),
    [...args, '--config', '.dependency-cruiser.cjs'],
    {
      cwd: ROOT,
      encoding: 'utf8',
    },
  );
  if (result.error) throw result.error;
  return result;
}

interface Violation {
  from: string;
  to: string;
  rule: { name: string };
}

describe('Dependency rules (.dependency-cruiser.cjs)', () => {
  it('reports each forbidden import in the fixture and none of the allowed ones', () => {
    const { stdout, stderr } = depcruise(FIXTURE, '--output-type', 'json');
    expect(stderr).toBe('');
    const violations: Violation[] = JSON.parse(stdout).summary.violations;

    const found = violations.map(({ rule, from, to }) =>
      [rule.name, from.replace(FIXTURE, ''), to.replace(FIXTURE, '')].join(' '),
    );
    expect(found.sort()).toEqual(
      [
        'no-later-step-from-candidates candidates/candidates.service.ts interviews/interviews.service.ts',
        'common-knows-no-domain common/guards.ts accounts/accounts.service.ts',
        'infrastructure-knows-no-domain config/app-config.ts accounts/entities/user.entity.ts',
        'entity-registry-imports-only-entities database/entities.ts candidates/candidates.service.ts',
        'nothing-imports-insights demo/demo.seed.ts insights/insights.service.ts',
        'no-circular vetting/grading.service.ts vetting/portal.service.ts',
      ].sort(),
    );
  });

  it('exits non-zero on a violation, so `npm run deps` fails the build', () => {
    const { status, stdout } = depcruise(FIXTURE);
    expect(stdout).toContain(
      `error no-later-step-from-candidates: ${FIXTURE}candidates/candidates.service.ts → ${FIXTURE}interviews/interviews.service.ts`,
    );
    expect(status).toBe(6);
  });
});
