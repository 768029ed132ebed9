// `npm run bench:checkout`: a started BFF (SQLite, then MariaDB when BENCH_MYSQL_URL or
// mysql://root@127.0.0.1:3306 answers) takes ≥ 2,000 concurrent order attempts from 50 clients
// at one slot of capacity 20 and an item with stock 30, 10% retried with the same key. Prints
// throughput, latency and the invariants; exits non-zero when an invariant fails.
import 'reflect-metadata';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createConnection } from 'mysql2/promise';
import { createDataSource } from '../../bff/src/db/data-source';
import { addDays, shanghaiDate } from '../../bff/src/lib/shanghai-time';
import { zones, stores } from '../../mock/src/data';
import { percentile, runLimited, startBff } from './bench-util';

const ATTEMPTS = Number(process.env.BENCH_ATTEMPTS ?? 2000);
const CLIENTS = 50;
const CAPACITY = 20;
const STOCK = 30;
const IN_FLIGHT = 200;

interface Result {
  db: string;
  ok: boolean;
  lines: string[];
}

async function benchOne(name: string, databaseUrl: string, port: number): Promise<Result> {
  const bff = await startBff({ DATABASE_URL: databaseUrl, JOBS_INTERVAL_S: '0' }, port);
  const ds = createDataSource(
    databaseUrl.startsWith('sqlite:')
      ? { kind: 'sqlite', path: databaseUrl.slice(7) }
      : { kind: 'mysql', url: databaseUrl },
  );
  await ds.initialize();
  try {
    const store = stores.find((s) => s.code === zones[0].storeCode)!;
    const here = { lat: store.lat + 0.0045, lng: store.lng };
    const tokens: string[] = [];
    for (let i = 0; i < CLIENTS; i++) {
      const r = await fetch(`${bff.base}/api/v1/auth/dev`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ role: 'consumer', openid: `bench-${i}` }),
      });
      tokens.push(((await r.json()) as { token: string }).token);
    }
    const date = addDays(shanghaiDate(new Date()), 1);
    const slotsRes = (await (
      await fetch(`${bff.base}/api/v1/slots?lat=${here.lat}&lng=${here.lng}&date=${date}`, {
        headers: { Authorization: `Bearer ${tokens[0]}` },
      })
    ).json()) as {
      zone: { storeId: number };
      slots: Array<{ id: number }>;
    };
    if (!slotsRes.slots) throw new Error(`GET /slots failed: ${JSON.stringify(slotsRes)}`);
    const slotId = slotsRes.slots[2].id;
    const storeId = slotsRes.zone.storeId;
    const [{ product_id: productId }] = await ds.query(
      'SELECT product_id FROM store_stock WHERE store_id = ? ORDER BY product_id LIMIT 1',
      [storeId],
    );
    await ds.query('UPDATE store_stock SET quantity = ? WHERE store_id = ? AND product_id = ?', [
      STOCK,
      storeId,
      productId,
    ]);
    await ds.query('UPDATE delivery_slots SET capacity = ?, booked = 0 WHERE id = ?', [CAPACITY, slotId]);

    const attempts = Array.from({ length: ATTEMPTS }, (_, i) => ({
      client: i % CLIENTS,
      key: `bench-${Date.now()}-${i}`,
      quantity: 1 + (i % 2),
    }));
    const all = [...attempts, ...attempts.filter((_, i) => i % 10 === 0)];
    for (let i = all.length - 1; i > 0; i--) {
      const j = (i * 7919) % (i + 1); // deterministic shuffle so retries interleave with first tries
      [all[i], all[j]] = [all[j], all[i]];
    }
    const started = performance.now();
    const results = await runLimited(
      all.map((a) => async () => {
        const t0 = performance.now();
        const r = await fetch(`${bff.base}/api/v1/orders`, {
          method: 'POST',
          headers: {
            'Content-Type': 'application/json',
            Authorization: `Bearer ${tokens[a.client]}`,
            'Idempotency-Key': a.key,
          },
          body: JSON.stringify({
            type: 'delivery',
            slotId,
            address: { contactName: '压测', phone: '13800000000', address: '上海市测试路 1 号', ...here },
            items: [{ productId, quantity: a.quantity }],
          }),
        });
        const body = (await r.json()) as { id?: number; error?: { code: string } };
        return {
          status: r.status,
          ms: performance.now() - t0,
          startMs: t0 - started,
          key: `${a.client}:${a.key}`,
          id: body.id,
          code: body.error?.code,
        };
      }),
      IN_FLIGHT,
      `  ${name}`,
    );
    const seconds = (performance.now() - started) / 1000;
    const [{ booked }] = await ds.query('SELECT booked FROM delivery_slots WHERE id = ?', [slotId]);
    const [{ quantity }] = await ds.query(
      'SELECT quantity FROM store_stock WHERE store_id = ? AND product_id = ?',
      [storeId, productId],
    );
    const [{ n: orderCount }] = await ds.query('SELECT COUNT(*) AS n FROM orders WHERE slot_id = ?', [
      slotId,
    ]);
    const [{ n: sold }] = await ds.query(
      'SELECT COALESCE(SUM(i.quantity), 0) AS n FROM order_items i JOIN orders o ON o.id = i.order_id WHERE o.slot_id = ?',
      [slotId],
    );
    const idsByKey = new Map<string, Set<number>>();
    for (const r of results)
      if (r.id) (idsByKey.get(r.key) ?? idsByKey.set(r.key, new Set()).get(r.key)!).add(r.id);
    const byStatus = new Map<string, number>();
    for (const r of results)
      byStatus.set(
        `${r.status}${r.code ? ` ${r.code}` : ''}`,
        (byStatus.get(`${r.status}${r.code ? ` ${r.code}` : ''}`) ?? 0) + 1,
      );
    const checks: Array<[string, boolean]> = [
      [`seats booked ${booked} ≤ capacity ${CAPACITY}`, Number(booked) <= CAPACITY],
      [`seats booked ${booked} = orders ${orderCount}`, Number(booked) === Number(orderCount)],
      [
        `units sold ${sold} ≤ stock ${STOCK}, left ${quantity} = ${STOCK} − ${sold}`,
        Number(sold) <= STOCK && Number(quantity) === STOCK - Number(sold),
      ],
      [
        `retried keys → one order each (${[...idsByKey.values()].filter((s) => s.size > 1).length} keys with >1)`,
        [...idsByKey.values()].every((s) => s.size === 1),
      ],
      ['no 5xx', results.every((r) => r.status < 500)],
    ];
    const ms = results.map((r) => r.ms);
    if (process.env.BENCH_DEBUG) {
      const slow = [...results].sort((a, b) => b.ms - a.ms).slice(0, 8);
      process.stderr.write(
        `slowest: ${JSON.stringify(slow.map((r) => [Math.round(r.startMs), Math.round(r.ms), r.status, r.code]))}\n`,
      );
    }
    return {
      db: name,
      ok: checks.every(([, ok]) => ok),
      lines: [
        `${name}: ${results.length} requests (${ATTEMPTS} attempts + ${results.length - ATTEMPTS} retries) from ${CLIENTS} clients, ${IN_FLIGHT} in flight, in ${seconds.toFixed(2)} s`,
        `  throughput ${(results.length / seconds).toFixed(0)} req/s; latency p50 ${percentile(ms, 50).toFixed(1)} ms, p99 ${percentile(ms, 99).toFixed(1)} ms`,
        `  answers: ${[...byStatus.entries()].map(([k, v]) => `${k} ×${v}`).join(', ')}`,
        ...checks.map(([label, ok]) => `  ${ok ? 'OK  ' : 'FAIL'} ${label}`),
      ],
    };
  } finally {
    await ds.destroy();
    await bff.stop();
  }
}

