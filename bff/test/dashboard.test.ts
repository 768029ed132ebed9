import type {
  DashboardResponse,
  KpiAnomalyListResponse,
  LbsEvent,
  OpsAlertListResponse,
} from '@omni/shared-types';
import type { EntityTarget, ObjectLiteral } from 'typeorm';
import { addDays, shanghaiToUtc } from '../src/lib/shanghai-time';
import { bandFor, detectAnomaly, type DailyValue } from '../src/modules/dashboard/anomaly';
import { CaseEntity, CaseEventEntity } from '../src/modules/aftersales/aftersales.entity';
import { RoutePlanEntity, RouteStopEntity } from '../src/modules/dispatch/dispatch.entity';
import { NotificationEntity } from '../src/modules/notifications/notify.entity';
import { JobEntity } from '../src/modules/jobs/job.entity';
import { LbsEventEntity } from '../src/modules/lbs/lbs.entity';
import { OpsAlertEntity } from '../src/modules/ops/alert.entity';
import { OrderEntity, OrderEventEntity } from '../src/modules/orders/order.entity';
import { SlotEntity, ZoneEntity } from '../src/modules/slots/slot.entity';
import { StoreEntity } from '../src/modules/stores/store.entity';
import { ConversationEntity } from '../src/modules/support/support.entity';
import { seedHistory } from '../src/seed/seed-history';
import { createLogger } from '../src/logger';
import { MutableClock } from './fixtures';
import { DB_TARGETS, startTestApp, type TestApp } from './harness';

/** 12:00 in Shanghai on Wednesday 2026-12-16. */
const NOW = '2026-12-16T04:00:00.000Z';
const TODAY = '2026-12-16';
const D1 = addDays(TODAY, -1);
const D2 = addDays(TODAY, -2);
const P1 = addDays(TODAY, -3);
const at = (date: string, time: string, plusS = 0) =>
  new Date(shanghaiToUtc(date, time).getTime() + plusS * 1000);

/** `n` days of values ending the day before `last`, from `f(i, date)` (i = 0 is the oldest). */
function history(last: string, n: number, f: (i: number, date: string) => number | null): DailyValue[] {
  return Array.from({ length: n }, (_, i) => {
    const date = addDays(last, i - n);
    return { date, value: f(i, date) };
  });
}
const weekday = (date: string) => new Date(`${date}T00:00:00Z`).getUTCDay();

describe('KPI anomaly bands', () => {
  const day = '2026-12-15';
  const o = { minHalfWidth: 0.05 };

  it('leaves a small change after a flat history alone and flags a clear drop', () => {
    const flat = history(day, 28, () => 0.95);
    expect(detectAnomaly([...flat, { date: day, value: 0.93 }], day, o)).toBeNull();
    const drop = detectAnomaly([...flat, { date: day, value: 0.8 }], day, o);
    expect(drop).toMatchObject({ direction: 'low', value: 0.8, since: day, date: day });
    expect(drop!.low).toBeCloseTo(0.9);
    expect(drop!.high).toBeCloseTo(1.0);
  });

  it('flags a spike above a noisy history by median ± 3 scaled MADs', () => {
    // Values 90, 100, 110 in turn: median 100, MAD 10, band 100 ± 3 × 1.4826 × 10.
    const noisy = history(day, 28, (i) => [90, 100, 110][i % 3]);
    const plain = { minHalfWidth: 1, minSameWeekday: 29 }; // no weekday centre: the plain 28-day median
    const band = bandFor(noisy, day, plain)!;
    expect(band.center).toBe(100);
    expect(band.high).toBeCloseTo(100 + 3 * 1.4826 * 10);
    expect(detectAnomaly([...noisy, { date: day, value: 140 }], day, plain)).toBeNull();
    expect(detectAnomaly([...noisy, { date: day, value: 160 }], day, plain)).toMatchObject({
      direction: 'high',
    });
  });

  it('compares a weekend with earlier weekends, not with weekdays', () => {
    const saturday = '2026-12-19';
    const weekly = history(saturday, 28, (_, d) => ([0, 6].includes(weekday(d)) ? 200 : 100));
    expect(bandFor(weekly, saturday, { minHalfWidth: 5 })!.center).toBe(200);
    expect(
      detectAnomaly([...weekly, { date: saturday, value: 205 }], saturday, { minHalfWidth: 5 }),
    ).toBeNull();
    expect(
      detectAnomaly([...weekly, { date: saturday, value: 100 }], saturday, { minHalfWidth: 5 }),
    ).toMatchObject({ direction: 'low' });
    // With fewer than 4 earlier Saturdays the 28-day median is the centre.
    const short = weekly.slice(-20);
    expect(bandFor(short, saturday, { minHalfWidth: 5, minHistory: 14 })!.center).toBe(100);
  });

  it('dates a run of anomalous days from its first day, and needs enough history', () => {
    const base = history('2026-12-13', 28, () => 0.95);
    const run = [
      ...base,
      { date: '2026-12-13', value: 0.5 },
      { date: '2026-12-14', value: 0.55 },
      { date: '2026-12-15', value: 0.6 },
    ];
    expect(detectAnomaly(run, '2026-12-15', o)).toMatchObject({ direction: 'low', since: '2026-12-13' });
    // A normal day breaks the run.
    const broken = run.map((p) => (p.date === '2026-12-14' ? { ...p, value: 0.95 } : p));
    expect(detectAnomaly(broken, '2026-12-15', o)?.since).toBe('2026-12-15');
    expect(detectAnomaly(history(day, 9, () => 1).concat({ date: day, value: 0 }), day, o)).toBeNull();
    expect(detectAnomaly([...history(day, 28, () => 0.95), { date: day, value: null }], day, o)).toBeNull();
  });
});

