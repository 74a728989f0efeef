import SwaggerParser from '@apidevtools/swagger-parser';
import { listRoutes } from './support/routes';
import { startTestApp, TestApp } from './support/test-app';

type Operation = {
  parameters?: unknown[];
  responses: Record<
    string,
    { headers?: Record<string, unknown>; content?: Record<string, { schema?: unknown }> }
  >;
  description?: string;
  'x-brug-roles'?: string[];
  'x-brug-access'?: string;
};
type Doc = {
  openapi: string;
  info: { version: string; contact?: { name?: string; email?: string; url?: string } };
  servers: { url: string }[];
  paths: Record<string, Record<string, Operation>>;
  components: {
    schemas: Record<string, { required?: string[]; properties?: Record<string, unknown> }>;
  };
};

// HEAD is a route of its own where a protocol needs it (tus: the offset of an upload).
const METHODS = ['get', 'head', 'post', 'put', 'patch', 'delete'];

describe('the OpenAPI document', () => {
  let t: TestApp;
  let doc: Doc;
  const operations = (): [string, string, Operation][] =>
    Object.entries(doc.paths).flatMap(([path, item]) =>
      METHODS.filter((m) => item[m]).map((m) => [path, m, item[m]!] as [string, string, Operation]),
    );

  beforeAll(async () => {
    t = await startTestApp();
    const response = await t.http().get('/api/v1/openapi.json').expect(200);
    doc = response.body as Doc;
  });
  afterAll(() => t.close());

  it('is valid OpenAPI 3', async () => {
    expect(doc.openapi).toMatch(/^3\./);
    await expect(SwaggerParser.validate(structuredClone(doc) as never)).resolves.toBeDefined();
  });

  it('declares a semver version, a contact and the /api/v1 server', () => {
    expect(doc.info.version).toMatch(/^\d+\.\d+\.\d+$/);
    expect(doc.info.contact).toEqual({
      name: expect.any(String),
      email: expect.stringContaining('@'),
      url: expect.stringMatching(/^https:\/\//),
    });
    expect(doc.servers).toEqual([{ url: '/api/v1' }]);
  });

  it('describes every route of the application', () => {
    const documented = new Set(
      operations().map(
        ([path, method]) => `${method.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`,
      ),
    );
    const missing = listRoutes(t.app)
      .map((r) => `${r.method} ${r.path}`)
      .filter((r) => !documented.has(r));
    expect(missing).toEqual([]);
  });

  it('uses kebab-case segments, plural resources and no trailing slashes', () => {
    for (const path of Object.keys(doc.paths)) {
      expect(path).not.toMatch(/\/$/);
      for (const segment of path.split('/').filter(Boolean)) {
        if (segment.startsWith('{')) continue;
        expect(segment).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      }
    }
  });

  it('declares API-Version on every 2xx/3xx response', () => {
    for (const [path, method, op] of operations()) {
      for (const [status, response] of Object.entries(op.responses)) {
        if (Number(status) >= 200 && Number(status) < 400) {
          expect({
            at: `${method} ${path} ${status}`,
            header: response.headers?.['API-Version'],
          }).toEqual({
            at: `${method} ${path} ${status}`,
            header: { $ref: '#/components/headers/API-Version' },
          });
        }
      }
    }
  });

  it('answers every 4xx/5xx with problem+json carrying status, title and detail', () => {
    const problem = doc.components.schemas.ProblemDto!;
    expect(problem.required).toEqual(expect.arrayContaining(['status', 'title', 'detail', 'type']));
    for (const [path, method, op] of operations()) {
      for (const [status, response] of Object.entries(op.responses)) {
        if (Number(status) >= 400) {
          expect({ at: `${method} ${path} ${status}`, content: response.content }).toEqual({
            at: `${method} ${path} ${status}`,
            content: {
              'application/problem+json': { schema: { $ref: '#/components/schemas/ProblemDto' } },
            },
          });
        }
      }
    }
  });

  it('declares 400 on every POST/PATCH/PUT and every GET that takes parameters', () => {
    for (const [path, method, op] of operations()) {
      const takesInput = method !== 'get' || (op.parameters?.length ?? 0) > 0;
      if (takesInput)
        expect(`${method} ${path} ${Object.keys(op.responses).join(',')}`).toContain('400');
    }
  });

  it('says for every operation who may call it', () => {
    for (const [path, method, op] of operations()) {
      const roles = op['x-brug-roles'];
      const isPublic = op['x-brug-access'] === 'public';
      expect({
        at: `${method} ${path}`,
        ok: isPublic || (Array.isArray(roles) && roles.length > 0),
      }).toEqual({
        at: `${method} ${path}`,
        ok: true,
      });
      expect(op.description).toMatch(isPublic ? /Access: public/ : /Roles: /);
      if (!isPublic) {
        expect(Object.keys(op.responses)).toEqual(expect.arrayContaining(['401', '403']));
      }
    }
  });

  it('gives timestamps as date-time', () => {
    const user = doc.components.schemas.UserDto!;
    expect(user.properties?.createdAt).toMatchObject({ type: 'string', format: 'date-time' });
  });

  it('has a browsable version', async () => {
    const page = await t.http().get('/api/v1/docs').expect(200);
    expect(page.text).toContain('swagger');
  });
});
