import { DataSource } from 'typeorm';
import { EUR, modelCaseWithFunding } from './support/funding';
import { bearer } from './support/factories';
import { expectProblem } from './support/problem';
import { startTestApp, TestApp } from './support/test-app';

/**
 * Issue 17, item 3 and acceptance 5 (ADR 35): an admin makes an API client (a system user with
 * one role and, for a budget holder's finance system, its domains); the client gets a bearer
 * token with the OAuth client credentials grant, records a disbursement for its domain and is
 * refused for another; the audit trail names the client. Secrets are shown once, kept as
 * argon2id, and rotated with two live at once.
 */
describe('API clients and the client credentials grant', () => {
  let t: TestApp;
  let admin: Record<string, string>;
  let energyUnitId: string;

  beforeAll(async () => {
    t = await startTestApp();
    admin = await bearer(t, 'admin');
    const holders = await t.http().get('/api/v1/users?role=budget_holder').set(admin).expect(200);
    const energy = (
      holders.body.items as { domains: string[]; organisationUnit: { id: string } | null }[]
    ).find((u) => u.domains.includes('energy'));
    energyUnitId = energy!.organisationUnit!.id;
  });
  afterAll(() => t.close());

  async function createClient(name: string, domains = ['energy']) {
    const response = await t
      .http()
      .post('/api/v1/api-clients')
      .set(admin)
      .send({ name, role: 'budget_holder', organisationUnitId: energyUnitId, domains })
      .expect(201);
    return response.body as {
      client: { id: string; name: string; version: number; secrets: { id: string }[] };
      secret: { id: string; clientSecret: string };
    };
  }

  const basic = (id: string, secret: string) =>
    `Basic ${Buffer.from(`${encodeURIComponent(id)}:${encodeURIComponent(secret)}`).toString('base64')}`;

  /** The grant as an OAuth library sends it: form-encoded, the client in HTTP Basic. */
  const grant = (id: string, secret: string) =>
    t
      .http()
      .post('/api/v1/auth/token')
      .set('Authorization', basic(id, secret))
      .type('form')
      .send({ grant_type: 'client_credentials' });

  it('a finance system records a disbursement for its domain, is refused for another, and the audit names it', async () => {
    const { client, secret } = await createClient('Financieel systeem Energie');
    expect(client.secrets.map((s) => s.id)).toEqual([secret.id]);

    const token = await grant(client.id, secret.clientSecret).expect(200);
    expect(token.body).toEqual({
      access_token: expect.any(String),
      token_type: 'Bearer',
      expires_in: 3600,
    });
    expect(token.headers['cache-control']).toContain('no-store');
    const auth = { Authorization: `Bearer ${token.body.access_token}` };

    const c = await modelCaseWithFunding(t);
    const paid = await t
      .http()
      .post(`/api/v1/cases/${c.id}/funding-entries`)
      .set(auth)
      .send({ domainCode: 'energy', kind: 'disburse', amountCents: 25_000 * EUR })
      .expect(201);
    const refused = await t
      .http()
      .post(`/api/v1/cases/${c.id}/funding-entries`)
      .set(auth)
      .send({ domainCode: 'housing', kind: 'disburse', amountCents: 1_000 * EUR });
    expect(expectProblem(refused, 403)).toMatchObject({
      code: 'forbidden',
      params: { reason: 'not_budget_holder' },
    });

    const events = await t
      .http()
      .get(`/api/v1/audit/events?actorId=${client.id}`)
      .set(await bearer(t, 'auditor'))
      .expect(200);
    const items = events.body.items as {
      action: string;
      actorId: string;
      actorName: string;
      subjectId: string;
      data: Record<string, unknown>;
    }[];
    const entry = items.find((e) => e.action === 'funding.entry_recorded');
    expect(entry).toMatchObject({
      actorId: client.id,
      actorName: 'Financieel systeem Energie',
      subjectId: (paid.body as { id: string }).id,
    });
    // Which secret got the token is on record too.
    expect(items.find((e) => e.action === 'api_client.token_issued')).toMatchObject({
      actorId: client.id,
      data: { secretId: secret.id },
    });
  });

  it('keeps only an argon2id hash of a secret, and shows the secret once', async () => {
    const { client, secret } = await createClient('Boekhouding');
    const [row] = await t.app
      .get(DataSource)
      .query<{ secret_hash: string }[]>(
        'SELECT secret_hash FROM api_client_secrets WHERE id = $1',
        [secret.id],
      );
    expect(row!.secret_hash).toMatch(/^\$argon2id\$/);
    expect(row!.secret_hash).not.toContain(secret.clientSecret);
    const again = await t.http().get(`/api/v1/api-clients/${client.id}`).set(admin).expect(200);
    expect(JSON.stringify(again.body)).not.toContain(secret.clientSecret);
    const list = await t.http().get('/api/v1/api-clients').set(admin).expect(200);
    expect(list.body.items.map((c: { id: string }) => c.id)).toContain(client.id);
    expect(JSON.stringify(list.body)).not.toContain(secret.clientSecret);
  });

  it('rotates without downtime: two secrets live at once, the retired one refused', async () => {
    const { client, secret: first } = await createClient('Roterend systeem');
    const second = await t
      .http()
      .post(`/api/v1/api-clients/${client.id}/secrets`)
      .set(admin)
      .expect(201);
    const next = second.body as { id: string; clientSecret: string };
    await grant(client.id, first.clientSecret).expect(200);
    await grant(client.id, next.clientSecret).expect(200);
    expectProblem(await t.http().post(`/api/v1/api-clients/${client.id}/secrets`).set(admin), 409);

    await t
      .http()
      .delete(`/api/v1/api-clients/${client.id}/secrets/${first.id}`)
      .set(admin)
      .expect(204);
    const old = await grant(client.id, first.clientSecret);
    expect(expectProblem(old, 401)).toMatchObject({
      code: 'invalid_client',
      error: 'invalid_client',
    });
    expect(old.headers['www-authenticate']).toBe('Basic realm="brug"');
    await grant(client.id, next.clientSecret).expect(200);
    expectProblem(
      await t.http().delete(`/api/v1/api-clients/${client.id}/secrets/${first.id}`).set(admin),
      404,
    );
  });

  it('takes the client in the body too (JSON), and refuses wrong ones alike', async () => {
    const { client, secret } = await createClient('Systeem met body');
    await t
      .http()
      .post('/api/v1/auth/token')
      .send({
        grant_type: 'client_credentials',
        client_id: client.id,
        client_secret: secret.clientSecret,
      })
      .expect(200);
    for (const [id, value] of [
      [client.id, 'wrong'],
      ['00000000-0000-4000-8000-000000000000', secret.clientSecret],
      ['not-a-uuid', secret.clientSecret],
    ] as const) {
      const response = await t
        .http()
        .post('/api/v1/auth/token')
        .type('form')
        .send({ grant_type: 'client_credentials', client_id: id, client_secret: value });
      expect(expectProblem(response, 401)).toMatchObject({
        code: 'invalid_client',
        error: 'invalid_client',
        error_description: expect.any(String),
      });
    }
    const none = await t
      .http()
      .post('/api/v1/auth/token')
      .send({ grant_type: 'client_credentials' });
    expect(expectProblem(none, 401).code).toBe('invalid_client');
    const other = await t
      .http()
      .post('/api/v1/auth/token')
      .send({ grant_type: 'authorization_code' });
    expect(expectProblem(other, 400)).toMatchObject({
      code: 'unsupported_grant_type',
      error: 'unsupported_grant_type',
    });
  });

  it('a deactivated client gets no token, and its tokens end at once', async () => {
    const { client, secret } = await createClient('Uit te zetten');
    const token = await grant(client.id, secret.clientSecret).expect(200);
    await t
      .http()
      .patch(`/api/v1/users/${client.id}`)
      .set({ ...admin, 'If-Match': `"${client.version}"` })
      .send({ active: false })
      .expect(200);
    await t
      .http()
      .get('/api/v1/me')
      .set('Authorization', `Bearer ${token.body.access_token}`)
      .expect(401);
    expectProblem(await grant(client.id, secret.clientSecret), 401);
  });

  it('an API client has no password, and only admins manage clients', async () => {
    const { client } = await createClient('Zonder wachtwoord');
    expectProblem(
      await t
        .http()
        .put(`/api/v1/users/${client.id}/password`)
        .set(admin)
        .send({ password: 'een lang genoeg wachtwoord' }),
      404,
    );
    expectProblem(
      await t
        .http()
        .get('/api/v1/api-clients')
        .set(await bearer(t, 'staff')),
      403,
    );
    const bad = await t
      .http()
      .post('/api/v1/api-clients')
      .set(admin)
      .send({ name: 'Fout', role: 'budget_holder', domains: [] });
    expectProblem(bad, 400);
  });
});
