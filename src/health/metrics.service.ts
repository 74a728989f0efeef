import { Injectable } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { collectDefaultMetrics, Counter, Histogram, Registry } from 'prom-client';
import { responseNotes } from '../common/http-exchange';
import type { InfrastructureCause } from '../common/infrastructure-errors';

/**
 * Prometheus metrics of this process: Node's defaults, HTTP request durations, and the requests
 * that PostgreSQL or Redis failed (answered 503).
 */
@Injectable()
export class MetricsService {
  readonly registry = new Registry();
  private readonly httpDuration: Histogram<'method' | 'route' | 'status'>;
  private readonly unavailable: Counter<'cause'>;

  constructor() {
    collectDefaultMetrics({ register: this.registry, prefix: 'brug_' });
    this.httpDuration = new Histogram({
      name: 'brug_http_request_duration_seconds',
      help: 'HTTP request duration by method, route pattern and status',
      labelNames: ['method', 'route', 'status'],
      buckets: [0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
      registers: [this.registry],
    });
    this.unavailable = new Counter({
      name: 'brug_unavailable_responses_total',
      help: 'Requests answered 503 because PostgreSQL or Redis failed them, by cause',
      labelNames: ['cause'],
      registers: [this.registry],
    });
    // Present from the first scrape, so a rate() over it works before the first failure.
    for (const cause of ['database', 'redis'] as const) this.unavailable.inc({ cause }, 0);
  }

  /**
   * Fastify's `onResponse` hook: the request's duration, labelled by route pattern (not the raw
   * path) to bound cardinality, and a 503's cause.
   */
  readonly onResponse = (
    request: FastifyRequest,
    reply: FastifyReply,
    done: (error?: Error) => void,
  ): void => {
    this.httpDuration.observe(
      {
        method: request.method,
        route: request.is404 ? 'unmatched' : (request.routeOptions.url ?? 'unmatched'),
        status: String(reply.statusCode),
      },
      reply.elapsedTime / 1000,
    );
    // Set by ProblemFilter when an infrastructure failure was answered with 503.
    const cause = responseNotes(reply.raw).unavailableCause as InfrastructureCause | undefined;
    if (cause) this.unavailable.inc({ cause });
    done();
  };
}
