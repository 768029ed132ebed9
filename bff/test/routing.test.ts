import { stores } from '@omni/mock/data';
import type { OptimizeResponse } from '@omni/shared-types';
import { destinationPoint } from '../src/algorithms/geo';
import { DB_TARGETS, startTestApp, type TestApp } from './harness';

const store = stores[0];
/** A point `m` metres from the store at `bearingDeg`. */
const around = (m: number, bearingDeg: number) =>
  destinationPoint({ lat: store.lat, lng: store.lng }, m, bearingDeg);

const HOUR = 3600;

describe.each(DB_TARGETS)('POST /routing/optimize on $name', (target) => {
  let t: TestApp;
  let staff: string;

  const optimize = (body: unknown, auth = staff) =>
    t.http
      .post('/api/v1/routing/optimize')
      .set('Authorization', auth)
      .send(body as object);

  beforeAll(async () => {
    t = await startTestApp(target, { env: { JOBS_INTERVAL_S: '0' } });
    staff = `Bearer ${(await t.login('staff', { storeId: 1 })).token}`;
  }, 60_000);
  afterAll(async () => {
    await t.close();
  });

  it('routes coordinate jobs within their windows and reports each route with a polyline', async () => {
    const depot = { lat: store.lat, lng: store.lng };
    const jobs = Array.from({ length: 12 }, (_, i) => ({
      id: `j${i}`,
      location: around(600 + 150 * i, i * 30),
      demand: 5,
      serviceS: 120,
      window: i % 2 ? [10 * HOUR, 12 * HOUR] : [12 * HOUR, 14 * HOUR],
    }));
    const res = await optimize({
      vehicles: [
        { id: 'v1', start: depot, end: depot, capacity: 40, shift: [9 * HOUR, 21 * HOUR] },
        { id: 'v2', start: depot, end: depot, capacity: 40, shift: [9 * HOUR, 21 * HOUR] },
      ],
      jobs,
      options: { timeLimitS: 0.3, seed: 7 },
    }).expect(200);
    const body = res.body as OptimizeResponse;
    expect(body.unassigned).toEqual([]);
    const served = body.routes.flatMap((r) => r.stops.map((s) => s.jobId));
    expect([...served].sort()).toEqual(jobs.map((j) => j.id).sort());
    for (const r of body.routes) {
      expect(r.load).toBeLessThanOrEqual(40);
      expect(r.polyline).toHaveLength(r.stops.length + 2);
      expect(r.distanceM).toBeGreaterThan(0);
      for (const s of r.stops) {
        const w = jobs.find((j) => j.id === s.jobId)!.window;
        expect(s.serviceStartS).toBeGreaterThanOrEqual(w[0]);
        expect(s.serviceStartS).toBeLessThanOrEqual(w[1]);
        expect(s.departureS).toBe(s.serviceStartS + 120);
      }
    }
    const total = body.routes.reduce((n, r) => n + r.distanceM, 0);
    expect(body.summary).toMatchObject({ distanceM: total, unassigned: 0, routes: body.routes.length });
    expect(body.summary.computingMs).toBeGreaterThan(0);
  });

  it('solves on a caller matrix, ends open routes at the last job and explains what it cannot serve', async () => {
    const durationS = [
      [0, 100, 200, 300],
      [100, 0, 100, 200],
      [200, 100, 0, 100],
      [300, 200, 100, 0],
    ];
    const res = await optimize({
      vehicles: [{ id: 1, start: 0, capacity: 10 }],
      jobs: [
        { id: 11, location: 1, demand: 4 },
        { id: 12, location: 2, demand: 4 },
        { id: 13, location: 3, demand: 50 },
      ],
      matrix: { durationS },
      options: { timeLimitS: 0.1, objective: 'duration' },
    }).expect(200);
    const body = res.body as OptimizeResponse;
    expect(body.routes).toHaveLength(1);
    expect(body.routes[0].stops.map((s) => s.jobId)).toEqual([11, 12]);
    // No way back to the start: the route ends where the last job is served.
    expect(body.routes[0].distanceM).toBe(200);
    expect(body.routes[0].polyline).toBeUndefined();
    expect(body.unassigned).toEqual([{ jobId: 13, reason: 'CAPACITY' }]);
  });

  const base = () => ({
    vehicles: [{ id: 'v', start: { lat: store.lat, lng: store.lng } }],
    jobs: [{ id: 'a', location: around(500, 0) }],
    options: { timeLimitS: 0.1 },
  });
  it.each<[string, (b: ReturnType<typeof base> & Record<string, unknown>) => unknown, string]>([
    [
      'a window ending before it starts',
      (b) => ({ ...b, jobs: [{ ...b.jobs[0], window: [500, 100] }] }),
      'jobs.0.window',
    ],
    [
      'a shift ending before it starts',
      (b) => ({ ...b, vehicles: [{ ...b.vehicles[0], shift: [9, 1] }] }),
      'vehicles.0.shift',
    ],
    ['a negative demand', (b) => ({ ...b, jobs: [{ ...b.jobs[0], demand: -1 }] }), 'jobs.0.demand'],
    ['a negative service time', (b) => ({ ...b, jobs: [{ ...b.jobs[0], serviceS: -5 }] }), 'jobs.0.serviceS'],
    [
      'a NaN coordinate',
      (b) => ({ ...b, jobs: [{ id: 'a', location: { lat: NaN, lng: 121.4 } }] }),
      'jobs.0.location',
    ],
    [
      'a latitude out of range',
      (b) => ({ ...b, jobs: [{ id: 'a', location: { lat: 91, lng: 121.4 } }] }),
      'jobs.0.location',
    ],
    ['duplicate job ids', (b) => ({ ...b, jobs: [b.jobs[0], { ...b.jobs[0] }] }), 'jobs.1.id'],
    ['duplicate vehicle ids', (b) => ({ ...b, vehicles: [b.vehicles[0], b.vehicles[0]] }), 'vehicles.1.id'],
    [
      'a matrix index without a matrix',
      (b) => ({ ...b, jobs: [{ id: 'a', location: 3 }] }),
      'jobs.0.location',
    ],
    [
      'a non-square matrix',
      () => ({
        vehicles: [{ id: 1, start: 0 }],
        jobs: [{ id: 2, location: 1 }],
        matrix: { durationS: [[0, 1], [1]] },
      }),
      'matrix.durationS.1',
    ],
    [
      'a negative matrix entry',
      () => ({
        vehicles: [{ id: 1, start: 0 }],
        jobs: [{ id: 2, location: 1 }],
        matrix: {
          durationS: [
            [0, -1],
            [1, 0],
          ],
        },
      }),
      'matrix.durationS.0.1',
    ],
    [
      'an index beyond the matrix',
      () => ({
        vehicles: [{ id: 1, start: 0 }],
        jobs: [{ id: 2, location: 2 }],
        matrix: {
          durationS: [
            [0, 1],
            [1, 0],
          ],
        },
      }),
      'jobs.0.location',
    ],
    ['no vehicle', (b) => ({ ...b, vehicles: [] }), 'vehicles'],
    ['a time limit under 0.1 s', (b) => ({ ...b, options: { timeLimitS: 0.01 } }), 'options.timeLimitS'],
    ['an unknown field', (b) => ({ ...b, depot: 1 }), '(body)'],
  ])('rejects %s with 400 ROUTING_INPUT_INVALID naming the field', async (_name, make, path) => {
    const res = await optimize(make(base())).expect(400);
    expect(res.body.error.code).toBe('ROUTING_INPUT_INVALID');
    const paths = (res.body.error.details.fields as { path: string }[]).map((f) => f.path);
    expect(paths.some((p) => p.startsWith(path))).toBe(true);
  });

  it.each<[string, (b: ReturnType<typeof base>) => unknown, string]>([
    [
      '5,001 jobs',
      (b) => ({
        ...b,
        jobs: Array.from({ length: 5001 }, (_, i) => ({ id: i, location: around(400, i % 360) })),
      }),
      'jobs',
    ],
    [
      '501 vehicles',
      (b) => ({ ...b, vehicles: Array.from({ length: 501 }, (_, i) => ({ ...b.vehicles[0], id: i })) }),
      'vehicles',
    ],
    ['a 61 s time limit', (b) => ({ ...b, options: { timeLimitS: 61 } }), 'options.timeLimitS'],
  ])('refuses %s with 422 ROUTING_LIMIT_EXCEEDED', async (_name, make, path) => {
    const res = await optimize(make(base())).expect(422);
    expect(res.body.error.code).toBe('ROUTING_LIMIT_EXCEEDED');
    expect(res.body.error.details.fields.map((f: { path: string }) => f.path)).toContain(path);
  });

  it('is for staff and admins only', async () => {
    await t.http.post('/api/v1/routing/optimize').send(base()).expect(401);
    const consumer = `Bearer ${(await t.login('consumer', { openid: 'routing-c' })).token}`;
    expect((await optimize(base(), consumer).expect(403)).body.error.code).toBe('FORBIDDEN');
    const admin = `Bearer ${(await t.login('admin')).token}`;
    await optimize(base(), admin).expect(200);
  });

  it('keeps answering /healthz while a 10 s solve runs', async () => {
    const jobs = Array.from({ length: 80 }, (_, i) => ({
      id: i,
      location: around(300 + 25 * i, (i * 47) % 360),
      demand: 1,
      serviceS: 60,
    }));
    const finished: string[] = [];
    const solve = optimize({
      vehicles: [
        { id: 'a', start: { lat: store.lat, lng: store.lng }, capacity: 50 },
        { id: 'b', start: { lat: store.lat, lng: store.lng }, capacity: 50 },
      ],
      jobs,
      options: { timeLimitS: 10 },
    }).then((res) => {
      finished.push('solve');
      return res;
    });
    const routing = t.container.services.routing;
    while (!routing.stats().running) await new Promise((ok) => setTimeout(ok, 20));
    for (let i = 0; i < 3; i++) {
      const health = await t.http.get('/healthz').expect(200);
      expect(health.body.status).toBe('ok');
      finished.push('health');
    }
    const res = await solve;
    expect(res.status).toBe(200);
    expect(res.body.unassigned).toEqual([]);
    expect(finished).toEqual(['health', 'health', 'health', 'solve']);
  }, 40_000);
});