async function mysqlUrl(): Promise<{ url: string; drop(): Promise<void> } | null> {
  const server = new URL(process.env.BENCH_MYSQL_URL ?? 'mysql://root@127.0.0.1:3306/');
  const conn = await createConnection({
    host: server.hostname,
    port: Number(server.port || 3306),
    user: server.username,
    password: server.password,
  }).catch(() => null);
  if (!conn) return null;
  const name = `omni_bench_${Date.now()}`;
  await conn.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  await conn.end();
  const url = new URL(server.toString());
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const c = await createConnection({
        host: server.hostname,
        port: Number(server.port || 3306),
        user: server.username,
        password: server.password,
      });
      await c.query(`DROP DATABASE IF EXISTS \`${name}\``);
      await c.end();
    },
  };
}

async function main(): Promise<void> {
  const results: Result[] = [];
  const dir = mkdtempSync(join(tmpdir(), 'omni-bench-'));
  process.stderr.write('bench:checkout — SQLite\n');
  results.push(await benchOne('SQLite', `sqlite:${join(dir, 'bench.sqlite')}`, 3901));
  rmSync(dir, { recursive: true, force: true });
  const mysql = await mysqlUrl();
  if (mysql) {
    process.stderr.write('bench:checkout — MariaDB/MySQL\n');
    try {
      results.push(await benchOne('MariaDB', mysql.url, 3902));
    } finally {
      await mysql.drop();
    }
  } else process.stderr.write('no MySQL/MariaDB reachable (BENCH_MYSQL_URL): skipped\n');
  for (const r of results) process.stdout.write(`${r.lines.join('\n')}\n`);
  const ok = results.every((r) => r.ok);
  process.stdout.write(`invariants: ${ok ? 'all hold' : 'VIOLATED'}\n`);
  process.exit(ok ? 0 : 1);
}

void main();
