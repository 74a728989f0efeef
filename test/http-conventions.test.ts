import { gzipSync } from 'node:zlib';
import { DataSource } from 'typeorm';
import { expectProblem } from './support/problem';
import { startTestApp, TestApp } from './support/test-app';

describe('HTTP conventions', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('answers an unknown route with 404 problem+json and the API-Version header', async () => {
    const response = await t.http().get('/api/v1/no-such-thing');
    const problem = expectProblem(response, 404);
    expect(problem.instance).toBe('/api/v1/no-such-thing');
    expectProblem(await t.http().post('/nowhere').send({}), 404);
  });

  it('answers a trailing slash with 404, not a redirect', async () => {
    const token = await t.token('buyer');
    expectProblem(await t.http().get('/api/v1/me/').set('Authorization', `Bearer ${token}`), 404);
    expectProblem(await t.http().get('/health/live/'), 404);
  });

  it('answers a malformed JSON body with 400 problem+json', async () => {
    const response = await t
      .http()
      .post('/api/v1/auth/token')
      .set('Content-Type', 'application/json')
      .send('{"email": "buyer@brug.example", "password": ');
    const problem = expectProblem(response, 400);
    expect(problem.code).toBe('malformed_json');
  });

  it('answers a body over the limit with 413 problem+json', async () => {
    const body = JSON.stringify({ email: 'x'.repeat(1024 * 1024 + 10), password: 'y' });
    const response = await t
      .http()
      .post('/api/v1/auth/token')
      .set('Content-Type', 'application/json')
      .send(body);
    expectProblem(response, 413);
  });

  it('refuses bodies that are not JSON objects and unknown fields, naming the field', async () => {
    for (const body of ['[1,2]', '"text"', '42']) {
      const response = await t
        .http()
        .post('/api/v1/auth/token')
        .set('Content-Type', 'application/json')
        .send(body);
      expectProblem(response, 400);
    }
    const response = await t
      .http()
      .post('/api/v1/auth/token')
      .send({ email: 'a@b.example', password: 'x', admin: true });
    const problem = expectProblem(response, 400);
    expect(problem.errors).toEqual([
      { field: 'admin', code: 'unknown_field', message: 'is not a known field' },
    ]);
  });

  it('sets the security headers of the API Design Rules on every response', async () => {
    for (const response of [
      await t.http().get('/health/live'),
      await t.http().get('/api/v1/domains'),
      await t.http().get('/api/v1/no-such-thing'),
    ]) {
      expect(response.headers['api-version']).toBe('1.0.0');
      expect(response.headers['cache-control']).toBe('no-store');
      expect(response.headers['x-content-type-options']).toBe('nosniff');
      expect(response.headers['x-frame-options']).toBe('DENY');
      expect(response.headers['content-security-policy']).toContain("frame-ancestors 'none'");
      expect(response.headers['strict-transport-security']).toMatch(/max-age=\d+/);
      expect(response.headers['x-powered-by']).toBeUndefined();
    }
  });

  it('echoes a safe X-Request-Id and makes one up otherwise', async () => {
    const given = await t.http().get('/health/live').set('X-Request-Id', 'trace-123');
    expect(given.headers['x-request-id']).toBe('trace-123');
    const unsafe = await t.http().get('/health/live').set('X-Request-Id', 'bad id\twith tab');
    expect(unsafe.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    const none = await t.http().get('/health/live');
    expect(none.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('answers a path parameter that is not a UUID with 400, not 500', async () => {
    const token = await t.token('admin');
    const response = await t
      .http()
      .get('/api/v1/users/not-a-uuid')
      .set('Authorization', `Bearer ${token}`);
    expect(expectProblem(response, 400).errors).toEqual([
      { field: 'id', code: 'not_a_uuid', message: 'must be a UUID' },
    ]);
  });

  it('answers a wrong method on a known path with 405, listing the methods in Allow', async () => {
    const cases = expectProblem(await t.http().put('/api/v1/cases').send({}), 405);
    expect(cases.code).toBe('method_not_allowed');
    expect(cases.allow).toEqual(['GET', 'HEAD', 'POST']);
    // Path parameters match as they do for routing; the methods of every matching route count.
    const one = await t.http().delete('/api/v1/domains/energy');
    expectProblem(one, 405);
    expect(one.headers.allow).toBe('GET, HEAD, PATCH');
    const live = await t.http().post('/health/live');
    expectProblem(live, 405);
    expect(live.headers.allow).toBe('GET, HEAD');
    expect((await t.http().delete('/api/v1/openapi.json')).headers.allow).toBe('GET, HEAD');
    // Unknown paths and trailing slashes stay 404.
    expectProblem(await t.http().delete('/api/v1/no-such-thing'), 404);
    expectProblem(await t.http().put('/api/v1/cases/'), 404);
  });

  // What the HTTP framework itself refuses (ADR 55) is problem+json in Brug's words too.
  it('answers what the framework refuses before a route as problem+json, never a 500', async () => {
    const auth = { Authorization: `Bearer ${await t.token('admin')}` };
    // A path parameter far longer than any id is the route's to refuse, as any other bad id.
    const long = await t
      .http()
      .get(`/api/v1/users/${'x'.repeat(500)}`)
      .set(auth);
    expect(expectProblem(long, 400).errors).toEqual([
      { field: 'id', code: 'not_a_uuid', message: 'must be a UUID' },
    ]);
    // A broken percent-encoding in the path.
    expectProblem(await t.http().get('/api/v1/users/%E0%A4%A').set(auth), 400);
    // Bodies sent to the token endpoint with the given headers; its answer names what it read.
    const token = async (headers: Record<string, string>, body: string | Buffer) =>
      t
        .http()
        .post('/api/v1/auth/token')
        .set(headers)
        // superagent would encode a Buffer as JSON; it goes out as the bytes it holds.
        .serialize((bytes: string | Buffer) => bytes as string)
        .send(body);
    const json = { 'Content-Type': 'application/json' };
    // A JSON body in a charset Brug does not read, and in an encoding it does not know.
    const latin1 = await token({ 'Content-Type': 'application/json; charset=iso-8859-1' }, '{}');
    expect(expectProblem(latin1, 415).code).toBe('unsupported_charset');
    const compressed = await token({ ...json, 'Content-Encoding': 'compress' }, '{}');
    expect(expectProblem(compressed, 415).code).toBe('unsupported_encoding');
    // A gzipped body is read as sent, and one that only says it is gzipped is refused.
    const credentials = JSON.stringify({ email: 'buyer@brug.example', password: 'wrong' });
    const gzipped = await token({ ...json, 'Content-Encoding': 'gzip' }, gzipSync(credentials));
    expect(expectProblem(gzipped, 401).code).toBe('invalid_credentials');
    const notGzip = await token({ ...json, 'Content-Encoding': 'gzip' }, '{}');
    expect(expectProblem(notGzip, 400).code).toBe('malformed_json');
    // A body of a type no route reads is left alone: the route finds no fields.
    const text = await token({ 'Content-Type': 'text/plain' }, 'email=buyer@brug.example');
    expect(expectProblem(text, 400).code).toBe('validation_failed');
    // Form-encoded bodies are read on the token endpoint only.
    const form = await t
      .http()
      .post('/api/v1/cases')
      .set(auth)
      .set('Content-Type', 'application/x-www-form-urlencoded')
      .send('title=x');
    expect(expectProblem(form, 400).code).toBe('validation_failed');
  });

  it('says 401 or 403 before 406, and 406 before a 400 of the query', async () => {
    const xml = { Accept: 'application/xml' };
    // No sign-in: 401 whatever the Accept.
    expectProblem(await t.http().get('/api/v1/cases').set(xml), 401);
    // Signed in without the role: 403 first.
    const buyer = { Authorization: `Bearer ${await t.token('buyer')}` };
    expectProblem(await t.http().get('/api/v1/users').set(buyer).set(xml), 403);
    // Signed in with a query the pipe would refuse: the Accept is answered first.
    const staff = { Authorization: `Bearer ${await t.token('staff')}` };
    expectProblem(await t.http().get('/api/v1/cases?pageSize=0').set(staff).set(xml), 406);
    expectProblem(await t.http().get('/api/v1/cases?pageSize=0').set(staff), 400);
  });

  it('answers an Accept it cannot serve with 406, and serves every Accept it can', async () => {
    const auth = { Authorization: `Bearer ${await t.token('admin')}` };
    const xml = await t.http().get('/api/v1/domains').set(auth).set('Accept', 'application/xml');
    expect(expectProblem(xml, 406)).toMatchObject({
      code: 'not_acceptable',
      available: ['application/json'],
    });
    expectProblem(await t.http().get('/api/v1/exports/ocds').set(auth).accept('text/csv'), 406);
    expectProblem(await t.http().get('/metrics').accept('application/json'), 406);
    expectProblem(await t.http().get('/api/v1/audit/export').set(auth).accept('text/html'), 406);

    for (const accept of [
      undefined,
      '*/*',
      'application/json',
      'application/problem+json',
      'application/*',
      'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8',
    ]) {
      const request = t.http().get('/api/v1/domains').set(auth);
      const response = await (accept === undefined ? request : request.set('Accept', accept));
      expect([accept, response.status]).toEqual([accept, 200]);
    }
    // Routes that answer in their own type accept it.
    await t.http().get('/api/v1/funding/matrix').set(auth).accept('text/csv').expect(200);
    await t
      .http()
      .get('/api/v1/audit/export?toSeq=1')
      .set(auth)
      .accept('application/x-ndjson')
      .expect(200);
    await t.http().get('/metrics').accept('text/plain;version=0.0.4;q=0.5,*/*;q=0.1').expect(200);
    // The OpenAPI pages are not negotiated.
    await t.http().get('/api/v1/docs').accept('text/html').expect(200);
    await t.http().get('/api/v1/openapi.json').accept('application/json').expect(200);
  });

  it('answers an unexpected failure with a bare 500 that carries only the request id', async () => {
    const token = await t.token('buyer');
    // Take the database away under the running application.
    await t.app.get(DataSource).destroy();
    const response = await t
      .http()
      .get('/api/v1/domains')
      .set('Authorization', `Bearer ${token}`)
      .set('X-Request-Id', 'req-500');
    const problem = expectProblem(response, 500);
    expect(problem.requestId).toBe('req-500');
    expect(String(problem.detail)).toContain('req-500');
    expect(response.text).not.toMatch(/DataSource|Connection|pool|postgres/i);
  });
});
