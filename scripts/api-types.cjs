'use strict';
/**
 * Turns the API's OpenAPI document into the TypeScript types the web UI's client is typed with
 * (web/src/api/schema.d.ts). One function, shared by `npm run web:api-types` (which writes the
 * file) and test/web-api-types.test.ts (which fails when the committed file differs), so the two
 * can never disagree about what "up to date" means.
 */
const path = require('node:path');
const { createRequire } = require('node:module');

const ROOT = path.resolve(__dirname, '..');
const SCHEMA_PATH = path.join(ROOT, 'web', 'src', 'api', 'schema.d.ts');
const REGENERATE_COMMAND = 'npm run web:api-types';

const HEADER = `/**
 * The Brug API, as TypeScript types: generated from /api/v1/openapi.json by openapi-typescript.
 * Do not edit by hand. Regenerate with \`${REGENERATE_COMMAND}\` (see docs/development.md);
 * test/web-api-types.test.ts fails while this file differs from what the API describes.
 */

`;

/** openapi-typescript belongs to the web workspace; load it from there. */
const webRequire = createRequire(path.join(ROOT, 'web', 'package.json'));

/** The file's content for this OpenAPI document (a parsed JSON object). */
async function renderApiTypes(document) {
  const { default: openapiTS, astToString } = webRequire('openapi-typescript');
  // openapi-typescript resolves and may annotate the object it is given: give it a copy.
  const ast = await openapiTS(structuredClone(document), {
    alphabetize: true,
    // A default (priority "normal") makes a field optional to send, not required: the API's
    // responses mark what they always carry as required themselves.
    defaultNonNullable: false,
  });
  return HEADER + astToString(ast);
}

module.exports = { renderApiTypes, SCHEMA_PATH, REGENERATE_COMMAND };
