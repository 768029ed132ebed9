import { Between, In, type DataSource } from 'typeorm';
import type { Kpis } from '@omni/shared-types';
import type { Clock } from '../../clock';
import type { Principal } from '../../http/context';
import { ForbiddenError, ValidationError } from '../../http/errors';
import { addDays, daysBetween, shanghaiDate, shanghaiToUtc } from '../../lib/shanghai-time';
import { OrderEntity, OrderEventEntity } from '../orders/order.entity';
import { SlotEntity } from '../slots/slot.entity';
import { ConversationEntity, MessageEntity } from '../support/support.entity';

/** Distance driven for delivered orders in a period, when dispatch knows it. */
export type DeliveryDistance = (
  from: Date,
  to: Date,
  storeId: number | null,
) => Promise<{ km: number; orders: number } | null>;

const median = (xs: number[]): number | null => {
  if (!xs.length) return null;
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const quantile = (xs: number[], q: number): number | null => {
  if (!xs.length) return null;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)];
};
const round = (x: number | null, d = 3) => (x === null ? null : Math.round(x * 10 ** d) / 10 ** d);

/** Operations KPIs: delivery on time and km per order, bot deflection, first response, CSAT. */
export class KpisService {
  private distance: DeliveryDistance | null = null;

  constructor(private readonly deps: { db: DataSource; clock: Clock }) {}

  /** Lets dispatch report the distance driven. */
  setDeliveryDistance(d: DeliveryDistance): void {
    this.distance = d;
  }

  /** KPIs of Shanghai dates [from, to] (default: the last 7 days), for a store or (admin) all. */
  async compute(p: Principal, q: { from?: string; to?: string; storeId?: number }): Promise<Kpis> {
    if (p.role === 'staff' && q.storeId !== undefined && q.storeId !== p.storeId)
      throw new ForbiddenError('只能查看本店数据');
    const storeId = p.role === 'staff' ? p.storeId : (q.storeId ?? null);
    const today = shanghaiDate(this.deps.clock.now());
    const to = q.to ?? today;
    const from = q.from ?? addDays(to, -6);
    if (daysBetween(from, to) < 0 || daysBetween(from, to) > 366) {
      throw new ValidationError('日期范围无效', [
        { path: 'from', message: 'from must be on or before to, at most a year apart' },
      ]);
    }
    const start = shanghaiToUtc(from, '00:00');
    const end = shanghaiToUtc(addDays(to, 1), '00:00');
    return {
      from,
      to,
      storeId,
      delivery: await this.delivery(start, end, storeId),
      support: await this.support(start, end, storeId),
    };
  }

  private async delivery(start: Date, end: Date, storeId: number | null): Promise<Kpis['delivery']> {
    const slots = await this.deps.db.getRepository(SlotEntity).findBy({ startAt: Between(start, end) });
    const slotById = new Map(slots.map((s) => [s.id, s]));
    const orders = slots.length
      ? await this.deps.db.getRepository(OrderEntity).findBy({
          slotId: In(slots.map((s) => s.id)),
          status: In(['delivered', 'delivery_failed', 'out_for_delivery', 'assigned']),
          ...(storeId ? { storeId } : {}),
        })
      : [];
    const done = orders.filter((o) => o.status === 'delivered' || o.status === 'delivery_failed');
    const events = done.length
      ? await this.deps.db
          .getRepository(OrderEventEntity)
          .findBy({ orderId: In(done.map((o) => o.id)), toStatus: 'delivered' })
      : [];
    const onTime = done.filter((o) => {
      const e = events.find((x) => x.orderId === o.id);
      const slot = slotById.get(o.slotId!);
      return e && slot && e.createdAt.getTime() <= slot.endAt.getTime();
    }).length;
    const km = this.distance ? await this.distance(start, end, storeId) : null;
    return {
      orders: done.length,
      onTimeRate: done.length ? round(onTime / done.length) : null,
      kmPerOrder: km && km.orders ? round(km.km / km.orders, 2) : null,
    };
  }

  private async support(start: Date, end: Date, storeId: number | null): Promise<Kpis['support']> {
    const convs = await this.deps.db
      .getRepository(ConversationEntity)
      .findBy({ createdAt: Between(start, end), ...(storeId ? { storeId } : {}) });
    const handed = convs.filter((c) => c.handoffAt !== null);
    const firstResponse = handed
      .filter((c) => c.firstAgentReplyAt && c.handoffAt)
      .map((c) => (c.firstAgentReplyAt!.getTime() - c.handoffAt!.getTime()) / 1000);
    const rated = convs.filter((c) => c.csat !== null).map((c) => c.csat!);
    const promoters = rated.filter((x) => x === 5).length;
    const detractors = rated.filter((x) => x <= 3).length;
    const ids = convs.map((c) => c.id);
    const rows = ids.length
      ? await this.deps.db
          .getRepository(MessageEntity)
          .createQueryBuilder('m')
          .select('m.intent', 'intent')
          .addSelect('COUNT(*)', 'n')
          .where('m.conversation_id IN (:...ids) AND m.sender = :customer AND m.intent IS NOT NULL', {
            ids,
            customer: 'customer',
          })
          .groupBy('m.intent')
          .getRawMany<{ intent: string; n: string | number }>()
      : [];
    const handedBy = new Map<string, number>();
    for (const c of handed) {
      const intent = c.summary
        ? ((JSON.parse(c.summary) as { intent: string | null }).intent ?? 'unknown')
        : 'unknown';
      handedBy.set(intent, (handedBy.get(intent) ?? 0) + 1);
    }
    return {
      conversations: convs.length,
      botDeflectionRate: convs.length ? round((convs.length - handed.length) / convs.length) : null,
      firstResponseS: {
        median: round(median(firstResponse), 1),
        p90: round(quantile(firstResponse, 0.9), 1),
      },
      csat: {
        average: rated.length ? round(rated.reduce((a, b) => a + b, 0) / rated.length, 2) : null,
        responses: rated.length,
      },
      nps: rated.length ? Math.round(((promoters - detractors) / rated.length) * 100) : null,
      perIntent: rows
        .map((r) => ({ intent: r.intent, messages: Number(r.n), handedOver: handedBy.get(r.intent) ?? 0 }))
        .sort((a, b) => b.messages - a.messages),
    };
  }
}
