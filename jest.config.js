/**
 * Jest runs the TypeScript sources through swc (CommonJS, legacy decorators with metadata), and
 * transforms the ESM-only NestJS 12 packages the same way (see docs/adr/0001).
 * Unit tests sit beside the code (`src/**\/*.spec.ts`); integration tests against the real
 * PostgreSQL and Redis live in `test/` (`*.test.ts`).
 */
const swc = (syntax) => [
  '@swc/jest',
  {
    jsc: {
      parser: syntax === 'typescript' ? { syntax, decorators: true } : { syntax },
      transform: { legacyDecorator: true, decoratorMetadata: true },
      target: 'es2022',
      keepClassNames: true,
    },
    module: { type: 'commonjs' },
    sourceMaps: 'inline',
  },
];

const shared = {
  testEnvironment: 'node',
  transform: {
    '^.+\\.ts$': swc('typescript'),
    '^.+\\.m?js$': swc('ecmascript'),
  },
  // ESM-only packages are transformed too (ADR 1): file-type and its tokenizers, tus and srvx.
  transformIgnorePatterns: [
    '/node_modules/(?!(@nestjs|uid|@apidevtools|file-type|strtok3|token-types|@tokenizer|uint8array-extras|@borewit|@tus|srvx|openid-client|oauth4webapi|jose|path-to-regexp|content-disposition|@fastify/middie/node_modules/path-to-regexp|@fastify/static/node_modules/content-disposition)/)',
  ],
};

module.exports = {
  maxWorkers: 2,
  // A guard against hangs, not a speed check (speed is npm run bench's): generous, so that a
  // browser test on a busy 2-core machine (seen: a load of 25 with other work) still finishes.
  testTimeout: 180000,
  // Integration tests open servers and pools; a hang should fail the run, not stall CI.
  openHandlesTimeout: 2000,
  projects: [
    {
      ...shared,
      displayName: 'unit',
      roots: ['<rootDir>/src'],
      testMatch: ['**/*.spec.ts'],
    },
    {
      ...shared,
      displayName: 'integration',
      roots: ['<rootDir>/test'],
      testMatch: ['**/*.test.ts'],
      globalSetup: '<rootDir>/test/support/global-setup.ts',
      globalTeardown: '<rootDir>/test/support/global-teardown.ts',
    },
  ],
};
