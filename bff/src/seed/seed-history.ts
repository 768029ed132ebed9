import { In, type DataSource, type EntityManager, type EntityTarget, type ObjectLiteral } from 'typeorm';
import { MetaEntity } from '../db/meta.entity';
import { shanghaiDate } from '../lib/shanghai-time';
import type { Logger } from '../logger';
import { CaseEntity, CaseEventEntity } from '../modules/aftersales/aftersales.entity';
import { ProductEntity } from '../modules/catalog/catalog.entity';
import { RoutePlanEntity, RouteStopEntity } from '../modules/dispatch/dispatch.entity';
import { OrderEntity, OrderEventEntity, OrderItemEntity } from '../modules/orders/order.entity';
import { SlotEntity, SlotTemplateEntity, ZoneEntity } from '../modules/slots/slot.entity';
import { CourierEntity, StoreEntity } from '../modules/stores/store.entity';
import { ConversationEntity, MessageEntity } from '../modules/support/support.entity';
import { UserEntity } from '../modules/users/user.entity';
import { pastDays, simulateDay, type DayRows, type Incident, type SimStore } from './history-sim';

const META_KEY = 'demo_history_seed';
const CUSTOMERS = 80;

/** The injected trouble: 静安 delivers late on the last two days, 徐家汇's agents answer slowly yesterday. */
export const HISTORY_INCIDENTS: Incident[] = [
  { storeCode: 'SH-JA-01', daysAgo: [1, 2], onTimeRate: 0.45 },
  { storeCode: 'SH-XH-01', daysAgo: [1], firstResponseS: [600, 1000] },
];

/** What a history seed run did. */
export interface HistoryReport {
  seeded: boolean;
  days: number;
  orders: number;
}

const TABLES: Record<keyof DayRows, EntityTarget<ObjectLiteral>> = {
  slots: SlotEntity,
  orders: OrderEntity,
  items: OrderItemEntity,
  events: OrderEventEntity,
  plans: RoutePlanEntity,
  stops: RouteStopEntity,
  conversations: ConversationEntity,
  messages: MessageEntity,
  cases: CaseEntity,
  caseEvents: CaseEventEntity,
};

/** A value as the driver binds it: UTC datetime text, 1/0, JSON for arrays and objects. */
function bindable(v: unknown): unknown {
  if (v instanceof Date) return v.toISOString().replace('T', ' ').slice(0, 23);
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (v !== null && typeof v === 'object') return JSON.stringify(v);
  return v;
}

/**
 * Plain multi-row INSERTs (the query builder's per-row work would take most of the seed's time),
 * sized to stay well under SQLite's and MySQL's bound-parameter limits. Rows use entity property
 * names; every row of a call has the same keys.
 */
async function insertMany(m: EntityManager, target: EntityTarget<ObjectLiteral>, rows: ObjectLiteral[]) {
  if (!rows.length) return;
  const meta = m.connection.getMetadata(target);
  const props = Object.keys(rows[0]);
  const quote = (name: string) => m.connection.driver.escape(name);
  const columns = props.map((p) => {
    const c = meta.findColumnWithPropertyName(p);
    if (!c) throw new Error(`${meta.tableName} has no column for ${p}`);
    return quote(c.databaseName);
  });
  const tuple = `(${props.map(() => '?').join(', ')})`;
  const size = Math.max(1, Math.floor(20_000 / props.length));
  for (let i = 0; i < rows.length; i += size) {
    const chunk = rows.slice(i, i + size);
    await m.query(
      `INSERT INTO ${quote(meta.tableName)} (${columns.join(', ')}) VALUES ${chunk.map(() => tuple).join(', ')}`,
      chunk.flatMap((r) => props.map((p) => bindable(r[p]))),
    );
  }
}

/**
 * Adds `days` simulated past days to the demo stores, once (a marker row remembers it): orders with
 * their timelines and GMV, courier plans, chats with hand-overs and ratings, after-sales cases, and
 * the incidents above. Only days before today get slots; today's and later slots and all stock are
 * left alone. Runs after `seedDemo`, inside the same seed lock; ids are handed out from each table's
 * current maximum, which is safe there (nothing else writes while an instance seeds).
 */
