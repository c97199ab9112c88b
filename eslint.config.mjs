import js from '@eslint/js';
import tseslint from 'typescript-eslint';

// The dependency rules: which folder may import what (docs/ARCHITECTURE.md says why). Each entry is
// a set of files and the imports refused there; `npm test` runs lint, so a forbidden import fails it.
const NODE_IO = ['fs', 'fs/promises', 'net', 'http', 'https', 'http2', 'child_process', 'dgram', 'dns', 'tls']
  .concat(['cluster', 'worker_threads', 'readline'])
  .flatMap((m) => [m, `node:${m}`]);
const FRAMEWORKS = ['@nestjs/*', 'typeorm', 'typeorm/*', 'pg', 'bullmq', 'ioredis', 'undici'];
// Patterns are gitignore-style, where a leading # starts a comment: escape it.
const lib = (name) => [`\\#${name}`, `\\#${name}/*`];
const INFRA_LIBS = [
  'config',
  'persistence',
  'http',
  'search',
  'ingestion',
  'jobs',
  'observability',
  'mail',
].flatMap(lib);

/** no-restricted-imports options: refused module groups, each with the reason shown. */
function refuse(...groups) {
  return [
    'error',
    {
      patterns: groups.map(({ modules, because, typesAllowed }) => ({
        group: modules,
        message: because,
        ...(typesAllowed ? { allowTypeImports: true } : {}),
      })),
    },
  ];
}

const PURE = 'the pure core (taxonomy, normalizer, matching) does no I/O and knows no framework or database';
const pureCore = (...more) =>
  refuse({ modules: [...FRAMEWORKS, ...NODE_IO, ...INFRA_LIBS], because: PURE }, ...more);

const DEPENDENCY_RULES = [
  {
    files: ['libs/taxonomy/**/*.ts'],
    ignores: ['**/*.spec.ts'],
    rule: pureCore({
      modules: ['normalizer', 'matching', 'sources'].flatMap(lib),
      because: 'taxonomy is the vocabulary everything else builds on: it imports no other lib',
    }),
  },
  {
    files: ['libs/normalizer/**/*.ts'],
    ignores: ['**/*.spec.ts'],
    rule: pureCore(
      { modules: lib('matching'), because: 'the normalizer comes before matching in the flow' },
      {
        modules: lib('sources'),
        because: 'the normalizer reads the adapters output types (import type), nothing else of theirs',
        typesAllowed: true,
      },
    ),
  },
  {
    files: ['libs/matching/**/*.ts'],
    ignores: ['**/*.spec.ts'],
    rule: pureCore({
      modules: ['normalizer', 'sources'].flatMap(lib),
      because: 'matching judges listings by their facts (#taxonomy), not by how they were read',
    }),
  },
  {
    files: ['libs/recruiting/**/*.ts'],
    ignores: ['**/*.spec.ts'],
    rule: refuse({
      modules: [
        ...FRAMEWORKS,
        ...NODE_IO,
        ...INFRA_LIBS,
        ...['matching', 'sources'].flatMap(lib),
        '**/apps/**',
      ],
      because: 'recruiting holds the recruiters rules as plain functions: no I/O, framework or database',
    }),
  },
  {
    // The digests' core: which listings a digest holds, its schedule, its words. Signing links uses
    // node:crypto, which is no I/O.
    files: ['libs/digests/**/*.ts'],
    ignores: ['**/*.spec.ts'],
    rule: pureCore({
      modules: ['normalizer', 'sources', 'mail'].flatMap(lib),
      because: 'the digests core works on listing facts and matching alone',
    }),
  },
  {
    files: ['libs/persistence/**/*.ts'],
    rule: refuse({
      modules: ['matching', 'normalizer', 'sources', 'search', 'ingestion', 'jobs', 'http'].flatMap(lib),
      because:
        'persistence sits under every feature lib: it may use only #taxonomy, #config and #observability',
    }),
  },
  {
    files: ['libs/**/*.ts'],
    ignores: [
      'libs/taxonomy/**',
      'libs/normalizer/**',
      'libs/matching/**',
      'libs/recruiting/**',
      'libs/persistence/**',
      'libs/digests/**',
    ],
    rule: refuse({ modules: ['**/apps/**'], because: 'libs never import apps' }),
  },
  {
    files: ['apps/**/*.ts'],
    rule: refuse({
      modules: ['**/libs/**', '\\#*/testing'],
      because: 'apps import libs through their public entry (#name) only',
    }),
  },
  {
    files: ['tests/**/*.ts'],
    rule: refuse({
      modules: ['**/libs/**'],
      because: 'tests import libs through #name, and their internals through #name/testing',
    }),
  },
];

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', 'jest.config.js'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts', '**/*.tsx'],
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': 'error',
    },
  },
  ...DEPENDENCY_RULES.map(({ files, ignores, rule }) => ({
    files,
    ...(ignores ? { ignores } : {}),
    rules: { '@typescript-eslint/no-restricted-imports': rule },
  })),
  {
    // Scripts, benchmarks, evals and the CLI print to the terminal by design.
    files: ['scripts/**', 'tests/bench/**', 'tests/eval/**', 'apps/cli/**'],
    rules: { 'no-console': 'off' },
  },
  {
    files: ['**/*.mjs'],
    languageOptions: {
      globals: {
        process: 'readonly',
        console: 'readonly',
        URL: 'readonly',
        Buffer: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
        fetch: 'readonly',
      },
    },
  },
);
