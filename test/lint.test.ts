import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { Linter } from 'eslint';
import tseslint from 'typescript-eslint';
import { cycleEdges, plugin, type FeatureFolderOptions } from '../scripts/eslint-rules.cjs';

/**
 * Issue 14, acceptance 6: `npm run lint` fails on a new import cycle between two feature folders
 * and on a focused or skipped test left in, and passes on main. The rules' settings are read
 * from the real configuration (`eslint --print-config`), then run on fixtures.
 */
const ROOT = resolve(__dirname, '..');

type RuleEntry = [number, ...unknown[]];

/** The rules ESLint applies to a file of this repository, as `npm run lint` would. */
function rulesFor(file: string): Record<string, RuleEntry> {
  const out = execFileSync(
    process.execPath,
    [join(ROOT, 'node_modules', 'eslint', 'bin', 'eslint.js'), '--print-config', file],
    { cwd: ROOT, encoding: 'utf8' },
  );
  return (JSON.parse(out) as { rules: Record<string, RuleEntry> }).rules;
}

/** Lints one file's text with only these rules (no type information needed for them). */
function lint(
  file: string,
  code: string,
  rules: Record<string, RuleEntry>,
  cwd = ROOT,
): Linter.LintMessage[] {
  return new Linter({ cwd }).verify(
    code,
    [
      {
        files: ['**/*.ts'],
        languageOptions: { parser: tseslint.parser },
        plugins: { brug: plugin },
        rules: rules as Linter.RulesRecord,
      },
    ],
    file,
  );
}

describe('lint', () => {
  describe('an import cycle between feature folders', () => {
    let options: FeatureFolderOptions;
    const fixtures: string[] = [];

    beforeAll(() => {
      const entry = rulesFor('src/cases/cases.service.ts')['brug/feature-cycles'];
      expect(entry?.[0]).toBe(2);
      options = entry![1] as FeatureFolderOptions;
      expect(options.root).toBe('src');
    });
    afterAll(() => {
      for (const dir of fixtures) rmSync(dir, { recursive: true, force: true });
    });

    /** A fixture `src/` with these files (path → code); lints `file` with main's settings. */
    function lintFixture(files: Record<string, string>, file: string): Linter.LintMessage[] {
      const dir = mkdtempSync(join(tmpdir(), 'brug-lint-'));
      fixtures.push(dir);
      for (const [path, code] of Object.entries(files)) {
        mkdirSync(dirname(join(dir, 'src', path)), { recursive: true });
        writeFileSync(join(dir, 'src', path), code);
      }
      const rule: RuleEntry = [2, { ...options, root: join(dir, 'src') }];
      return lint(join(dir, 'src', file), files[file]!, { 'brug/feature-cycles': rule }, dir);
    }

    it('fails when two feature folders import each other', () => {
      const messages = lintFixture(
        {
          'orders/order.service.ts': "import { invoiceOf } from '../invoices/invoice';\n",
          'invoices/invoice.ts':
            "import type { Order } from '../orders/order.service';\nexport const invoiceOf = (o: Order) => o;\n",
        },
        'orders/order.service.ts',
      );
      expect(messages).toEqual([
        expect.objectContaining({
          ruleId: 'brug/feature-cycles',
          severity: 2,
          line: 1,
          message: expect.stringContaining('orders → invoices → orders'),
        }),
      ]);
    });

    it('fails on a cycle through a third folder, and through a known one', () => {
      const three = lintFixture(
        {
          'orders/a.ts': "export * from '../invoices/b';\n",
          'invoices/b.ts': "import '../payments/c';\n",
          'payments/c.ts': "import { x } from '../orders/a';\n",
        },
        'orders/a.ts',
      );
      expect(three.map((m) => m.message)).toEqual([
        expect.stringContaining('orders → invoices → payments → orders'),
      ]);
      // cases ↔ funding is a known cycle of main; a new folder joining it is a new cycle.
      const joined = lintFixture(
        {
          'cases/a.ts': "import '../funding/b';\n",
          'funding/b.ts': "import '../cases/a';\nimport '../orders/c';\n",
          'orders/c.ts': "import '../cases/a';\n",
        },
        'orders/c.ts',
      );
      expect(joined.map((m) => m.message)).toEqual([
        expect.stringContaining('orders → cases → funding → orders'),
      ]);
    });

    it('passes one-way imports, shared folders, the composition root and unit tests', () => {
      const files = {
        'orders/order.service.ts':
          "import { invoiceOf } from '../invoices/invoice';\nimport { x } from '../common/x';\n",
        'invoices/invoice.ts': "import { y } from '../common/y';\nexport * from '../types/t';\n",
        'common/x.ts': "import '../orders/order.service';\n",
        'common/y.ts': "import '../invoices/invoice';\n",
        'invoices/invoice.spec.ts': "import '../orders/order.service';\n",
        'app.module.ts': "import '../orders/order.service';\n",
      };
      for (const file of Object.keys(files)) {
        expect({ file, messages: lintFixture(files, file) }).toEqual({ file, messages: [] });
      }
    });

    it('finds no cycle between the feature folders of main, and lets none through as known', () => {
      // The four cycles of before the split (issue 14, item 4) are gone, and so are their
      // known edges: every import that closes a cycle fails.
      expect(options.knownCycleEdges ?? []).toEqual([]);
      expect(cycleEdges(ROOT, options).map((e) => e.join(' → '))).toEqual([]);
    });
  });

  describe('a focused or skipped test left in', () => {
    let picked: Record<string, RuleEntry>;
    const rules = (): Record<string, RuleEntry> => picked;
    beforeAll(() => {
      const all = rulesFor('test/cases.test.ts');
      picked = {
        'no-restricted-properties': all['no-restricted-properties']!,
        'no-restricted-globals': all['no-restricted-globals']!,
      };
      // The same for the unit tests beside the code.
      expect(rulesFor('src/cases/case-transitions.spec.ts')).toMatchObject(picked);
    });

    // The calls are put together here, so that no focused or skipped test is spelled out in this
    // file: the repository's own checks (and a reader's grep) would take the fixtures for real ones.
    const call = (callee: string, tail = "('x', () => undefined);"): string => callee + tail;
    it.each([
      ...['describe', 'it', 'test'].flatMap((fn) =>
        ['only', 'skip'].map((m) => call(`${fn}.${m}`)),
      ),
      call('it.skip', ".each([1])('x %d', () => undefined);"),
      'const d = 1 > 0 ? describe : describe.skip;',
      ...['xit', 'xdescribe', 'xtest', 'fit', 'fdescribe'].map((fn) => call(fn)),
    ])('fails on %s', (code) => {
      const messages = lint(join(ROOT, 'test', 'fixture.test.ts'), code, rules());
      expect(messages).toEqual([
        expect.objectContaining({
          severity: 2,
          ruleId: expect.stringMatching(/^no-restricted-(properties|globals)$/),
        }),
      ]);
    });

    it('passes ordinary tests, tables and to-dos', () => {
      const code = [
        "describe('x', () => { it('y', () => undefined); });",
        "it.each([1])('x %d', () => undefined);",
        "describe.each([1])('x %d', () => undefined);",
        "it.todo('x');",
      ].join('\n');
      expect(lint(join(ROOT, 'test', 'fixture.test.ts'), code, rules())).toEqual([]);
    });
  });
});
