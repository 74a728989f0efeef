import { createServer } from 'node:http';
import { Pool } from 'pg';
import { readWithSetting, statementName } from '../src/database/prepared';

/**
 * The floor of the HTTP read path (issue 21): a bare Node `http` server that answers each list
 * URL with Brug's own statements for it (the same SQL text, parameters and statement names, on a
 * `pg` pool of Brug's size) and writes a JSON page of the same size as Brug's. No framework, no
 * sign-in, no presenter: what is left is what the stack itself costs. Reads its job (JSON) on
 * stdin and prints `{"port": n}` once it listens.
 */

export interface FloorRoute {
  /** The page's statement; `named`: run as a prepared statement (Brug prepares all but searches). */
  page: { sql: string; params: unknown[]; named: boolean };
  /** The count Brug runs for this page (with Brug's own helper, as Brug does), if it runs one. */
  count?: { setting: string; sql: string; params: unknown[] };
  /** The size of Brug's answer for the same URL, in bytes. */
  bytes: number;
}

export interface FloorJob {
  databaseUrl: string;
  poolSize: number;
  routes: Record<string, FloorRoute>;
}

async function main(): Promise<void> {
  let input = '';
  for await (const chunk of process.stdin) input += (chunk as Buffer).toString('utf8');
  const job = JSON.parse(input) as FloorJob;
  const pool = new Pool({
    connectionString: job.databaseUrl,
    max: job.poolSize,
    application_name: 'brug-bench-floor',
    // As Brug's pool (src/database/data-source-options.ts): a statement the load has given up
    // on must not run on and load the scenarios after it.
    statement_timeout: 30000,
  });
  const routes = new Map(Object.entries(job.routes));

  const answer = async (route: FloorRoute): Promise<string> => {
    const { page } = route;
    const result = await pool.query(
      page.named
        ? { name: statementName(page.sql), text: page.sql, values: page.params }
        : { text: page.sql, values: page.params },
    );
    let total = result.rows.length;
    if (route.count) {
      const { setting, sql, params } = route.count;
      const [counted] = await readWithSetting<{ n: number }>(pool, setting, sql, params);
      total = counted?.n ?? 0;
    }
    const body = JSON.stringify({ items: result.rows, nextCursor: null, total, filler: '' });
    // The same number of bytes as Brug's page: pad (or cut) the filler.
    const missing = route.bytes - Buffer.byteLength(body);
    return missing > 0 ? `${body.slice(0, -2)}${' '.repeat(missing)}"}` : body;
  };

  const server = createServer((req, res) => {
    const route = routes.get(req.url ?? '');
    if (!route) {
      res.writeHead(404).end();
      return;
    }
    answer(route).then(
      (body) => {
        res.writeHead(200, {
          'content-type': 'application/json; charset=utf-8',
          'content-length': Buffer.byteLength(body),
        });
        res.end(body);
      },
      (error: unknown) => {
        process.stderr.write(`${String(error)}\n`);
        res.writeHead(500).end();
      },
    );
  });
  server.keepAliveTimeout = 60_000;
  server.listen(0, '127.0.0.1', () => {
    const address = server.address();
    process.stdout.write(
      `${JSON.stringify({ port: typeof address === 'object' && address ? address.port : 0 })}\n`,
    );
  });
  const stop = (): void => {
    server.close();
    void pool.end().finally(() => process.exit(0));
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

main().catch((error: unknown) => {
  process.stderr.write(
    `${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
});
