import { readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { Controller, Get, Module } from '@nestjs/common';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { Test } from '@nestjs/testing';
import { Public, Roles } from '../src/auth/decorators';
import request from 'supertest';
import { AppModule } from '../src/app.module';
import { WEB_DIST_DIR } from '../src/web-ui';
import { BOARD_PATH } from '../src/workflow/queues/queue-board';
import { listRoutes, mountedRoutes } from './support/routes';
import {
  createTestDatabase,
  DEMO,
  DEMO_PASSWORD,
  startTestApp,
  testConfig,
  TestApp,
} from './support/test-app';

/**
 * Routes served outside Nest's controllers, on purpose, and public by design: the API document
 * and its browsable viewer (whose static files live under /api/v1/docs/).
 */
const NON_CONTROLLER_ROUTES = new Set([
  'GET /api/v1/docs',
  'GET /api/v1/openapi.json',
  'GET /api/v1/openapi.yaml',
]);

describe('every route has an explicit access rule', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('lists the routes of the running application, each public or with roles', () => {
    const routes = listRoutes(t.app);
    expect(routes.length).toBeGreaterThan(20);
    const withoutRule = routes.filter((r) => r.rule === null).map((r) => r.handler);
    expect(withoutRule).toEqual([]);
  });

  it('keeps public routes to the few that must be', () => {
    const publicRoutes = listRoutes(t.app)
      .filter((r) => r.rule === 'public')
      .map((r) => `${r.method} ${r.path}`)
      .sort();
    expect(publicRoutes).toEqual([
      // The audit log's verifier key: public by design (issue 15, ADR 29).
      'GET /audit/public-key',
      // Signing in through an identity provider (issue 17, ADR 33): there and back., checked by the route itself (issue 17, ADR 34).
      'GET /auth/oidc/:provider/callback',
      'GET /auth/oidc/:provider/start',
      // The sign-in page's choices: the providers' buttons and whether the form is offered.
      'GET /auth/providers',
      'GET /auth/session',
      'GET /health/live',
      'GET /health/ready',
      'GET /metrics',
      // The second step of a sign-in: the password step's challenge is its credential (ADR 35).
      'POST /auth/second-factor',
      // Signing in into a cookie session: only from Brug's own origin (ADR 34).
      'POST /auth/session',
      'POST /auth/session/second-factor',
      'POST /auth/token',
    ]);
  });

  it('serves no route that is neither a controller route nor a known document route', () => {
    const known = new Set(
      listRoutes(t.app).map((r) => {
        const outside = ['/health', '/metrics'].some((p) => r.path.startsWith(p));
        return `${r.method} ${outside ? r.path : `/api/v1${r.path}`}`;
      }),
    );
    const webUiFiles = new Set(
      readdirSync(WEB_DIST_DIR, { recursive: true, withFileTypes: true })
        .filter((f) => f.isFile())
        .map(
          (f) => `GET /${relative(WEB_DIST_DIR, join(f.parentPath, f.name)).split(sep).join('/')}`,
        ),
    );
    const mounted = mountedRoutes(t.app);
    expect(mounted).toContainEqual({ method: 'GET', path: '/api/v1/me' });
    const unexplained = mounted
      .map((r) => `${r.method} ${r.path}`)
      .filter(
        (r) =>
          !known.has(r) &&
          !NON_CONTROLLER_ROUTES.has(r) &&
          !r.startsWith('GET /api/v1/docs/') &&
          // Bull Board's routes: behind the board's own admin check (test/web-ui.test.ts).
          !r.startsWith(`GET ${BOARD_PATH}`) &&
          !(r.split(' ')[1] ?? '').startsWith(`${BOARD_PATH}/`) &&
          // The web UI's files, public as any web page's.
          !webUiFiles.has(r) &&
          !r.startsWith('HEAD '),
      );
    expect(unexplained).toEqual([]);
  });
});

describe('the rule check itself', () => {
  @Controller('forgotten')
  class ForgottenController {
    @Get()
    unguarded(): string {
      return 'should never be served';
    }

    @Get('fine')
    @Roles('admin')
    fine(): string {
      return 'ok';
    }

    @Get('open')
    @Public()
    open(): string {
      return 'ok';
    }
  }

  @Module({ controllers: [ForgottenController] })
  class ForgottenModule {}

  it('finds a route that names no rule (so the test above would fail on it)', async () => {
    const moduleRef = await Test.createTestingModule({ imports: [ForgottenModule] }).compile();
    const app = moduleRef.createNestApplication(new FastifyAdapter());
    await app.init();
    try {
      const rules = Object.fromEntries(listRoutes(app).map((r) => [r.handler, r.rule]));
      expect(rules).toEqual({
        'ForgottenController.unguarded': null,
        'ForgottenController.fine': ['admin'],
        'ForgottenController.open': 'public',
      });
    } finally {
      await app.close();
    }
  });

  it('the guard refuses a route without a rule at run time (fail closed)', async () => {
    const config = testConfig({ DATABASE_URL: await createTestDatabase() });
    const moduleRef = await Test.createTestingModule({
      imports: [AppModule.forRoot(config, { role: 'api' }), ForgottenModule],
    }).compile();
    const app = moduleRef.createNestApplication<NestFastifyApplication>(new FastifyAdapter());
    await app.init();
    await app.getHttpAdapter().getInstance().ready();
    try {
      const http = () => request(app.getHttpServer());
      const signIn = await http()
        .post('/auth/token')
        .send({ email: DEMO.admin, password: DEMO_PASSWORD })
        .expect(200);
      const auth = { Authorization: `Bearer ${signIn.body.accessToken}` };
      // This bare app lacks main's HTTP conventions; the guard's answer is what is tested here.
      const refused = await http().get('/forgotten').set(auth);
      expect(refused.status).toBe(403);
      expect(refused.text).not.toContain('should never be served');
      expect((await http().get('/forgotten')).status).toBe(401);
      await http().get('/forgotten/fine').set(auth).expect(200);
      await http().get('/forgotten/open').expect(200);
    } finally {
      await app.close();
    }
  });
});
