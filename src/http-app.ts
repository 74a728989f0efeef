import type { IncomingMessage } from 'node:http';
import { Logger as NestLogger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { SwaggerModule } from '@nestjs/swagger';
import { Logger } from 'nestjs-pino';
import type { DestinationStream } from 'pino';
import { AppModule } from './app.module';
import { oidcCallbackPaths } from './auth/oidc/callback-paths';
import { API_BASE_PATH } from './common/api-version';
import { registerBodyParsers } from './common/body-parsers';
import { httpConventions, requestIdOf } from './common/http-conventions';
import { parseQuery } from './common/input-limits';
import { ProblemFilter } from './common/problem.filter';
import { buildOpenApiDocument } from './common/openapi';
import { indexRoutes } from './common/route-methods';
import type { AppConfig } from './config/config';
import { MetricsService } from './health/metrics.service';
import { serveWebUi } from './web-ui';
import { mountQueueBoard } from './workflow/queues/queue-board';

/** Paths outside /api/v1: the platform's probes and metrics. */
const UNPREFIXED = ['health/live', 'health/ready', 'metrics'];

/** How long an idle keep-alive connection stays open: Node's default, which Express kept. */
const KEEP_ALIVE_TIMEOUT_MS = 5_000;

function trustHops(hops: number): (address: string, hop: number) => boolean {
  return (_address, hop) => hop < hops;
}

/**
 * Creates and initialises the HTTP application exactly as production runs it; the tests use
 * this too, so what they check is what runs. The caller only has to listen.
 *
 * Brug runs on Fastify through `@nestjs/platform-fastify` (ADR 51, ADR 55). What Express did
 * with middleware is done here with Fastify's own parts: the request id and the OIDC callback
 * paths when the request is read, body parsers per content type, hooks for the fixed headers,
 * the metrics and the queue board's sign-in, and a route index for 405.
 */
export async function createHttpApp(
  config: AppConfig,
  options: { logStream?: DestinationStream } = {},
): Promise<NestFastifyApplication> {
  const callbackPath = oidcCallbackPaths(config.oidcProviders);
  const conventions = httpConventions(new ProblemFilter());
  const adapter = new FastifyAdapter({
    // A number is how many proxies in front to trust, as Express counted them (proxy-addr).
    trustProxy:
      typeof config.trustProxy === 'number' ? trustHops(config.trustProxy) : config.trustProxy,
    keepAliveTimeout: KEEP_ALIVE_TIMEOUT_MS,
    genReqId: requestIdOf,
    requestIdHeader: false,
    frameworkErrors: conventions.frameworkErrors,
    // A provider registered with its own callback path is answered by its callback route.
    rewriteUrl: (request: IncomingMessage) => callbackPath(request.method, request.url ?? '/'),
    routerOptions: {
      // At most one pair more than the validation pipe accepts (ADR 15): bounded, never shortened.
      querystringParser: parseQuery,
      // A trailing slash names no resource (NLGov ADR): the hook below answers 404.
      ignoreTrailingSlash: false,
      // A parameter longer than any id is the route's to refuse (400), not a 414 of the router's;
      // Node's limit on the request line and headers (16 KiB) still bounds it.
      maxParamLength: 16 * 1024,
    },
    // Node's own limit for a whole request, which Express kept; Fastify would set none.
    requestTimeout: 300_000,
  });
  registerBodyParsers(adapter.getInstance(), { jsonLimit: config.bodyLimitBytes });
  // Every route, as Fastify registers it: which methods each path answers, for 405 and Allow.
  indexRoutes(adapter.getInstance());

  const app = await NestFactory.create<NestFastifyApplication>(
    AppModule.forRoot(config, { role: 'api', logStream: options.logStream }),
    adapter,
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

  const fastify = adapter.getInstance();
  fastify.addHook('onRequest', conventions.hook);
  fastify.addHook('onResponse', app.get(MetricsService).onResponse);
  app.setGlobalPrefix(API_BASE_PATH.slice(1), { exclude: UNPREFIXED });

  const document = buildOpenApiDocument(app);
  SwaggerModule.setup(`${API_BASE_PATH.slice(1)}/docs`, app, document, {
    jsonDocumentUrl: `${API_BASE_PATH.slice(1)}/openapi.json`,
    yamlDocumentUrl: `${API_BASE_PATH.slice(1)}/openapi.yaml`,
    customSiteTitle: 'Brug API',
  });

  mountQueueBoard(app);
  // Nest's routes come first; the UI answers only paths no route has (and its own files).
  serveWebUi(app, { publicUrl: config.publicUrl });

  // Unknown paths and errors before a route (a body refused) end in the problem filter, as
  // problem+json too: Nest installs its not-found and error handlers through it.
  await app.init();
  await fastify.ready();
  return app;
}
