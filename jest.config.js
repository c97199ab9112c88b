// Two projects: fast unit specs beside the code, and integration suites under tests/ that talk to the
// real Postgres, Redis and local HTTP servers on this machine.
const fs = require('node:fs');
const swc = JSON.parse(fs.readFileSync(`${__dirname}/.swcrc`, 'utf8'));
delete swc.$schema;

// Page components are TSX rendered to strings with Preact (see docs/WEB.md).
const tsx = {
  ...swc,
  swcrc: false,
  jsc: {
    ...swc.jsc,
    parser: { ...swc.jsc.parser, tsx: true },
    transform: { ...swc.jsc.transform, react: { runtime: 'automatic', importSource: 'preact' } },
  },
};

const common = {
  transform: {
    '^.+\\.(t|j|mj|cj)s$': ['@swc/jest', { ...swc, swcrc: false }],
    '^.+\\.tsx$': ['@swc/jest', tsx],
  },
  // Nest 12, PGlite, content-disposition (under the HTTP layer's static files, for /docs) and Preact
  // ship ESM; jest needs them transformed (Node itself loads them).
  transformIgnorePatterns: ['/node_modules/(?!(@nestjs|@electric-sql/pglite|content-disposition|preact)/)'],
  moduleNameMapper: {
    '^#([a-z-]+)$': '<rootDir>/libs/$1/src/index.ts',
    '^#([a-z-]+)/testing$': '<rootDir>/libs/$1/testing/index.ts',
  },
  testEnvironment: 'node',
};

// Suites under tests/ that touch no database, server or network: the pure core against its labelled
// sets. They run with the unit specs.
const PURE_SUITES = ['matching', 'normalizer'];

module.exports = {
  // The servers the integration suites use: the machine's, or an embedded PostgreSQL (global-setup.mjs).
  globalSetup: '<rootDir>/tests/support/global-setup.mjs',
  globalTeardown: '<rootDir>/tests/support/global-teardown.mjs',
  // Integration suites start databases, servers and worker processes; a slow CI machine needs room.
  testTimeout: 60000,
  projects: [
    {
      ...common,
      displayName: 'unit',
      testMatch: [
        '<rootDir>/libs/**/*.spec.ts',
        '<rootDir>/apps/**/*.spec.ts',
        ...PURE_SUITES.map((dir) => `<rootDir>/tests/${dir}/**/*.test.ts`),
        '<rootDir>/apps/**/*.spec.tsx',
      ],
    },
    {
      ...common,
      displayName: 'integration',
      testMatch: ['<rootDir>/tests/**/*.test.ts'],
      testPathIgnorePatterns: ['/node_modules/', ...PURE_SUITES.map((dir) => `<rootDir>/tests/${dir}/`)],
    },
  ],
};