describe.each(DB_TARGETS)('the 看板 on $name', (target) => {
  let t: TestApp;
  let admin: string;
  let managerA: string;
  let storeA: StoreEntity;
  let storeB: StoreEntity;
  let seq = 0;

  const insert = async (entity: EntityTarget<ObjectLiteral>, row: ObjectLiteral): Promise<number> => {
    const res = await t.container.db.getRepository(entity).insert(row);
    return Number(res.identifiers[0].id);
  };
  /** A paid (unless `paidAt` is null) order of `store` with its status timeline. */
  const order = async (o: {
    store: StoreEntity;
    status: OrderEntity['status'];
    totalFen: number;
    paidAt: Date | null;
    slotId?: number;
    refundPaidFen?: number;
    events?: Array<[OrderEntity['status'], Date]>;
  }) => {
    seq++;
    const id = await insert(OrderEntity, {
      orderNo: `T${String(seq).padStart(8, '0')}`,
      userId: 1,
      type: o.slotId ? 'delivery' : 'pickup',
      status: o.status,
      storeId: o.store.id,
      zoneId: null,
      slotId: o.slotId ?? null,
      contactName: null,
      contactPhone: null,
      addressText: null,
      addressDetail: null,
      lat: null,
      lng: null,
      note: null,
      itemsTotalFen: o.totalFen,
      deliveryFeeFen: 0,
      totalFen: o.totalFen,
      volumeL: 1,
      idempotencyKey: `dash-${seq}`,
      requestHash: 'x',
      transactionId: null,
      refundPaidFen: o.refundPaidFen ?? 0,
      createdAt: o.paidAt ?? at(D1, '08:00'),
      updatedAt: o.paidAt ?? at(D1, '08:00'),
      paidAt: o.paidAt,
      expiresAt: null,
    });
    for (const [to, when] of o.events ?? []) {
      await insert(OrderEventEntity, {
        orderId: id,
        fromStatus: null,
        toStatus: to,
        actorType: 'courier',
        actorId: null,
        reason: null,
        createdAt: when,
      });
    }
    return id;
  };
  const slot = async (zone: ZoneEntity, date: string, start: string, end: string) =>
    insert(SlotEntity, {
      zoneId: zone.id,
      date,
      startLocal: start,
      endLocal: end,
      startAt: at(date, start),
      endAt: at(date, end),
      cutoffAt: at(date, start, -3600),
      capacity: 8,
      booked: 1,
      blocked: false,
      blockReason: null,
    });
  const plan = async (
    store: StoreEntity,
    date: string,
    version: number,
    distanceM: number,
    orderIds: number[],
  ) => {
    const planId = await insert(RoutePlanEntity, {
      storeId: store.id,
      date,
      version,
      triggerKind: 'manual',
      createdBy: null,
      distanceM,
      computingMs: 10,
      unassigned: [],
      createdAt: at(date, '08:00'),
    });
    for (const [i, orderId] of orderIds.entries()) {
      await insert(RouteStopEntity, {
        planId,
        courierId: 1,
        seq: i + 1,
        orderId,
        etaAt: at(date, '11:00'),
        windowStart: at(date, '10:00'),
        windowEnd: at(date, '12:00'),
        status: 'delivered',
        arrivedAt: null,
        doneAt: null,
        proofType: null,
        proofRef: null,
        failReason: null,
      });
    }
  };
  const conversation = async (
    store: StoreEntity,
    createdAt: Date,
    c: { firstResponseS?: number | null; csat?: number },
  ) =>
    insert(ConversationEntity, {
      userId: 1,
      status: 'closed',
      storeId: store.id,
      orderId: null,
      agentId: null,
      summary: c.firstResponseS !== undefined ? JSON.stringify({ intent: 'complaint' }) : null,
      memory: null,
      unresolvedTurns: 0,
      handoffAt: c.firstResponseS !== undefined ? createdAt : null,
      claimedAt: null,
      firstAgentReplyAt:
        c.firstResponseS !== undefined && c.firstResponseS !== null
          ? new Date(createdAt.getTime() + c.firstResponseS * 1000)
          : null,
      closedAt: null,
      csat: c.csat ?? null,
      createdAt,
      lastMessageAt: createdAt,
    });
  /** An after-sales case due at `due`, resolved at `resolvedAt` (or still open). */
  const aftersalesCase = async (store: StoreEntity, orderId: number, due: Date, resolvedAt: Date | null) => {
    seq++;
    const caseId = await insert(CaseEntity, {
      caseNo: `TC${String(seq).padStart(8, '0')}`,
      userId: 1,
      orderId,
      storeId: store.id,
      type: 'complaint',
      status: resolvedAt ? 'resolved' : 'submitted',
      reason: '测试',
      lines: '[]',
      refundFen: null,
      conversationId: null,
      slaDueAt: due,
      createdAt: new Date(due.getTime() - 86_400_000),
      updatedAt: new Date(due.getTime() - 86_400_000),
    });
    if (resolvedAt) {
      await insert(CaseEventEntity, {
        caseId,
        status: 'resolved',
        actorType: 'staff',
        actorId: null,
        note: null,
        createdAt: resolvedAt,
      });
    }
  };
  const dashboard = (auth: string, query: Record<string, string | number> = {}, status = 200) =>
    t.http.get('/api/v1/admin/dashboard').query(query).set('Authorization', auth).expect(status);

  beforeAll(async () => {
    t = await startTestApp(target, { clock: new MutableClock(new Date(NOW)), env: { JOBS_INTERVAL_S: '0' } });
    admin = `Bearer ${(await t.login('admin', { openid: 'dash-admin' })).token}`;
    const zones = await t.container.db.getRepository(ZoneEntity).find({ order: { id: 'ASC' } });
    const stores = await t.container.db.getRepository(StoreEntity).find({ order: { id: 'ASC' } });
    storeA = stores.find((s) => s.id === zones[0].storeId)!;
    storeB = stores.find((s) => s.id === zones[1].storeId)!;
    managerA = `Bearer ${(await t.login('store_manager', { storeId: storeA.id, openid: 'dash-mgr' })).token}`;
    const zoneA = zones[0];

    // Store A, day D2: one delivery on time, one late, one failed; all paid that morning.
    const s2 = await slot(zoneA, D2, '10:00', '12:00');
    const o1 = await order({
      store: storeA,
      status: 'delivered',
      totalFen: 10_000,
      paidAt: at(D2, '08:00'),
      slotId: s2,
      events: [['delivered', at(D2, '11:30')]],
    });
    const o2 = await order({
      store: storeA,
      status: 'delivered',
      totalFen: 20_000,
      paidAt: at(D2, '08:05'),
      slotId: s2,
      events: [['delivered', at(D2, '12:20')]],
    });
    await order({
      store: storeA,
      status: 'delivery_failed',
      totalFen: 5_000,
      paidAt: at(D2, '08:10'),
      slotId: s2,
    });
    // Day D1: a delivery on time, a pickup partly refunded, an order never paid.
    const s1 = await slot(zoneA, D1, '14:00', '16:00');
    const o4 = await order({
      store: storeA,
      status: 'delivered',
      totalFen: 12_000,
      paidAt: at(D1, '09:00'),
      slotId: s1,
      events: [['delivered', at(D1, '15:00')]],
    });
    const o5 = await order({
      store: storeA,
      status: 'picked_up',
      totalFen: 8_000,
      refundPaidFen: 3_000,
      paidAt: at(D1, '10:00'),
    });
    await order({ store: storeA, status: 'cancelled', totalFen: 99_000, paidAt: null });
    // The period before: one pickup on P1. Store B: one pickup on D1.
    await order({ store: storeA, status: 'picked_up', totalFen: 30_000, paidAt: at(P1, '12:00') });
    await order({ store: storeB, status: 'picked_up', totalFen: 50_000, paidAt: at(D1, '12:00') });

    // Plans: D2 one stop over 3 km; D1 re-planned, the second version (4 km, 2 stops) counts.
    await plan(storeA, D2, 1, 3_000, [o1]);
    await plan(storeA, D1, 1, 99_999, [o4]);
    await plan(storeA, D1, 2, 4_000, [o4, o5]);

    // Chats: D1 one bot-only rated 5, three handed over (30 s rated 3, 90 s, never answered); D2 one bot-only.
    await conversation(storeA, at(D1, '10:00'), { csat: 5 });
    await conversation(storeA, at(D1, '11:00'), { firstResponseS: 30, csat: 3 });
    await conversation(storeA, at(D1, '12:00'), { firstResponseS: 90 });
    await conversation(storeA, at(D1, '13:00'), { firstResponseS: null });
    await conversation(storeA, at(D2, '10:00'), {});

    // Cases: due D1 still open (breach), due D1 resolved in time, due D2 resolved late (breach), due tonight.
    await aftersalesCase(storeA, o1, at(D1, '10:00'), null);
    await aftersalesCase(storeA, o2, at(D1, '11:00'), at(D1, '10:30'));
    await aftersalesCase(storeA, o4, at(D2, '09:00'), at(D2, '18:00'));
    await aftersalesCase(storeA, o5, at(TODAY, '23:00'), null);
  });
  afterAll(async () => {
    await t.close();
  });

  it('answers series and cards of a store from its orders, plans, chats and cases', async () => {
    const body = (await dashboard(admin, { storeId: storeA.id, from: D2, to: D1 })).body as DashboardResponse;
    expect(body).toMatchObject({ storeId: storeA.id, granularity: 'day', from: D2, to: D1 });
    expect(body.series).toEqual([
      {
        period: D2,
        orders: 3,
        gmvFen: 10_000 + 20_000 + 5_000,
        onTimeRate: Math.round((1 / 3) * 1000) / 1000,
        kmPerOrder: 3,
        botDeflectionRate: 1,
        firstResponseMedianS: null,
        csat: null,
        nps: null,
        aftersalesBreaches: 1,
      },
      {
        period: D1,
        orders: 2,
        gmvFen: 12_000 + (8_000 - 3_000),
        onTimeRate: 1,
        kmPerOrder: 4 / 2,
        botDeflectionRate: (4 - 3) / 4,
        firstResponseMedianS: (30 + 90) / 2,
        csat: (5 + 3) / 2,
        nps: 0,
        aftersalesBreaches: 1,
      },
    ]);
    const card = (key: string) => body.cards.find((c) => c.key === key)!;
    expect(body.cards.map((c) => c.label)).toEqual([
      '订单数',
      'GMV',
      '准时率',
      '单均公里',
      '机器人解决率',
      '首次响应',
      '满意度',
      'NPS',
      '售后超时',
    ]);
    expect(card('orders')).toMatchObject({ value: 5, previous: 1, changePct: 400, unit: '单', better: 'up' });
    expect(card('gmvFen')).toMatchObject({
      value: 52_000,
      previous: 30_000,
      changePct: Math.round(((52_000 - 30_000) / 30_000) * 1000) / 10,
      unit: 'fen',
    });
    expect(card('onTimeRate')).toMatchObject({
      value: 2 / 4,
      previous: null,
      changePct: null,
      goal: 0.95,
      unit: '%',
    });
    expect(card('kmPerOrder')).toMatchObject({ value: Math.round((7 / 3) * 100) / 100, better: 'down' });
    expect(card('botDeflectionRate').value).toBe((5 - 3) / 5);
    expect(card('aftersalesBreaches')).toMatchObject({
      value: 2,
      previous: 0,
      changePct: null,
      better: 'down',
    });
    expect(card('csat')).toMatchObject({ value: 4, previous: null, anomaly: null });
  });

  it('sums every store for an admin without storeId, and buckets weeks from Monday', async () => {
    const all = (await dashboard(admin, { from: D2, to: D1 })).body as DashboardResponse;
    expect(all.storeId).toBeNull();
    expect(all.series.map((p) => p.orders)).toEqual([3, 2 + 1]);
    const weeks = (
      await dashboard(admin, { storeId: storeA.id, granularity: 'week', from: '2026-12-09', to: D1 })
    ).body as DashboardResponse;
    // 2026-12-09 is a Wednesday: that week is cut at `from`; the next starts Monday 12-14.
    expect(weeks.series.map((p) => [p.period, p.orders])).toEqual([
      ['2026-12-09', 1],
      ['2026-12-14', 5],
    ]);
  });

  it('defaults to the 14 days ending today, today counting only what has happened', async () => {
    const body = (await dashboard(admin, { storeId: storeA.id })).body as DashboardResponse;
    expect(body).toMatchObject({ from: addDays(TODAY, -13), to: TODAY });
    expect(body.series).toHaveLength(14);
    expect(body.series.at(-1)).toMatchObject({ period: TODAY, orders: 0, aftersalesBreaches: 0 });
    const future = (await dashboard(admin, { storeId: storeA.id, from: TODAY, to: addDays(TODAY, 1) })).body;
    expect((future as DashboardResponse).series[1]).toMatchObject({ orders: null, onTimeRate: null });
  });

  it('keeps /ops/kpis on the same per-day numbers', async () => {
    const k = (
      await t.http
        .get('/api/v1/ops/kpis')
        .query({ from: D2, to: D1, storeId: storeA.id })
        .set('Authorization', admin)
        .expect(200)
    ).body;
    expect(k.delivery).toEqual({ orders: 4, onTimeRate: 0.5, kmPerOrder: Math.round((7 / 3) * 100) / 100 });
    expect(k.support).toMatchObject({
      conversations: 5,
      botDeflectionRate: 0.4,
      firstResponseS: { median: 60, p90: 90 },
      csat: { average: 4, responses: 2 },
      nps: 0,
    });
  });

  it('shows a store manager only its own store; another store is 404', async () => {
    const own = (await dashboard(managerA, { from: D2, to: D1 })).body as DashboardResponse;
    expect(own.storeId).toBe(storeA.id);
    expect(own.series.map((p) => p.orders)).toEqual([3, 2]);
    const other = await dashboard(managerA, { storeId: storeB.id }, 404);
    expect(other.body.error.code).toBe('STORE_NOT_FOUND');
    await t.http
      .get('/api/v1/admin/dashboard/anomalies')
      .query({ storeId: storeB.id })
      .set('Authorization', managerA)
      .expect(404);
    await dashboard(admin, { storeId: 999_999 }, 404);
    const staff = `Bearer ${(await t.login('staff', { storeId: storeA.id, openid: 'dash-staff' })).token}`;
    await dashboard(staff, {}, 403);
    await dashboard(`Bearer ${(await t.login('consumer', { openid: 'dash-nosy' })).token}`, {}, 403);
  });

  it.each([
    [{ granularity: 'month' }],
    [{ from: D1, to: D2 }],
    [{ from: '2026-02-30' }],
    [{ from: '2025-01-01', to: D1 }],
    [{ storeId: 'abc' }],
    [{ color: 'red' }],
  ])('refuses the query %j with 400', async (query) => {
    const res = await dashboard(admin, query as Record<string, string>, 400);
    expect(res.body.error.code).toBe('VALIDATION_FAILED');
  });

  it('refuses anomalies of a day that is not over', async () => {
    await t.http
      .get('/api/v1/admin/dashboard/anomalies')
      .query({ date: TODAY })
      .set('Authorization', admin)
      .expect(400);
  });
});

