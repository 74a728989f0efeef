import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

/**
 * ADR 49: the AWS SDK is loaded only when the S3 store is configured. Checked on the compiled
 * service (`dist/`, built before the tests) in a process of its own, so nothing the test runner
 * loaded counts.
 */
function modulesLoadedFor(store: 'fs' | 's3'): { sdk: boolean; store: string } {
  const script = `
    const { documentStoreOf } = require(${JSON.stringify(join(__dirname, '../dist/documents/documents.module.js'))});
    const store = documentStoreOf({
      documentStore: ${JSON.stringify(store)},
      documentDir: require('node:os').tmpdir(),
      s3: { endpoint: 'http://127.0.0.1:9', bucket: 'brug', region: 'eu-west-1',
            forcePathStyle: true, accessKeyId: 'key', secretAccessKey: 'secret' },
    });
    const sdk = Object.keys(require.cache).some((path) => path.includes('@aws-sdk'));
    process.stdout.write(JSON.stringify({ sdk, store: store.constructor.name }));`;
  return JSON.parse(execFileSync(process.execPath, ['-e', script], { encoding: 'utf8' })) as {
    sdk: boolean;
    store: string;
  };
}

describe('the document store module', () => {
  it('leaves the AWS SDK unloaded with the filesystem store', () => {
    expect(modulesLoadedFor('fs')).toEqual({ sdk: false, store: 'FsDocumentStore' });
  });

  it('loads it, and the S3 store, when S3 is configured', () => {
    expect(modulesLoadedFor('s3')).toEqual({ sdk: true, store: 'S3DocumentStore' });
  });
});
