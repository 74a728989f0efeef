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