export async function seedHistory(
  db: DataSource,
  log: Logger,
  opts: { days: number; now: Date; progress?: (step: string) => void },
): Promise<HistoryReport> {
  if (opts.days <= 0) return { seeded: false, days: 0, orders: 0 };
  if (await db.getRepository(MetaEntity).findOneBy({ key: META_KEY }))
    return { seeded: false, days: opts.days, orders: 0 };
  opts.progress?.('模拟历史数据');
  const today = shanghaiDate(opts.now);
  const dates = pastDays(today, opts.days);
  let orders = 0;
  await db.transaction(async (m) => {
    const stores = await m.getRepository(StoreEntity).find({ where: { active: true }, order: { id: 'ASC' } });
    const zones = await m.getRepository(ZoneEntity).findBy({ active: true });
    const templates = await m.getRepository(SlotTemplateEntity).findBy({ active: true });
    const couriers = await m.getRepository(CourierEntity).find({ order: { id: 'ASC' } });
    const staff = await m.getRepository(UserEntity).find({ where: { role: 'staff' }, order: { id: 'ASC' } });
    const products = (
      await m.getRepository(ProductEntity).find({ where: { active: true }, order: { id: 'ASC' } })
    )
      .slice(0, 40)
      .map((p) => ({
        id: p.id,
        sku: p.sku,
        name: p.name,
        image: p.images[0] ?? '',
        priceFen: p.priceFen,
        volumeL: p.volumeL,
      }));
    if (!stores.length || !products.length) return;

    // A zone whose past days already have slots (a database older than this seed) gets no deliveries.
    const zoneIds = zones.map((z) => z.id);
    const taken = new Set(
      zoneIds.length
        ? (
            await m
              .getRepository(SlotEntity)
              .createQueryBuilder('s')
              .select('s.zone_id', 'zoneId')
              .addSelect('s.date', 'date')
              .distinct(true)
              .where('s.zone_id IN (:...zoneIds) AND s.date >= :from AND s.date < :today', {
                zoneIds,
                from: dates[0],
                today,
              })
              .getRawMany<{ zoneId: unknown; date: string }>()
          ).map((r) => `${Number(r.zoneId)}|${r.date}`)
        : [],
    );

    const since = new Date(Date.parse(`${dates[0]}T00:00:00+08:00`) - 86_400_000);
    const openids = Array.from(
      { length: CUSTOMERS },
      (_, i) => `demo-history:${String(i + 1).padStart(3, '0')}`,
    );
    const known = new Set(
      (await m.getRepository(UserEntity).findBy({ openid: In(openids) })).map((u) => u.openid),
    );
    await insertMany(
      m,
      UserEntity,
      openids
        .filter((o) => !known.has(o))
        .map((openid, i) => ({
          openid,
          unionid: null,
          role: 'consumer',
          nickname: `顾客${String(i + 1).padStart(3, '0')}`,
          avatarUrl: null,
          storeId: null,
          courierId: null,
          createdAt: since,
          lastLoginAt: since,
        })),
    );
    const customerIds = (await m.getRepository(UserEntity).findBy({ openid: In(openids) })).map((u) => u.id);

    const next = new Map<keyof DayRows, number>();
    for (const [key, target] of Object.entries(TABLES) as Array<
      [keyof DayRows, EntityTarget<ObjectLiteral>]
    >) {
      const row = await m
        .createQueryBuilder()
        .from(target, 't')
        .select('MAX(t.id)', 'n')
        .getRawOne<{ n: unknown }>();
      next.set(key, Number(row?.n ?? 0) + 1);
    }
    const nextId = (table: keyof DayRows) => {
      const id = next.get(table)!;
      next.set(table, id + 1);
      return id;
    };

    const all: DayRows = {
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
    stores.forEach((st, index) => {
      const zone = zones.find((z) => z.storeId === st.id) ?? null;
      const sim: SimStore = {
        id: st.id,
        index,
        code: st.code,
        address: st.address,
        lat: st.lat,
        lng: st.lng,
        zone: zone && { id: zone.id, feeFen: zone.feeFen, freeThresholdFen: zone.freeThresholdFen },
        slotsOn: (weekday) =>
          zone
            ? templates
                .filter(
                  (t) => t.zoneId === zone.id && (t.weekday === null || t.weekday === weekday) && t.active,
                )
                .sort((a, b) => a.startLocal.localeCompare(b.startLocal))
            : [],
        courierIds: couriers.filter((c) => c.storeId === st.id).map((c) => c.id),
        staffIds: staff.filter((u) => u.storeId === st.id).map((u) => u.id),
      };
      for (const date of dates) {
        const free = !zone || !taken.has(`${zone.id}|${date}`);
        const rows = simulateDay(free ? sim : { ...sim, zone: null }, date, today, {
          products,
          customerIds,
          incidents: HISTORY_INCIDENTS,
          nextId,
        });
        for (const key of Object.keys(all) as Array<keyof DayRows>)
          for (const r of rows[key]) all[key].push(r);
      }
    });
    // Parents before children, so foreign keys (SQLite enforces them) always find their row.
    for (const key of Object.keys(TABLES) as Array<keyof DayRows>) await insertMany(m, TABLES[key], all[key]);
    orders = all.orders.length;
    await m.getRepository(MetaEntity).save({ key: META_KEY, value: `${opts.days}:${today}` });
  });
  log.info({ days: opts.days, orders }, 'demo history seeded');
  return { seeded: true, days: opts.days, orders };
}
