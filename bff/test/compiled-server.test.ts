import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { LoginResponse, NluResponse, OptimizeResponse } from '@omni/shared-types';
import { compileBff, healthy, ROOT, startBff, stopBff, type Bff } from './processes';

const BOOT_TIMEOUT_MS = 120_000;

describe('the compiled BFF (node bff/dist/server.js, no tsx)', () => {
  let dir: string;
  let bff: Bff | undefined;
  let base: string;

  beforeAll(async () => {
    compileBff();
    dir = mkdtempSync(join(tmpdir(), 'omni-dist-'));
    bff = startBff({ DATABASE_URL: `sqlite:${join(dir, 'omni.sqlite')}` });
    await healthy(bff, BOOT_TIMEOUT_MS);
    base = `http://127.0.0.1:${await bff.port}/api/v1`;
  }, BOOT_TIMEOUT_MS);
  afterAll(async () => {
    if (bff) await stopBff(bff);
    rmSync(dir, { recursive: true, force: true });
  });

  const post = async <T>(
    path: string,
    body: unknown,
    token?: string,
  ): Promise<{ status: number; body: T }> => {
    const res = await fetch(`${base}${path}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify(body),
    });
    return { status: res.status, body: (await res.json()) as T };
  };

  it('is what the bff workspace starts, with plain node', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'bff/package.json'), 'utf8')) as {
      scripts: Record<string, string>;
    };
    expect(pkg.scripts.start).toMatch(/^node .*dist\/server\.js$/);
    expect(pkg.scripts.start).not.toContain('tsx');
  });

  it('loads the shipped NLU model', async () => {
    const res = await post<NluResponse>('/support/nlu', { text: '我的订单到哪了' });
    expect(res.status).toBe(200);
    expect(res.body.intent).toBe('order_status');
  });

  it('solves routes in the compiled solver worker', async () => {
    const staff = await post<LoginResponse>('/auth/dev', { role: 'staff', storeId: 1 });
    expect(staff.status).toBe(200);
    const depot = { lat: 31.2304, lng: 121.4737 };
    const res = await post<OptimizeResponse>(
      '/routing/optimize',
      {
        vehicles: [{ id: 'v1', start: depot, end: depot, capacity: 10, shift: [9 * 3600, 21 * 3600] }],
        jobs: [0.004, 0.008, 0.012].map((d, i) => ({
          id: `j${i}`,
          location: { lat: depot.lat + d, lng: depot.lng },
          demand: 1,
          serviceS: 60,
        })),
        options: { timeLimitS: 0.2, seed: 1 },
      },
      staff.body.token,
    );
    expect(res.status).toBe(200);
    expect(res.body.unassigned).toEqual([]);
    expect(res.body.routes[0].stops).toHaveLength(3);
  });

  it('stops cleanly on SIGTERM', async () => {
    expect(await stopBff(bff!)).toBe(0);
    bff = undefined;
  });
});

describe('the compiled BFF refusing a production configuration', () => {
  beforeAll(() => compileBff(), BOOT_TIMEOUT_MS);

  it('exits 78 naming ALLOW_DEV_LOGIN, before it opens a database', async () => {
    const bff = startBff({
      NODE_ENV: 'production',
      ALLOW_DEV_LOGIN: '1',
      DATABASE_URL: 'mysql://nobody@127.0.0.1:1/none',
    });
    const code = await bff.exited;
    expect(code).toBe(78);
    expect(bff.output()).toMatch(/ALLOW_DEV_LOGIN: must not be 1/);
    expect(bff.output()).toMatch(/AMAP_KEY: required/);
  });
});
