/* global module */
// Import direction for Keeper (issue 11): `npm run deps`.
// The workflow runs one way; an earlier step never imports a later one. Where an early page must show later
// steps, the later module contributes a section; where an early change must trigger later work, it emits an event.
//
// Paths are written as `(^|/)src/<folder>/` so the same rules apply to src/ and to the fixture tree in
// test/architecture/fixtures/src/, which test/architecture/dependencies.spec.ts cruises to prove the rules still match.

/** A regular expression matching files in any of the given src/ folders. */
const inSrc = (...folders) => `(^|/)src/(${folders.join('|')})/`;

// The workflow, earliest first. Folders in one step may import each other.
const WORKFLOW = [
  ['accounts'],
  ['positions', 'development'],
  ['candidates'],
  ['vetting', 'messages'], // messages: the communication log and the hiring team's own mail to candidates
  // the careers site reads positions and opens applications with a portal link; self-identification is asked on its
  // form and in the portal
  ['careers', 'interviews', 'self-identification'],
  ['hires'],
  ['agencies', 'data-protection'], // an agency's portal shows its placements' hires; data export and erasure read every step before
  ['insights'],
  ['home', 'demo'], // composition on top: may import every step
];
const DOMAIN = WORKFLOW.flat();
const INFRASTRUCTURE = ['config', 'database', 'sessions', 'mail', 'files', 'health', 'jobs', 'company', 'audit'];

const layering = WORKFLOW.slice(0, -1).map((step, index) => {
  const later = WORKFLOW.slice(index + 1).flat();
  return {
    name: `no-later-step-from-${step.join('-')}`,
    comment:
      `${step.join('/ and ')}/ (workflow step ${index + 1}) must not import a later step (${later.join(', ')}). ` +
      'Let the later module contribute a section (src/common/contributions.ts) or react to an event instead.',
    severity: 'error',
    from: { path: inSrc(...step) },
    to: { path: inSrc(...later) },
  };
});

module.exports = {
  forbidden: [
    ...layering,
    {
      name: 'common-knows-no-domain',
      comment:
        'common/ holds guards, decorators and view helpers shared by every module, so it imports no domain folder. ' +
        'Exception: the signed-in user type (accounts/entities/user.entity.ts, accounts/role.ts), which guards and ' +
        'decorators such as @CurrentUser need.',
      severity: 'error',
      from: { path: inSrc('common') },
      to: {
        path: inSrc(...DOMAIN),
        pathNot: ['(^|/)src/accounts/entities/user\\.entity\\.ts$', '(^|/)src/accounts/role\\.ts$'],
      },
    },
    {
      name: 'infrastructure-knows-no-domain',
      comment:
        `Infrastructure (${INFRASTRUCTURE.join(', ')}) serves every module and imports none of them. ` +
        'Exception: the entity registry (database/entities.ts) and migrations may import entity files.',
      severity: 'error',
      from: {
        path: inSrc(...INFRASTRUCTURE),
        pathNot: ['(^|/)src/database/entities\\.ts$', '(^|/)src/database/migrations/'],
      },
      to: { path: inSrc(...DOMAIN) },
    },
    {
      name: 'entity-registry-imports-only-entities',
      comment:
        'database/entities.ts and database/migrations/ list the entities TypeORM loads; they import entity files ' +
        '(<module>/entities/*.ts) and nothing else from a domain folder.',
      severity: 'error',
      from: { path: ['(^|/)src/database/entities\\.ts$', '(^|/)src/database/migrations/'] },
      to: { path: inSrc(...DOMAIN), pathNot: '/entities/[^/]+\\.ts$' },
    },
    {
      name: 'nothing-imports-insights',
      comment:
        'insights/ reads every step and is read by none: only app.module.ts (to register it) and home/ (pipeline ' +
        'health on the home page) may import it.',
      severity: 'error',
      from: { path: '(^|/)src/', pathNot: [inSrc('insights', 'home'), '(^|/)src/app\\.module\\.ts$'] },
      to: { path: inSrc('insights') },
    },
    {
      name: 'no-circular',
      comment:
        'Circular imports hide which module owns what and break Nest module ordering; cut the cycle. ' +
        'Exception: a cycle made only of entity files is the two sides of one TypeORM relation ' +
        '(`@OneToMany(() => Outcome)` / `@ManyToOne(() => Position)`, typed with `Relation<>`), which TypeORM ' +
        'resolves lazily; a cross-step entity cycle is still caught by the layering rules.',
      severity: 'error',
      from: {},
      to: { circular: true, via: { pathNot: '/entities/[^/]+\\.entity\\.ts$' } },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    // Type-only imports count: a type from a later step still ties an early step to it.
    tsPreCompilationDeps: true,
    // nodenext resolution: `./x.js` in an import resolves to `./x.ts`.
    tsConfig: { fileName: 'tsconfig.json' },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
