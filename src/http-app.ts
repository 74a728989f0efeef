import { Logger as NestLogger, NotFoundException } from '@nestjs/common';
import { oidcCallbackPaths } from './auth/oidc/callback-paths';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { SwaggerModule } from '@nestjs/swagger';
import type { NextFunction, Request, Response } from 'express';
import helmet from 'helmet';
import { Logger } from 'nestjs-pino';
import type { DestinationStream } from 'pino';
import { AppModule } from './app.module';
import { API_BASE_PATH } from './common/api-version';
import { exchangeOf } from './common/http-exchange';
import { httpConventions } from './common/http-conventions';
import { parseQuery } from './common/input-limits';
import { ProblemFilter } from './common/problem.filter';
import { indexRoutes } from './common/route-methods';
import { buildOpenApiDocument } from './common/openapi';
import type { AppConfig } from './config/config';
import { MetricsService } from './health/metrics.service';
import { serveWebUi } from './web-ui';
import { mountQueueBoard } from './workflow/queues/queue-board';

/** Paths outside /api/v1: the platform's probes and metrics. */
const UNPREFIXED = ['health/live', 'health/ready', 'metrics'];

/** A trailing slash names no resource (NLGov ADR): 404, never a redirect. */
function rejectTrailingSlash(req: Request, _res: Response, next: NextFunction): void {
  next(req.path.length > 1 && req.path.endsWith('/') ? new NotFoundException() : undefined);
}

/**
 * Creates and initialises the HTTP application exactly as production runs it; the tests use
 * this too, so what they check is what runs. The caller only has to listen.
 */
export async function createHttpApp(
  config: AppConfig,
  options: { logStream?: DestinationStream } = {},
): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(
    AppModule.forRoot(config, { role: 'api', logStream: options.logStream }),
    { bodyParser: false, bufferLogs: true },
  );
  app.useLogger(app.get(Logger));
  app.flushLogs();
  if (config.jwtSecretSource === 'file') {
    new NestLogger('Config').warn(
      `JWT_SECRET is not set: tokens are signed with the key made for this machine in ${config.jwtSecretFile}. Set JWT_SECRET for any shared install.`,
    );
  } else if (config.jwtSecretSource === 'process') {
    new NestLogger('Config').warn(
      'JWT_SECRET is not set: tokens are signed with a key made for this process; they end when it stops.',
    );
  }

  app.set('trust proxy', config.trustProxy);
  app.disable('x-powered-by');
  // An API answer's ETag is its resource's version (ADR 18), set where there is one. Express's
  // own, a SHA-1 of every other body, named no version and was computed for every answer,
  // though API answers are `no-store`. Files (the web UI, documents) set their own.
  app.set('etag', false);
  // At most one pair more than the validation pipe accepts (ADR 15): bounded, never shortened.
  app.set('query parser', parseQuery);
  app.use(httpConventions);
  app.use(rejectTrailingSlash);
  app.use(oidcCallbackPaths(config.oidcProviders));
  app.use(app.get(MetricsService).middleware);
  app.use(
    helmet({
      contentSecurityPolicy: {
        useDefaults: true,
        directives: { 'frame-ancestors': ["'none'"] },
      },
      frameguard: { action: 'deny' },
      strictTransportSecurity: { maxAge: 31536000, includeSubDomains: true },
      referrerPolicy: { policy: 'no-referrer' },
    }),
  );
  app.useBodyParser('json', {
    limit: config.bodyLimitBytes,
    type: ['application/json', 'application/*+json'],
    // Any JSON value is parsed; the validation pipe then says exactly what is wrong with a body
    // that is not an object, naming "(body)".
    strict: false,
  });
  // Form-encoded bodies only where OAuth clients send them: the token endpoint (RFC 6749 §4.4).
  app.useBodyParser('urlencoded', {
    limit: 16 * 1024,
    extended: false,
    type: (req: { url?: string; headers: Record<string, unknown> }) => {
      const type = req.headers['content-type'];
      return (
        req.url?.split('?')[0] === `${API_BASE_PATH}/auth/token` &&
        typeof type === 'string' &&
        type.toLowerCase().startsWith('application/x-www-form-urlencoded')
      );
    },
  });
  app.setGlobalPrefix(API_BASE_PATH.slice(1), { exclude: UNPREFIXED });

  const document = buildOpenApiDocument(app);
  SwaggerModule.setup(`${API_BASE_PATH.slice(1)}/docs`, app, document, {
    jsonDocumentUrl: `${API_BASE_PATH.slice(1)}/openapi.json`,
    yamlDocumentUrl: `${API_BASE_PATH.slice(1)}/openapi.yaml`,
    customSiteTitle: 'Brug API',
  });

  mountQueueBoard(app);

  // Nest answers unknown paths under its prefix; everything else ends here, as problem+json too.
  await app.init();
  serveWebUi(app, { publicUrl: config.publicUrl });
  // Every route is registered now: which methods each path answers, for 405 and Allow.
  indexRoutes(app.getHttpAdapter().getInstance());
  const problems = new ProblemFilter();
  app.use((req: Request, res: Response) => {
    const { request, response } = exchangeOf(req, res);
    problems.respond(new NotFoundException(), request, response);
  });
  app.use((error: unknown, req: Request, res: Response, _next: NextFunction) => {
    const { request, response } = exchangeOf(req, res);
    problems.respond(error, request, response);
  });
  return app;
}
