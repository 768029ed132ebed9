// Pure: simulated past days of a demo store (orders, deliveries, chats, after-sales cases) as rows
// ready to insert. Deterministic: every (store, day) draws from its own seeded generator.
import { addDays, shanghaiToUtc } from '../lib/shanghai-time';
import { simulateCase, simulateChats, type FinishedOrder } from './history-care';

/** A PRNG in [0, 1) from a 32-bit seed (mulberry32). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** A 32-bit FNV-1a hash of a string, to seed `mulberry32`. */
export function hash32(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** Random draws from one seeded generator. */
export interface Draw {
  rnd: () => number;
  /** Uniform in [a, b). */
  between(a: number, b: number): number;
  /** Integer in [a, b]. */
  int(a: number, b: number): number;
  pick<T>(xs: readonly T[]): T;
}

/** The draws of `mulberry32(seed)`. */
export function drawer(seed: number): Draw {
  const rnd = mulberry32(seed);
  const between = (a: number, b: number) => a + (b - a) * rnd();
  return {
    rnd,
    between,
    int: (a, b) => Math.floor(between(a, b + 1)),
    pick: (xs) => xs[Math.floor(rnd() * xs.length)],
  };
}

/** What the simulation knows about one store. */
export interface SimStore {
  id: number;
  /** Its position among the demo stores (volumes differ by it). */
  index: number;
  code: string;
  address: string;
  lat: number;
  lng: number;
  zone: { id: number; feeFen: number; freeThresholdFen: number | null } | null;
  /** Slots of the zone's templates that apply on a weekday, local times. */
  slotsOn(weekday: number): Array<{ startLocal: string; endLocal: string; capacity: number }>;
  courierIds: number[];
  staffIds: number[];
}

/** A product an order may hold. */
export interface SimProduct {
  id: number;
  sku: string;
  name: string;
  image: string;
  priceFen: number;
  volumeL: number;
}

/** Deliberate trouble in the last days, so the 看板 has something to show. */
export interface Incident {
  storeCode: string;
  /** Days before today it covers (1 = yesterday). */
  daysAgo: number[];
  onTimeRate?: number;
  firstResponseS?: [number, number];
}

/** Rows of one simulated day, keyed by table; ids are given by `nextId`. */
export interface DayRows {
  slots: Record<string, unknown>[];
  orders: Record<string, unknown>[];
  items: Record<string, unknown>[];
  events: Record<string, unknown>[];
  plans: Record<string, unknown>[];
  stops: Record<string, unknown>[];
  conversations: Record<string, unknown>[];
  messages: Record<string, unknown>[];
  cases: Record<string, unknown>[];
  caseEvents: Record<string, unknown>[];
}

const MIN = 60_000;
const NAMES = ['王女士', '李先生', '张女士', '刘先生', '陈女士', '杨先生', '赵女士', '黄先生'];

/**
 * One store's one past day: paid delivery orders in that day's slots (mostly on time, some late,
 * a few failed) with their timeline and the courier plan, pickup orders, support chats (some
 * handed to a person, some rated) and now and then an after-sales case, some answered after their SLA.
 */
export function simulateDay(
  s: SimStore,
  date: string,
  today: string,
  ctx: {
    products: SimProduct[];
    customerIds: number[];
    incidents: Incident[];
    nextId: (table: keyof DayRows) => number;
  },
): DayRows {
  const draw = drawer(hash32(`${s.code}|${date}`));
  const { rnd, between, int, pick } = draw;
  const out: DayRows = {
    slots: [],
    orders: [],
    items: [],
    events: [],
    plans: [],
    stops: [],
    conversations: [],
    messages: [],
    cases: [],
    caseEvents: [],
  };
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
  const daysAgo = Math.round(
    (Date.parse(`${today}T00:00:00Z`) - Date.parse(`${date}T00:00:00Z`)) / 86_400_000,
  );
  const incident = ctx.incidents.find((i) => i.storeCode === s.code && i.daysAgo.includes(daysAgo));
  const busy = (weekday === 0 || weekday === 6 ? 1.4 : weekday === 5 ? 1.15 : 1) * (0.9 + 0.2 * rnd());
  const ymd = date.replace(/-/g, '');
  let seq = 0;
  const done: FinishedOrder[] = [];

  const order = (type: 'delivery' | 'pickup', createdAt: Date, slotId: number | null) => {
    const id = ctx.nextId('orders');
    const userId = pick(ctx.customerIds);
    const lines = new Map<number, { p: SimProduct; quantity: number }>();
    for (let n = int(1, 3); n > 0; n--) {
      const p = pick(ctx.products);
      lines.set(p.id, { p, quantity: Math.min(2, (lines.get(p.id)?.quantity ?? 0) + 1) });
    }
    let itemsTotalFen = 0;
    let volumeL = 0;
    for (const { p, quantity } of lines.values()) {
      out.items.push({
        id: ctx.nextId('items'),
        orderId: id,
        productId: p.id,
        sku: p.sku,
        name: p.name,
        image: p.image,
        priceFen: p.priceFen,
        quantity,
        refundedQty: 0,
        refundedFen: 0,
      });
      itemsTotalFen += p.priceFen * quantity;
      volumeL += p.volumeL * quantity;
    }
    const free = s.zone?.freeThresholdFen;
    const deliveryFeeFen =
      type === 'pickup' || (free != null && itemsTotalFen >= free) ? 0 : (s.zone?.feeFen ?? 0);
    const paidAt = new Date(createdAt.getTime() + between(0.5, 4) * MIN);
    const orderNo = `H${ymd}${String(s.index).padStart(2, '0')}${String(++seq).padStart(4, '0')}`;
    const row: Record<string, unknown> = {
      id,
      orderNo,
      userId,
      type,
      status: 'paid',
      storeId: s.id,
      zoneId: type === 'delivery' ? s.zone!.id : null,
      slotId,
      contactName: type === 'delivery' ? pick(NAMES) : null,
      contactPhone: type === 'delivery' ? `139${String(int(0, 99_999_999)).padStart(8, '0')}` : null,
      addressText: type === 'delivery' ? `${s.address}附近` : null,
      addressDetail: type === 'delivery' ? `${int(1, 30)}号楼${int(1, 20)}0${int(1, 4)}室` : null,
      lat: type === 'delivery' ? +(s.lat + between(-0.015, 0.015)).toFixed(6) : null,
      lng: type === 'delivery' ? +(s.lng + between(-0.015, 0.015)).toFixed(6) : null,
      note: null,
      itemsTotalFen,
      deliveryFeeFen,
      totalFen: itemsTotalFen + deliveryFeeFen,
      volumeL: Math.round(volumeL * 100) / 100,
      idempotencyKey: `history:${orderNo}`,
      requestHash: 'seed-history',
      // No WeChat transaction: the daily bill reconciliation only looks at real payments.
      transactionId: null,
      refundHeldFen: 0,
      refundFeeHeldFen: 0,
      refundPaidFen: 0,
      deliveryCodeFailures: 0,
      staffAck: false,
      createdAt,
      updatedAt: createdAt,
      paidAt,
      expiresAt: null,
    };
    out.orders.push(row);
    const event = (
      from: string | null,
      to: string,
      actorType: string,
      at: Date,
      reason: string | null = null,
    ) => {
      out.events.push({
        id: ctx.nextId('events'),
        orderId: id,
        fromStatus: from,
        toStatus: to,
        actorType,
        actorId: null,
        reason,
        createdAt: at,
      });
      row.status = to;
      row.updatedAt = at;
    };
    event(null, 'pending_payment', 'customer', createdAt);
    event('pending_payment', 'paid', 'wechat', paidAt);
    return {
      id,
      userId,
      row,
      event,
      paidAt,
      items: [...lines.values()].map((l) => ({ productId: l.p.id, quantity: l.quantity })),
    };
  };

  // Delivery orders, booked into the day's slots.
  if (s.zone && s.courierIds.length) {
    const templates = s.slotsOn(weekday);
    const wanted = Math.round((14 + (s.index % 4) * 2) * busy);
    const slotRows = templates.map((t) => {
      const startAt = shanghaiToUtc(date, t.startLocal);
      const row = {
        id: ctx.nextId('slots'),
        zoneId: s.zone!.id,
        date,
        startLocal: t.startLocal,
        endLocal: t.endLocal,
        startAt,
        endAt: shanghaiToUtc(date, t.endLocal),
        cutoffAt: new Date(startAt.getTime() - 60 * MIN),
        capacity: t.capacity,
        booked: 0,
        blocked: false,
        blockReason: null,
      };
      out.slots.push(row);
      return row;
    });
    const planId = ctx.nextId('plans');
    let routeM = 0;
    const perCourierSeq = new Map<number, number>();
    for (let n = 0; n < wanted && slotRows.length; n++) {
      const open = slotRows.filter((x) => x.booked < x.capacity);
      if (!open.length) break;
      const slot = pick(open);
      slot.booked++;
      const o = order('delivery', new Date(slot.cutoffAt.getTime() - between(10, 600) * MIN), slot.id);
      const courierId = s.courierIds[n % s.courierIds.length];
      const seqNo = (perCourierSeq.get(courierId) ?? 0) + 1;
      perCourierSeq.set(courierId, seqNo);
      const windowMs = slot.endAt.getTime() - slot.startAt.getTime();
      const failed = rnd() < 0.03;
      const late = !failed && rnd() > (incident?.onTimeRate ?? 0.94);
      const doneAt = late
        ? new Date(slot.endAt.getTime() + between(5, 70) * MIN)
        : new Date(slot.startAt.getTime() + between(0.1, 0.95) * windowMs);
      o.event('paid', 'assigned', 'system', new Date(slot.startAt.getTime() - 45 * MIN));
      o.event(
        'assigned',
        'out_for_delivery',
        'courier',
        new Date(Math.min(doneAt.getTime(), slot.startAt.getTime()) - 20 * MIN),
      );
      if (failed) o.event('out_for_delivery', 'delivery_failed', 'courier', doneAt, '联系不上收货人');
      else o.event('out_for_delivery', 'delivered', 'courier', doneAt, '收货码核验');
      routeM += Math.round(between(1200, 3000));
      out.stops.push({
        id: ctx.nextId('stops'),
        planId,
        courierId,
        seq: seqNo,
        orderId: o.id,
        etaAt: new Date(slot.startAt.getTime() + windowMs / 2),
        windowStart: slot.startAt,
        windowEnd: slot.endAt,
        status: failed ? 'failed' : 'delivered',
        arrivedAt: new Date(doneAt.getTime() - between(1, 5) * MIN),
        doneAt,
        proofType: failed ? null : 'code',
        proofRef: null,
        failReason: failed ? '联系不上收货人' : null,
      });
      if (!failed) done.push({ id: o.id, userId: o.userId, at: doneAt, items: o.items });
    }
    if (out.stops.length) {
      out.plans.push({
        id: planId,
        storeId: s.id,
        date,
        version: 1,
        triggerKind: 'scheduled',
        createdBy: null,
        distanceM: routeM,
        computingMs: int(40, 400),
        unassigned: [],
        createdAt: shanghaiToUtc(date, '08:00'),
      });
    }
  }

  // Pickup orders during opening hours.
  for (let n = Math.round((5 + (s.index % 3)) * busy); n > 0; n--) {
    const o = order(
      'pickup',
      shanghaiToUtc(date, `${String(int(10, 19)).padStart(2, '0')}:${String(int(0, 59)).padStart(2, '0')}`),
      null,
    );
    const ready = new Date(o.paidAt.getTime() + between(10, 40) * MIN);
    const picked = new Date(ready.getTime() + between(20, 150) * MIN);
    o.event('paid', 'ready_for_pickup', 'staff', ready);
    o.event('ready_for_pickup', 'picked_up', 'staff', picked);
    done.push({ id: o.id, userId: o.userId, at: picked, items: o.items });
  }

  // Support chats: most settled by the bot, some handed to a person, about half rated.
  simulateChats(draw, s, date, incident, ctx, out);
  // Now and then an after-sales case on a finished order; about one in five is answered late.
  simulateCase(draw, s, today, ymd, done, ctx, out);
  return out;
}

/** The dates of the `days` days before `today`, oldest first. */
export function pastDays(today: string, days: number): string[] {
  return Array.from({ length: days }, (_, i) => addDays(today, i - days));
}
