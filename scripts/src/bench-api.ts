// `npm run bench:api`: a load run against a started BFF on loopback (autocannon), beside a bare
// Koa server answering a small JSON body in the same run, so the BFF's own cost is visible.
import 'reflect-metadata';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Koa from 'koa';
import autocannon from 'autocannon';
import { startBff } from './bench-util';

const DURATION_S = Number(process.env.BENCH_DURATION_S ?? 5);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);

interface Row {
  name: string;
  rps: number;
  p50: number;
  p99: number;
  errors: number;
}

async function load(name: string, url: string): Promise<Row> {
  process.stderr.write(`  ${name} … ${DURATION_S} s, ${CONNECTIONS} connections\n`);
  const r = await autocannon({ url, connections: CONNECTIONS, duration: DURATION_S });
  return {
    name,
    rps: r.requests.average,
    p50: r.latency.p50,
    p99: r.latency.p99,
    errors: r.errors + r.non2xx,
  };
}

async function main(): Promise<void> {
  const bare = new Koa();
  bare.use((ctx) => {
    ctx.body = { status: 'ok' };
  });
  const bareServer = createServer(bare.callback());
  await new Promise<void>((ok) => bareServer.listen(0, '127.0.0.1', ok));
  const bareUrl = `http://127.0.0.1:${(bareServer.address() as AddressInfo).port}/`;
  const dir = mkdtempSync(join(tmpdir(), 'omni-api-'));
  process.stderr.write('starting the BFF on SQLite …\n');
  const bff = await startBff(
    { DATABASE_URL: `sqlite:${join(dir, 'api.sqlite')}`, JOBS_INTERVAL_S: '0' },
    3903,
  );
  try {
    const rows = [
      await load('bare Koa JSON (baseline)', bareUrl),
      await load('BFF GET /healthz', `${bff.base}/healthz`),
      await load('BFF GET /api/v1/products?pageSize=20', `${bff.base}/api/v1/products?pageSize=20`),
      await load(
        'BFF GET /api/v1/products?q=面霜',
        `${bff.base}/api/v1/products?q=${encodeURIComponent('面霜')}`,
      ),
      await load('BFF GET /api/v1/products/1', `${bff.base}/api/v1/products/1`),
      await load(
        'BFF GET /api/v1/stores/nearby',
        `${bff.base}/api/v1/stores/nearby?lat=31.2304&lng=121.4737&limit=10`,
      ),
    ];
    const pad = (s: string, n: number) => s.padEnd(n);
    process.stdout.write(
      `${pad('endpoint', 42)}${pad('req/s', 10)}${pad('p50 ms', 9)}${pad('p99 ms', 9)}errors\n`,
    );
    for (const r of rows) {
      process.stdout.write(
        `${pad(r.name, 42)}${pad(r.rps.toFixed(0), 10)}${pad(String(r.p50), 9)}${pad(String(r.p99), 9)}${r.errors}\n`,
      );
    }
    const base = rows[0].rps;
    process.stdout.write(
      `summary: ${CONNECTIONS} connections, ${DURATION_S} s each on loopback; BFF /healthz at ${((rows[1].rps / base) * 100).toFixed(0)}% of bare Koa, catalogue list at ${((rows[2].rps / base) * 100).toFixed(0)}%\n`,
    );
  } finally {
    await bff.stop();
    bareServer.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

void main();
