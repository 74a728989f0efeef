import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { load } from 'js-yaml';

/**
 * docker-compose.yml's `scale` profile (docs/operations.md), read as Compose reads it: there is no
 * Docker engine here, so its shape is what can be checked. Two API processes with WORKERS=off
 * behind nginx, two worker processes, one PostgreSQL and one Redis.
 */
const ROOT = join(__dirname, '..');

interface Service {
  profiles?: string[];
  image?: string;
  build?: unknown;
  command?: string[];
  environment?: Record<string, unknown>;
  volumes?: string[];
  ports?: string[];
  depends_on?: Record<string, { condition: string }>;
  healthcheck?: { test: string[] };
  networks?: Record<string, { ipv4_address?: string }>;
}

const compose = load(readFileSync(join(ROOT, 'docker-compose.yml'), 'utf8')) as {
  services: Record<string, Service>;
};
const services = compose.services;

/** The environment with YAML merge keys (`<<: *brug-environment`) resolved, as Compose does. */
function environment(service: Service): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(service.environment ?? {})) {
    if (key === '<<') Object.assign(out, value as Record<string, string>);
  }
  for (const [key, value] of Object.entries(service.environment ?? {})) {
    if (key !== '<<') out[key] = String(value);
  }
  return out;
}

/** The services `docker compose --profile scale up` starts: those without a profile, and scale's. */
const scaled = Object.entries(services).filter(
  ([, s]) => !s.profiles || s.profiles.includes('scale'),
);
const apis = scaled.filter(([, s]) => s.command?.join(' ') === 'node dist/main.js');
const workers = scaled.filter(([, s]) => s.command?.join(' ') === 'node dist/worker.js');

describe('docker-compose.yml, the scale profile', () => {
  it('runs two API processes and two worker processes of one image', () => {
    expect(apis.map(([name]) => name)).toEqual(['api', 'api-2']);
    expect(workers.map(([name]) => name)).toEqual(['worker', 'worker-2']);
    for (const [, s] of [...apis, ...workers]) expect(s.image).toBe('brug:local');
    // Only the first API is there without the profile: the default set-up stays one and one.
    const plain = Object.entries(services).filter(([, s]) => !s.profiles);
    expect(plain.filter(([, s]) => s.command?.[1] === 'dist/main.js')).toHaveLength(1);
    expect(plain.filter(([, s]) => s.command?.[1] === 'dist/worker.js')).toHaveLength(1);
  });

  it('the APIs do not run workers, and every process shares one database, Redis and prefix', () => {
    for (const [, s] of apis) expect(environment(s).WORKERS).toBe('off');
    for (const [, s] of workers) {
      // A worker process sequences the audit log whatever WORKERS says; never switched off here.
      expect(environment(s).AUDIT_SEQUENCER).toBeUndefined();
    }
    const shared = (s: Service) => {
      const env = environment(s);
      return [env.DATABASE_URL, env.REDIS_URL, env.REDIS_PREFIX, env.JWT_SECRET];
    };
    const first = shared(services.api!);
    expect(first[0]).toMatch(/^postgres:\/\/[^@]+@postgres:5432\//);
    expect(first[1]).toBe('redis://redis:6379');
    for (const [, s] of [...apis, ...workers]) expect(shared(s)).toEqual(first);
    expect(scaled.filter(([, s]) => s.image?.startsWith('postgres:'))).toHaveLength(1);
    expect(scaled.filter(([, s]) => s.image?.startsWith('redis:'))).toHaveLength(1);
  });

  it('one API seeds the demonstration; the second starts once the first is ready', () => {
    expect(environment(services['api-2']!).DEMO_DATA).toBe('false');
    expect(services['api-2']!.depends_on?.api?.condition).toBe('service_healthy');
    expect(services['worker-2']!.depends_on?.api?.condition).toBe('service_healthy');
  });

  it('each API has a readiness health check on its own port', () => {
    for (const [, s] of apis) {
      const port = environment(s).PORT;
      expect(s.healthcheck?.test.join(' ')).toContain(`http://127.0.0.1:${port}/health/ready`);
    }
  });

  describe('the proxy', () => {
    const proxy = services.proxy!;
    const mount = proxy.volumes?.find((v) => v.endsWith(':/etc/nginx/conf.d/default.conf:ro'));
    const file = join(ROOT, mount?.split(':')[0] ?? 'missing');
    const conf = existsSync(file) ? readFileSync(file, 'utf8') : '';

    it('is nginx in the scale profile with its configuration file committed', () => {
      expect(proxy.profiles).toEqual(['scale']);
      expect(proxy.image).toMatch(/^nginx:/);
      expect(existsSync(file)).toBe(true);
      expect(proxy.healthcheck?.test.join(' ')).toMatch(/127\.0\.0\.1:8080\/proxy-health/);
      expect(conf).toMatch(/location = \/proxy-health\s*\{[^}]*return 200/);
    });

    it('has as upstreams exactly the API services on their ports, and waits for them', () => {
      const upstream = /upstream\s+(\w+)\s*\{([^}]*)\}/.exec(conf);
      expect(upstream).not.toBeNull();
      const servers = [...upstream![2]!.matchAll(/^\s*server\s+([\w.-]+):(\d+)/gm)].map(
        (m) => `${m[1]}:${m[2]}`,
      );
      expect(servers.sort()).toEqual(
        apis.map(([name, s]) => `${name}:${environment(s).PORT}`).sort(),
      );
      expect(conf).toContain(`proxy_pass http://${upstream![1]};`);
      for (const [name] of apis) {
        expect(proxy.depends_on?.[name]?.condition).toBe('service_healthy');
      }
    });

    it('listens where it is published, and the APIs trust only its address', () => {
      const listen = /^\s*listen\s+(\d+);/m.exec(conf)?.[1];
      expect(proxy.ports).toEqual([`${listen}:${listen}`]);
      expect(conf).toContain('X-Forwarded-For $proxy_add_x_forwarded_for');
      const address = proxy.networks?.default?.ipv4_address;
      expect(address).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
      for (const [, s] of apis) expect(environment(s).TRUST_PROXY).toBe(address);
    });
  });
});
