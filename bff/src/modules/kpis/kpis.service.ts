import { And, LessThan, MoreThanOrEqual, Not, IsNull, type DataSource } from 'typeorm';
import type { Kpis } from '@omni/shared-types';
import type { Clock } from '../../clock';
import type { Principal } from '../../http/context';
import { ForbiddenError, ValidationError } from '../../http/errors';
import { addDays, daysBetween, shanghaiDate, shanghaiToUtc } from '../../lib/shanghai-time';
import { ConversationEntity, MessageEntity } from '../support/support.entity';
import { loadDayFacts } from './kpi-facts';
import { summarize, type DayFacts } from './kpi-summary';

/** Operations KPIs: delivery on time and km per order, bot deflection, first response, CSAT. */
export class KpisService {
  constructor(private readonly deps: { db: DataSource; clock: Clock }) {}

  /**
   * The per-store, per-day facts of Shanghai dates [from, to] (one store, or every store when
   * `storeId` is null): what /ops/kpis and the 看板 both summarise.
   */
  dailyFacts(from: string, to: string, storeId: number | null): Promise<DayFacts[]> {
    return loadDayFacts(this.deps.db, { from, to, storeId, now: this.deps.clock.now() });
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
    const [facts, perIntent] = await Promise.all([
      this.dailyFacts(from, to, storeId),
      this.perIntent(shanghaiToUtc(from, '00:00'), shanghaiToUtc(addDays(to, 1), '00:00'), storeId),
    ]);
    const k = summarize(facts);
    return {
      from,
      to,
      storeId,
      delivery: { orders: k.deliveries, onTimeRate: k.onTimeRate, kmPerOrder: k.kmPerOrder },
      support: {
        conversations: k.conversations,
        botDeflectionRate: k.botDeflectionRate,
        firstResponseS: { median: k.firstResponseMedianS, p90: k.firstResponseP90S },
        csat: { average: k.csat, responses: k.csatResponses },
        nps: k.nps,
        perIntent,
      },
    };
  }

  /** Customer messages per intent of the conversations started in [start, end), and how many of those were handed over. */
  private async perIntent(
    start: Date,
    end: Date,
    storeId: number | null,
  ): Promise<Kpis['support']['perIntent']> {
    const params = { start, end, storeId, customer: 'customer' };
    const [rows, handed] = await Promise.all([
      this.deps.db
        .getRepository(MessageEntity)
        .createQueryBuilder('m')
        .innerJoin(ConversationEntity, 'c', 'c.id = m.conversation_id')
        .select('m.intent', 'intent')
        .addSelect('COUNT(*)', 'n')
        .where('c.created_at >= :start AND c.created_at < :end', params)
        .andWhere(storeId === null ? '1 = 1' : 'c.store_id = :storeId', params)
        .andWhere('m.sender = :customer AND m.intent IS NOT NULL', params)
        .groupBy('m.intent')
        .getRawMany<{ intent: string; n: string | number }>(),
      this.deps.db.getRepository(ConversationEntity).find({
        select: { id: true, summary: true },
        where: {
          createdAt: And(MoreThanOrEqual(start), LessThan(end)),
          handoffAt: Not(IsNull()),
          ...(storeId === null ? {} : { storeId }),
        },
      }),
    ]);
    const handedBy = new Map<string, number>();
    for (const c of handed) {
      const intent = c.summary
        ? ((JSON.parse(c.summary) as { intent: string | null }).intent ?? 'unknown')
        : 'unknown';
      handedBy.set(intent, (handedBy.get(intent) ?? 0) + 1);
    }
    return rows
      .map((r) => ({ intent: r.intent, messages: Number(r.n), handedOver: handedBy.get(r.intent) ?? 0 }))
      .sort((a, b) => b.messages - a.messages);
  }
}
