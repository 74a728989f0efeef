import { bearer, fileCase } from './support/factories';
import { expectProblem } from './support/problem';
import { startTestApp, TestApp } from './support/test-app';

type Headers = Record<string, string>;

/**
 * One resource kind a PATCH changes: how to get one (its path and the version it is at, read the
 * way a client reads it) and a change to make.
 */
interface Kind {
  kind: string;
  make: (t: TestApp, admin: Headers) => Promise<string>;
  read: (t: TestApp, admin: Headers, path: string) => Promise<number>;
  change: Record<string, unknown>;
}

/** The version of a resource that has a GET of its own, from the ETag, checked against the body. */
const fromGet = async (t: TestApp, admin: Headers, path: string): Promise<number> => {
  const response = await t.http().get(path).set(admin).expect(200);
  expect(response.headers.etag).toBe(`"${response.body.version}"`);
  return response.body.version as number;
};

/** The version of a resource listed without a GET of its own, from its list item. */
const fromList =
  (list: string, key: string) =>
  async (t: TestApp, admin: Headers, path: string): Promise<number> => {
    const response = await t.http().get(list).set(admin).expect(200);
    const item = (response.body.items as Record<string, unknown>[]).find(
      (i) => `${list}/${String(i[key])}` === path,
    );
    return item!.version as number;
  };

/** Creates through the API; the answer carries the first version's ETag. */
const created = async (
  t: TestApp,
  admin: Headers,
  list: string,
  body: Record<string, unknown>,
  key = 'id',
): Promise<string> => {
  const response = await t.http().post(list).set(admin).send(body).expect(201);
  expect(response.headers.etag).toBe('"1"');
  expect(response.body.version).toBe(1);
  return `${list}/${String(response.body[key])}`;
};

const teamId = async (t: TestApp, admin: Headers): Promise<string> =>
  (
    (await t.http().get('/api/v1/teams').set(admin).expect(200)).body.items as {
      id: string;
      code: string;
    }[]
  ).find((u) => u.code === 'meentcoop-energy')!.id;

const KINDS: Kind[] = [
  {
    kind: 'a seeded domain',
    make: () => Promise.resolve('/api/v1/domains/food'),
    read: fromGet,
    change: { nameEn: 'Food and farming' },
  },
  {
    kind: 'a domain',
    make: (t, admin) =>
      created(
        t,
        admin,
        '/api/v1/domains',
        { code: 'sport', nameNl: 'Sport', nameEn: 'Sport' },
        'code',
      ),
    read: fromGet,
    change: { active: false },
  },
  {
    kind: 'an organisation unit',
    make: (t, admin) =>
      created(t, admin, '/api/v1/organisation-units', {
        code: 'inkoop-sport',
        name: 'Inkoop Sport',
        kind: 'municipal',
      }),
    read: fromGet,
    change: { name: 'Inkoop Sport en Bewegen' },
  },
  {
    kind: 'a team',
    make: (t, admin) =>
      created(t, admin, '/api/v1/teams', { code: 'meentcoop-sport', name: 'MeentCoop Sport' }),
    read: fromGet,
    change: { name: 'MeentCoop Sport en Spel' },
  },
  {
    kind: 'an user',
    make: (t, admin) =>
      created(t, admin, '/api/v1/users', {
        email: 'k.visser@amsterdam.example',
        name: 'K. Visser',
        role: 'auditor',
      }),
    read: fromGet,
    change: { name: 'K. de Visser' },
  },
  {
    kind: 'a routing rule',
    make: async (t, admin) =>
      created(t, admin, '/api/v1/routing-rules', {
        position: 99,
        name: 'Sport',
        teamId: await teamId(t, admin),
      }),
    read: fromList('/api/v1/routing-rules', 'id'),
    change: { name: 'Sport en spel' },
  },
  {
    kind: 'an SLA policy',
    make: () => Promise.resolve('/api/v1/sla-policies/urgent'),
    read: fromList('/api/v1/sla-policies', 'priority'),
    change: { proposeWorkingDays: 6 },
  },
  {
    kind: 'a webhook',
    make: (t, admin) =>
      created(t, admin, '/api/v1/webhooks', {
        url: 'http://127.0.0.1:9/hook',
        eventTypes: ['case.filed'],
      }),
    read: fromList('/api/v1/webhooks', 'id'),
    change: { description: 'Sport receiver' },
  },
];

