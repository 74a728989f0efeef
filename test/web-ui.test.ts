import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { bearer } from './support/factories';
import { expectProblem } from './support/problem';
import { startTestApp, TestApp } from './support/test-app';
import { serveWebUi, WEB_DIST_DIR, webUiContentSecurityPolicy } from '../src/web-ui';

/** What a browser sends when it opens an address. */
const BROWSER_ACCEPT =
  'text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8';

/** The service serves the built web UI (src/web-ui.ts) without getting in the API's way. */
describe('serving the web UI', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('serves index.html at / and for deep links, with its own strict CSP, revalidated', async () => {
    for (const path of ['/', '/cases/BRUG-2026-000001', '/queue?status=routed']) {
      const response = await t.http().get(path).set('Accept', 'text/html').expect(200);
      expect(response.headers['content-type']).toMatch(/^text\/html/);
      expect(response.text).toContain('<div id="root">');
      expect(response.headers['cache-control']).toBe('no-cache');
      const csp = String(response.headers['content-security-policy']);
      expect(csp).toContain("default-src 'self'");
      expect(csp).toContain("script-src 'self'");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).not.toMatch(/unsafe-inline|unsafe-eval|https:/);
    }
  });

  it('serves the hashed assets with a year of caching, and 404s missing files', async () => {
    const assets = readdirSync(join(WEB_DIST_DIR, 'assets'));
    const script = assets.find((f) => f.endsWith('.js'));
    expect(script).toBeDefined();
    const response = await t.http().get(`/assets/${script}`).expect(200);
    expect(response.headers['content-type']).toMatch(/javascript/);
    expect(response.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expectProblem(await t.http().get('/assets/no-such-file.js'), 404);
    expectProblem(await t.http().get('/favicon-that-is-not-there.png'), 404);
  });

  it('leaves the API, health, metrics and their 404s alone', async () => {
    const unknown = await t.http().get('/api/v1/no-such-thing').set('Accept', 'text/html');
    expectProblem(unknown, 404);
    expectProblem(await t.http().get('/api/v2/cases').set('Accept', 'text/html'), 404);
    expectProblem(await t.http().get('/health/nope').set('Accept', 'text/html'), 404);
    await t.http().get('/health/live').expect(200);
    await t.http().get('/metrics').expect(200);
    const me = await t.http().get('/api/v1/me');
    expectProblem(me, 401);
    // Not a page: clients that do not take HTML still get problem+json.
    expectProblem(await t.http().get('/nowhere').set('Accept', 'application/json'), 404);
    expectProblem(await t.http().post('/cases').send({}), 404);
  });

  // Issue 13, item 19: every address of the web UI is a page, /admin and its pages included.
  it('serves the UI for /admin and its pages, and for unknown addresses', async () => {
    for (const path of ['/admin', '/admin/users', '/admin/queue-board', '/admin/unknown', '/a/b']) {
      const response = await t.http().get(path).set('Accept', BROWSER_ACCEPT).expect(200);
      expect(response.headers['content-type']).toMatch(/^text\/html/);
      expect(response.text).toContain('<div id="root">');
    }
  });

  it('sends a browser without the board cookie to the board page; API clients get problem+json', async () => {
    for (const path of ['/admin/queues', '/admin/queues/queue/routing?status=failed']) {
      const browser = await t.http().get(path).set('Accept', BROWSER_ACCEPT).expect(303);
      expect(browser.headers['location']).toBe(`/admin/queue-board?to=${encodeURIComponent(path)}`);
    }
    // A signed-in non-admin in a browser too: the page says "no access" in their language.
    const staff = await t
      .http()
      .get('/admin/queues')
      .set('Accept', BROWSER_ACCEPT)
      .set(await bearer(t, 'staff'))
      .expect(303);
    expect(staff.headers['location']).toBe('/admin/queue-board?to=%2Fadmin%2Fqueues');
    expectProblem(await t.http().get('/admin/queues').set('Accept', 'application/json'), 401);
    expectProblem(await t.http().get('/admin/queues'), 401);
    expectProblem(
      await t
        .http()
        .get('/admin/queues/api/queues')
        .set('Accept', 'application/json')
        .set(await bearer(t, 'staff')),
      403,
    );
    // Not a page: a refused write stays a problem whatever it accepts.
    expectProblem(
      await t.http().put('/admin/queues/api/queues/pause').set('Accept', BROWSER_ACCEPT),
      401,
    );
  });

  it('allows upgrade-insecure-requests only behind HTTPS', () => {
    expect(webUiContentSecurityPolicy('https://brug.example')).toContain(
      'upgrade-insecure-requests',
    );
    expect(webUiContentSecurityPolicy('http://localhost:3000')).not.toContain(
      'upgrade-insecure-requests',
    );
  });

  it('serves nothing (and says so) without a built UI', () => {
    const untouchable = new Proxy(
      {},
      {
        get: () => {
          throw new Error('serveWebUi must not touch the app without a built UI');
        },
      },
    ) as NestFastifyApplication;
    expect(
      serveWebUi(untouchable, { publicUrl: 'http://localhost', distDir: '/no/such/dir' }),
    ).toBe(false);
  });
});
