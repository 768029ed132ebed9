import { And, LessThan, MoreThanOrEqual, type DataSource } from 'typeorm';
import { addDays, shanghaiDate, shanghaiToUtc } from '../../lib/shanghai-time';
import { CaseEntity } from '../aftersales/aftersales.entity';
import { RoutePlanEntity } from '../dispatch/dispatch.entity';
import { OrderEntity } from '../orders/order.entity';
import { SlotEntity } from '../slots/slot.entity';
import { ConversationEntity } from '../support/support.entity';
import { emptyFacts, type DayFacts } from './kpi-summary';

/** Case states that end a case's SLA clock (the after-sales queue calls a case overdue until one). */
const DECIDED = ['rejected', 'resolved'];

/** SQL for the Shanghai date (`YYYY-MM-DD`) of a UTC datetime column. */
function shanghaiDaySql(db: DataSource, column: string): string {
  return db.options.type === 'mysql' || db.options.type === 'mariadb'
    ? `DATE_FORMAT(DATE_ADD(${column}, INTERVAL 8 HOUR), '%Y-%m-%d')`
    : `date(${column}, '+8 hours')`;
}

const num = (v: unknown): number => (v === null || v === undefined ? 0 : Number(v));

/**
 * The KPI facts of Shanghai dates [from, to] per store and day, in five grouped queries whatever
 * the length of the range. Only (store, day) pairs with something in them are returned; support
 * conversations no store took come with `storeId` null (counted only when `storeId` is null).
 * After-sales cases count once their due time has passed `now`.
 */
export async function loadDayFacts(
  db: DataSource,
  q: { from: string; to: string; storeId: number | null; now: Date },
): Promise<DayFacts[]> {
  const start = shanghaiToUtc(q.from, '00:00');
  const end = shanghaiToUtc(addDays(q.to, 1), '00:00');
  const facts = new Map<string, DayFacts>();
  const at = (storeId: number | null, date: string): DayFacts => {
    const key = `${storeId ?? '-'}|${date}`;
    let f = facts.get(key);
    if (!f) facts.set(key, (f = emptyFacts(date, storeId)));
    return f;
  };
  const store = q.storeId;
  const params = { start, end, from: q.from, to: q.to, storeId: store };
  const byStore = (alias: string) => (store === null ? '1 = 1' : `${alias}.store_id = :storeId`);

  const [paid, delivered, plans, convs, breaches] = await Promise.all([
    db
      .createQueryBuilder()
      .from(OrderEntity, 'o')
      .select('o.store_id', 'storeId')
      .addSelect(shanghaiDaySql(db, 'o.paid_at'), 'day')
      .addSelect('COUNT(*)', 'n')
      .addSelect('SUM(o.total_fen - o.refund_paid_fen)', 'fen')
      .where('o.paid_at >= :start AND o.paid_at < :end', params)
      .andWhere(byStore('o'), params)
      .groupBy('o.store_id')
      .addGroupBy('day')
      .getRawMany<{ storeId: unknown; day: string; n: unknown; fen: unknown }>(),
    db
      .createQueryBuilder()
      .from(OrderEntity, 'o')
      .innerJoin(SlotEntity, 's', 's.id = o.slot_id')
      .select('o.store_id', 'storeId')
      .addSelect('s.date', 'day')
      .addSelect('COUNT(*)', 'n')
      .addSelect(
        `SUM(CASE WHEN EXISTS (SELECT 1 FROM order_events e WHERE e.order_id = o.id
           AND e.to_status = 'delivered' AND e.created_at <= s.end_at) THEN 1 ELSE 0 END)`,
        'onTime',
      )
      .where("s.date >= :from AND s.date <= :to AND o.status IN ('delivered', 'delivery_failed')", params)
      .andWhere(byStore('o'), params)
      .groupBy('o.store_id')
      .addGroupBy('s.date')
      .getRawMany<{ storeId: unknown; day: string; n: unknown; onTime: unknown }>(),
    // The highest version of a day's plan is the one that was driven.
    db
      .createQueryBuilder()
      .from(RoutePlanEntity, 'p')
      .select('p.store_id', 'storeId')
      .addSelect('p.date', 'day')
      .addSelect('p.distance_m', 'm')
      .addSelect('(SELECT COUNT(*) FROM route_stops r WHERE r.plan_id = p.id)', 'stops')
      .where('p.date >= :from AND p.date <= :to', params)
      .andWhere(
        'p.version = (SELECT MAX(p2.version) FROM route_plans p2 WHERE p2.store_id = p.store_id AND p2.date = p.date)',
      )
      .andWhere(byStore('p'), params)
      .getRawMany<{ storeId: unknown; day: string; m: unknown; stops: unknown }>(),
    db.getRepository(ConversationEntity).find({
      select: {
        id: true,
        storeId: true,
        createdAt: true,
        handoffAt: true,
        firstAgentReplyAt: true,
        csat: true,
      },
      where: {
        createdAt: And(MoreThanOrEqual(start), LessThan(end)),
        ...(store === null ? {} : { storeId: store }),
      },
    }),
    db
      .createQueryBuilder()
      .from(CaseEntity, 'c')
      .select('c.store_id', 'storeId')
      .addSelect(shanghaiDaySql(db, 'c.sla_due_at'), 'day')
      .addSelect('COUNT(*)', 'n')
      .where('c.sla_due_at >= :start AND c.sla_due_at < :until', {
        start,
        until: new Date(Math.min(end.getTime(), q.now.getTime())),
      })
      .andWhere(
        `NOT EXISTS (SELECT 1 FROM aftersales_events e WHERE e.case_id = c.id
           AND e.status IN (:...decided) AND e.created_at <= c.sla_due_at)`,
        { decided: DECIDED },
      )
      .andWhere(byStore('c'), params)
      .groupBy('c.store_id')
      .addGroupBy('day')
      .getRawMany<{ storeId: unknown; day: string; n: unknown }>(),
  ]);

  for (const r of paid) {
    const f = at(num(r.storeId), r.day);
    f.paidOrders += num(r.n);
    f.gmvFen += num(r.fen);
  }
  for (const r of delivered) {
    const f = at(num(r.storeId), r.day);
    f.deliveries += num(r.n);
    f.onTime += num(r.onTime);
  }
  for (const r of plans) {
    if (!num(r.stops)) continue;
    const f = at(num(r.storeId), r.day);
    f.routeM += num(r.m);
    f.routeStops += num(r.stops);
  }
  for (const c of convs) {
    const f = at(c.storeId, shanghaiDate(c.createdAt));
    f.conversations++;
    if (c.handoffAt) {
      f.handedOver++;
      if (c.firstAgentReplyAt)
        f.firstResponsesS.push((c.firstAgentReplyAt.getTime() - c.handoffAt.getTime()) / 1000);
    }
    if (c.csat !== null) {
      f.ratings++;
      f.ratingSum += c.csat;
      if (c.csat === 5) f.promoters++;
      if (c.csat <= 3) f.detractors++;
    }
  }
  for (const r of breaches) at(num(r.storeId), r.day).aftersalesBreaches += num(r.n);
  return [...facts.values()];
}
