// Type-aware linting: the rules that catch lost promises and unhandled cases are errors.
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import tseslint from 'typescript-eslint';
import brug from './scripts/eslint-rules.cjs';

const WEB_FILES = ['web/**/*.ts', 'web/**/*.tsx'];

/**
 * The API's feature folders (src/<folder>) may not import each other in a cycle
 * (scripts/eslint-rules.cjs, docs/development.md); the shared folders are infrastructure that
 * every feature uses and that belongs to none.
 */
const FEATURE_FOLDERS = {
  root: 'src',
  shared: ['common', 'config', 'database', 'redis', 'types'],
  // Issue 14: the cycles main had when the rule came (cases ↔ funding, cases ↔ workflow,
  // auth ↔ catalogue, health ↔ workflow) are all broken; an import that closes a cycle fails.
  // Never add an edge here: break the cycle (docs/development.md).
  knownCycleEdges: [],
};

/** A focused or skipped test left in: `.only`/`.skip` on describe, it and test, or x/f aliases. */
const NO_FOCUSED_OR_SKIPPED_TESTS = {
  'no-restricted-properties': [
    'error',
    ...['describe', 'it', 'test'].flatMap((object) =>
      ['only', 'skip'].map((property) => ({
        object,
        property,
        message: `${object}.${property} left in: run one test with \`npx jest -t\`, and say why a test cannot run (a to-do or a reason) instead of skipping it.`,
      })),
    ),
  ],
  'no-restricted-globals': [
    'error',
    ...['xdescribe', 'xit', 'xtest', 'fdescribe', 'fit'].map((name) => ({
      name,
      message: `${name} focuses or skips a test: left in, it hides the others.`,
    })),
  ],
};

export default tseslint.config(
  {
    ignores: [
      'dist/',
      'dist-bench/',
      'coverage/',
      'node_modules/',
      'web/node_modules/',
      'web/dist/',
      // Generated from the OpenAPI document (npm run web:api-types); checked by a test instead.
      'web/src/api/schema.d.ts',
      'scripts/*.d.cts',
      'bench/results/',
      'dist-bench/',
      'test-results/',
      '*.js',
      '*.mjs',
      // The OpenID provider's child process (oidc-provider is ESM only): plain JavaScript that
      // no tsconfig covers, run by test/oidc-sign-in.test.ts.
      'test/support/*.mjs',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' },
      ],
    },
  },
  {
    files: ['src/**/*.ts'],
    plugins: { brug: brug.plugin },
    rules: { 'brug/feature-cycles': ['error', FEATURE_FOLDERS] },
  },
  {
    // Tests assert on loosely typed HTTP bodies (supertest's `body` is any).
    files: ['test/**/*.ts', 'src/**/*.spec.ts'],
    rules: {
      ...NO_FOCUSED_OR_SKIPPED_TESTS,
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/unbound-method': 'off',
    },
  },
  // The web UI (web/, its own tsconfig found by the project service): the strict type-checked
  // set on top. No React plugin is installed; hooks are kept simple by hand.
  ...tseslint.configs.strictTypeCheckedOnly.map((config) => ({ ...config, files: WEB_FILES })),
  {
    files: WEB_FILES,
    rules: {
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/restrict-template-expressions': [
        'error',
        { allowNumber: true, allowNullish: false },
      ],
      // Event handlers as arrow shorthands (`onChange={(v) => set(v)}`) are idiomatic React.
      '@typescript-eslint/no-confusing-void-expression': 'off',
      'no-restricted-syntax': [
        'error',
        {
          selector: "JSXAttribute[name.name='style']",
          message: 'Use a design system component or a class in common/app.css, not inline style.',
        },
      ],
    },
  },
  {
    // The plain Node scripts (CommonJS): no type information.
    files: ['scripts/**/*.cjs'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: {
      ...tseslint.configs.disableTypeChecked.languageOptions,
      sourceType: 'commonjs',
      globals: {
        require: 'readonly',
        module: 'writable',
        __dirname: 'readonly',
        process: 'readonly',
        fetch: 'readonly',
        URL: 'readonly',
        structuredClone: 'readonly',
      },
    },
    rules: {
      ...tseslint.configs.disableTypeChecked.rules,
      '@typescript-eslint/no-require-imports': 'off',
    },
  },
  prettier,
);
