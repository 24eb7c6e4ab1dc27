// Keeper is an ES module project: Jest runs with --experimental-vm-modules and ts-jest in ESM mode.
const tsJest = ['ts-jest', { useESM: true, tsconfig: '<rootDir>/tsconfig.test.json' }];
const common = {
  extensionsToTreatAsEsm: ['.ts'],
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  transform: { '^.+\\.ts$': tsJest },
  testEnvironment: 'node',
};

export default {
  // Password hashing is deliberately slow (scrypt) and a fresh PostgreSQL database runs every migration: on a
  // loaded two-core machine a suite's set-up took over 30 s, so a test or hook may take a minute.
  testTimeout: 60000,
  // `npm test` runs the suites one at a time in one worker, restarted when it holds more than this after a suite:
  // under --runInBand the modules every ESM suite loads piled up (4.5 GB) and slowed later suites three to five times.
  workerIdleMemoryLimit: '1500MB',
  projects: [
    { ...common, displayName: 'unit', testMatch: ['<rootDir>/src/**/*.spec.ts'] },
    { ...common, displayName: 'e2e', testMatch: ['<rootDir>/test/**/*.e2e-spec.ts'] },
    // PostgreSQL only (several app processes on one database): `npm run test:pg` runs them after the e2e suite.
    { ...common, displayName: 'pg', testMatch: ['<rootDir>/test/**/*.pg-spec.ts'] },
    { ...common, displayName: 'browser', testMatch: ['<rootDir>/test/browser/**/*.browser-spec.ts'] },
    // Import direction and size rules (issue 11); `npm run test:architecture`.
    { ...common, displayName: 'architecture', testMatch: ['<rootDir>/test/architecture/**/*.spec.ts'] },
    // Benchmarks: not tests; `npm run bench:insights` runs them, `npm test` does not.
    { ...common, displayName: 'bench', testMatch: ['<rootDir>/test/bench/**/*.bench-spec.ts'] },
  ],
};