describe('If-Match on every PATCH of a stored resource', () => {
  let t: TestApp;
  let admin: Headers;
  beforeAll(async () => {
    t = await startTestApp({ env: { WEBHOOK_ALLOW_LOOPBACK: 'true' } });
    admin = await bearer(t, 'admin');
  });
  afterAll(() => t.close());

  describe.each(KINDS)('$kind', ({ make, read, change }) => {
    let path: string;
    let version: number;
    beforeAll(async () => {
      path = await make(t, admin);
      version = await read(t, admin, path);
    });

    const patch = (ifMatch?: string) => {
      const request = t.http().patch(path).set(admin);
      if (ifMatch !== undefined) request.set('If-Match', ifMatch);
      return request.send(change);
    };

    it('is refused without If-Match (428), or with `*`, which names no version', async () => {
      expect(expectProblem(await patch(), 428).code).toBe('precondition_required');
      expect(expectProblem(await patch('*'), 428).code).toBe('precondition_required');
    });

    it('is refused at a version it never had (412)', async () => {
      const problem = expectProblem(await patch('"999"'), 412);
      expect(problem).toMatchObject({ code: 'precondition_failed', currentVersion: version });
    });

    it('compares strongly: a weak ETag never matches, not even the current version (412)', async () => {
      expect(expectProblem(await patch(`W/"${version}"`), 412).code).toBe('precondition_failed');
    });

    it('refuses what is not an ETag (400)', async () => {
      const problem = expectProblem(await patch(String(version)), 400);
      expect(problem.errors).toEqual([
        { field: 'If-Match', code: 'not_an_etag', message: expect.any(String) },
      ]);
    });

    it('changes at the version read, answering the next one; the old ETag is stale then', async () => {
      expect(await read(t, admin, path)).toBe(version); // the refusals changed nothing
      const response = await patch(`"${version}"`).expect(200);
      expect(response.body).toMatchObject({ ...change, version: version + 1 });
      expect(response.headers.etag).toBe(`"${version + 1}"`);
      expect(await read(t, admin, path)).toBe(version + 1);
      expect(expectProblem(await patch(`"${version}"`), 412).currentVersion).toBe(version + 1);
      // A list naming the current version among others matches (RFC 9110 §13.1.1).
      await patch(`W/"${version + 1}", "${version}", "${version + 1}"`).expect(200);
    });
  });

  // The probe's weak ETag was sent to a case, the one resource that had If-Match then.
  it('compares strongly on cases too: W/"n" of the current version is 412 and changes nothing', async () => {
    const buyer = await bearer(t, 'buyer');
    const c = await fileCase(t, 'buyer');
    const edit = (ifMatch: string) =>
      t
        .http()
        .patch(`/api/v1/cases/${c.id}`)
        .set({ ...buyer, 'If-Match': ifMatch })
        .send({ description: 'Gewijzigd met een zwakke ETag' });
    const problem = expectProblem(await edit(`W/"${c.version}"`), 412);
    expect(problem).toMatchObject({ code: 'precondition_failed', currentVersion: c.version });
    expect(expectProblem(await edit('"999"'), 412).currentVersion).toBe(c.version);
    const read = await t.http().get(`/api/v1/cases/${c.id}`).set(buyer).expect(200);
    expect(read.body.version).toBe(c.version);
    await edit(`"${c.version}"`).expect(200);
  });

  it('lets one of two writers of the same version win; the other gets 412', async () => {
    const version = await fromGet(t, admin, '/api/v1/domains/care');
    const write = (nameEn: string) =>
      t
        .http()
        .patch('/api/v1/domains/care')
        .set({ ...admin, 'If-Match': `"${version}"` })
        .send({ nameEn });
    const answers = await Promise.all([write('Care A'), write('Care B')]);
    expect(answers.map((a) => a.status).sort()).toEqual([200, 412]);
    expect(await fromGet(t, admin, '/api/v1/domains/care')).toBe(version + 1);
  });

  it('still answers 404 for what does not exist, before asking for If-Match', async () => {
    expectProblem(
      await t.http().patch('/api/v1/domains/nope').set(admin).send({ nameEn: 'x' }),
      404,
    );
  });

  it('lists If-Match as required on every PATCH and PUT in the API document but the passwords', async () => {
    const doc = (await t.http().get('/api/v1/openapi.json').expect(200)).body as {
      paths: Record<
        string,
        Record<
          string,
          { parameters?: { in: string; name: string; required?: boolean }[]; responses: object }
        >
      >;
    };
    const writes = Object.entries(doc.paths).flatMap(([path, item]) =>
      (['patch', 'put'] as const).filter((m) => item[m]).map((m) => ({ path, op: item[m]! })),
    );
    expect(writes.length).toBeGreaterThanOrEqual(9);
    for (const { path, op } of writes) {
      const ifMatch = op.parameters?.find((p) => p.in === 'header' && p.name === 'If-Match');
      const password = path.endsWith('/password');
      // A tus upload's bytes are checked by their Upload-Offset instead (409 when stale).
      const offset = op.parameters?.find((p) => p.in === 'header' && p.name === 'Upload-Offset');
      if (offset) {
        expect({ path, required: offset.required }).toEqual({ path, required: true });
        expect(Object.keys(op.responses)).toContain('409');
        continue;
      }
      // A person's signal preferences have one writer, that person, and a PUT states them whole
      // (ADR 40): nothing another writer could have changed in between.
      const ownWhole = path === '/signals/preferences';
      expect({ path, required: ifMatch?.required ?? false }).toEqual({
        path,
        required: !password && !ownWhole,
      });
      if (ownWhole) continue;
      if (!password)
        expect(Object.keys(op.responses)).toEqual(expect.arrayContaining(['412', '428']));
    }
  });
});