describe.each(DB_TARGETS)('simulated history and KPI anomaly alerts on $name', (target) => {
  let t: TestApp;
  let admin: string;
  let ja: StoreEntity;

  beforeAll(async () => {
    t = await startTestApp(target, {
      clock: new MutableClock(new Date(NOW)),
      env: { JOBS_INTERVAL_S: '0', SEED_HISTORY_DAYS: '35' },
    });
    admin = `Bearer ${(await t.login('admin', { openid: 'hist-admin' })).token}`;
    ja = await t.container.db.getRepository(StoreEntity).findOneByOrFail({ code: 'SH-JA-01' });
  });
  afterAll(async () => {
    await t.close();
  });

  it('seeds 35 past days once, leaving today and later alone', async () => {
    const db = t.container.db;
    const orders = await db.getRepository(OrderEntity).count();
    expect(orders).toBeGreaterThan(35 * 9 * 10);
    const again = await seedHistory(db, createLogger('silent'), { days: 35, now: new Date(NOW) });
    expect(again.seeded).toBe(false);
    expect(await db.getRepository(OrderEntity).count()).toBe(orders);
    const slots = await db.getRepository(SlotEntity).find({ select: { id: true, date: true } });
    expect(slots.length).toBeGreaterThan(0);
    expect(slots.every((s) => s.date < TODAY && s.date >= addDays(TODAY, -35))).toBe(true);
  });

  it('shows the injected late deliveries as an anomaly on the dashboard', async () => {
    const body = (
      await t.http
        .get('/api/v1/admin/dashboard')
        .query({ storeId: ja.id })
        .set('Authorization', admin)
        .expect(200)
    ).body as DashboardResponse;
    const onTime = body.cards.find((c) => c.key === 'onTimeRate')!;
    expect(onTime.anomaly).toMatchObject({ direction: 'low', since: D2 });
    expect(body.series.find((p) => p.period === D1)!.onTimeRate).toBeLessThan(onTime.anomaly!.low);
    expect(body.series.every((p) => p.period === TODAY || p.kmPerOrder !== null)).toBe(true);
    const list = (
      await t.http.get('/api/v1/admin/dashboard/anomalies').set('Authorization', admin).expect(200)
    ).body as KpiAnomalyListResponse;
    expect(list.items).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          kpi: 'onTimeRate',
          storeId: ja.id,
          storeName: ja.name,
          date: D1,
          since: D2,
        }),
        expect.objectContaining({ kpi: 'firstResponseMedianS', direction: 'high', date: D1 }),
      ]),
    );
  });

  it('raises each new anomaly once as an ops alert and a staff inbox item', async () => {
    const first = await t.container.services.kpiAnomalies.scan();
    expect(first.raised).toBe(first.found);
    expect(first.raised).toBeGreaterThanOrEqual(2);
    const second = await t.container.services.kpiAnomalies.scan();
    expect(second).toEqual({ found: first.found, raised: 0 });
    // Store staff who are not connected hear of each new inbox item (the notification outbox).
    const told = await t.container.db.getRepository(NotificationEntity).countBy({ event: 'staff_lbs_event' });
    expect(told).toBeGreaterThanOrEqual(first.raised);
    await t.container.services.jobs.runDue();
    // The daily job (what every instance's tick enqueues) finds nothing new either.
    await t.container.services.kpiAnomalies.scheduleDaily();
    expect(await t.container.services.jobs.runDue()).toBe(1);
    expect(
      await t.container.db.getRepository(JobEntity).findOneBy({ kind: 'kpi_anomaly_scan' }),
    ).toMatchObject({
      status: 'done',
      dedupeKey: `kpi_anomaly_scan:${D1}`,
    });
    const db = t.container.db;
    expect(await db.getRepository(OpsAlertEntity).countBy({ kind: 'kpi_anomaly' })).toBe(first.raised);
    expect(await db.getRepository(LbsEventEntity).countBy({ kind: 'KPI_ANOMALY' })).toBe(first.raised);

    const alerts = (await t.http.get('/api/v1/admin/alerts').set('Authorization', admin).expect(200))
      .body as OpsAlertListResponse;
    expect(alerts.items.some((a) => a.kind === 'kpi_anomaly' && a.message.includes(ja.name))).toBe(true);
    const staff = `Bearer ${(await t.login('staff', { storeId: ja.id, openid: 'hist-staff' })).token}`;
    const inbox = (await t.http.get('/api/v1/staff/events').set('Authorization', staff).expect(200)).body as {
      items: LbsEvent[];
    };
    const item = inbox.items.find((e) => e.kind === 'KPI_ANOMALY' && e.title.startsWith('准时率异常：'));
    expect(item).toBeDefined();
    expect(item!.title).toMatch(/^准时率异常：\d+%（正常 \d+%–\d+%）$/);
  });
});
