import { Injectable } from '@nestjs/common';
import { Counter, Gauge } from 'prom-client';
import { ActorCache, type ActorCacheStats } from '../auth/actor-cache';
import { MetricsService } from './metrics.service';

/**
 * The actor cache's metrics (ADR 47), read from the cache at each scrape. Registered here, in
 * the API's health module, so that auth needs no import of health.
 */
@Injectable()
export class ActorCacheMetrics {
  constructor(cache: ActorCache, metrics: MetricsService) {
    const registers = [metrics.registry];
    type Counted = 'hit' | 'miss' | 'bypass' | 'invalidations' | 'drops';
    const latest = (): ActorCacheStats => cache.stats();
    const seen: Record<Counted, number> = {
      hit: 0,
      miss: 0,
      bypass: 0,
      invalidations: 0,
      drops: 0,
    };
    /** What the cache counted since the last scrape. */
    const since = (key: Counted): number => {
      const now = latest()[key];
      const delta = now - seen[key];
      seen[key] = now;
      return delta;
    };
    new Counter({
      name: 'brug_actor_cache_lookups_total',
      help: 'Actor lookups of authentication: hit (kept), miss (read and kept), bypass (read per request: the cache was not listening)',
      labelNames: ['result'],
      registers,
      collect() {
        for (const result of ['hit', 'miss', 'bypass'] as const)
          this.inc({ result }, since(result));
      },
    });
    new Counter({
      name: 'brug_actor_cache_invalidations_total',
      help: 'Notifications on brug_actor_changed this process received',
      registers,
      collect() {
        this.inc(since('invalidations'));
      },
    });
    new Counter({
      name: 'brug_actor_cache_listen_drops_total',
      help: 'Times the actor cache’s listening connection dropped (the cache was emptied each time)',
      registers,
      collect() {
        this.inc(since('drops'));
      },
    });
    new Gauge({
      name: 'brug_actor_cache_listening',
      help: 'Whether the actor cache listens for changes and is used (1), or every request reads the actor (0)',
      registers,
      collect() {
        this.set(latest().listening ? 1 : 0);
      },
    });
    new Gauge({
      name: 'brug_actor_cache_entries',
      help: 'Actors kept by this process',
      registers,
      collect() {
        this.set(latest().entries);
      },
    });
  }
}
