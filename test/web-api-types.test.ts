import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { promisify } from 'node:util';
import { REGENERATE_COMMAND, SCHEMA_PATH } from '../scripts/api-types.cjs';
import { startTestApp, TestApp } from './support/test-app';

const ROOT = resolve(__dirname, '..');

/**
 * The web UI's API client is typed by web/src/api/schema.d.ts, generated from the OpenAPI
 * document by openapi-typescript. This test takes the document the running application serves,
 * generates the types again with the very code `npm run web:api-types` uses
 * (scripts/api-types.cjs, run by scripts/web-api-types.cjs in a plain Node process: the
 * generator's ESM dependencies do not load inside Jest's module system), and fails when the
 * committed file differs: the UI and the API cannot drift apart unnoticed.
 */
describe('the web UI’s generated API types', () => {
  let t: TestApp;
  let dir: string;
  beforeAll(async () => {
    t = await startTestApp();
    dir = await mkdtemp(join(tmpdir(), 'brug-api-types-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
    await t.close();
  });

  it('match the OpenAPI document the API serves', async () => {
    const document: unknown = (await t.http().get('/api/v1/openapi.json').expect(200)).body;
    const documentFile = join(dir, 'openapi.json');
    const generatedFile = join(dir, 'schema.d.ts');
    await writeFile(documentFile, JSON.stringify(document));
    await promisify(execFile)(
      process.execPath,
      [join(ROOT, 'scripts', 'web-api-types.cjs'), '--file', documentFile, '--out', generatedFile],
      { cwd: ROOT },
    );
    const generated = await readFile(generatedFile, 'utf8');
    expect(generated).toContain('"/cases/{id}/transitions"');

    const committed = await readFile(SCHEMA_PATH, 'utf8').catch(() => '');
    if (committed !== generated) {
      // Leave the fresh version with the test results, to diff against.
      const fresh = join(ROOT, 'test-results', 'schema.d.ts');
      await mkdir(join(ROOT, 'test-results'), { recursive: true });
      await writeFile(fresh, generated);
      throw new Error(
        `${relative(ROOT, SCHEMA_PATH)} is out of date with the API's OpenAPI document: ` +
          `run \`${REGENERATE_COMMAND}\` and commit the result ` +
          `(the fresh version is in ${relative(ROOT, fresh)}).`,
      );
    }
  });
});
