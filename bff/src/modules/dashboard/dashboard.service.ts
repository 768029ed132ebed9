import type {
  DashboardAnomaliesQuery,
  DashboardCard,
  DashboardPoint,
  DashboardQuery,
  DashboardResponse,
  KpiAnomaly,
  KpiAnomalyListResponse,
} from '@omni/shared-types';
import type { Clock } from '../../clock';
import type { Principal } from '../../http/context';
import { NotFoundError, ValidationError } from '../../http/errors';
import { addDays, daysBetween, shanghaiDate } from '../../lib/shanghai-time';
import type { KpisService } from '../kpis/kpis.service';
import { summarize, type DayFacts, type KpiValues } from '../kpis/kpi-summary';
import type { StoresService } from '../stores/stores.service';
import { detectAnomaly, type DailyValue } from './anomaly';
import { clipBand, KPI_DEFS, type KpiDef } from './kpi-catalog';

/** Days of history an anomaly judgement reads: a 28-day window for the day and for each day of its run. */
const ANOMALY_LOOKBACK_DAYS = 56;
const MAX_RANGE_DAYS = 366;
/** KPIs that count things: 0 on a quiet day, but null before the scope's first day with any data. */
const COUNTS = new Set(['orders', 'gmvFen', 'aftersalesBreaches']);

const storeNotFound = () => new NotFoundError('STORE_NOT_FOUND', '门店不存在');
const min = (a: string, b: string) => (a < b ? a : b);

/** The facts of one scope (a store, or every store) by day, and its first day with any data. */
class ScopeDays {
  private readonly byDate = new Map<string, DayFacts[]>();
  readonly firstActive: string | null;

  constructor(facts: readonly DayFacts[]) {
    for (const f of facts) this.byDate.set(f.date, [...(this.byDate.get(f.date) ?? []), f]);
    this.firstActive = [...this.byDate.keys()].sort()[0] ?? null;
  }

  /** The KPIs of these days, leaving out days after `today`; null when none is left. */
  values(days: readonly string[], today: string): KpiValues | null {
    const past = days.filter((d) => d <= today);
    return past.length ? summarize(past.flatMap((d) => this.byDate.get(d) ?? [])) : null;
  }

  /** One KPI over `days` (see `values`), null without data. */
  kpi(def: KpiDef, days: readonly string[], today: string): number | null {
    const v = this.values(days, today);
    if (!v) return null;
    if (COUNTS.has(def.key) && (this.firstActive === null || days.every((d) => d < this.firstActive!)))
      return null;
    return def.of(v);
  }

  /** One KPI day by day over [from, to], as anomaly detection sees it: days resting on too few observations are null. */
  daily(def: KpiDef, from: string, to: string, today: string): DailyValue[] {
    return daysOf(from, to).map((date) => {
      const v = this.values([date], today);
      const thin = def.support && (!v || def.support.of(v) < def.support.min);
      return { date, value: thin ? null : this.kpi(def, [date], today) };
    });
  }
}

/** Every date of [from, to]. */
function daysOf(from: string, to: string): string[] {
  const n = daysBetween(from, to);
  return Array.from({ length: Math.max(0, n + 1) }, (_, i) => addDays(from, i));
}

/** Monday of the week of `date`. */
function mondayOf(date: string): string {
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
  return addDays(date, -((weekday + 6) % 7));
}

/** The 看板: KPI series and cards of a period, and the KPIs of stores outside their normal bands. */
export class DashboardService {
  constructor(
    private readonly deps: {
      kpis: Pick<KpisService, 'dailyFacts'>;
      stores: Pick<StoresService, 'index'>;
      clock: Clock;
    },
  ) {}

  /** `GET /admin/dashboard`: series by day or week and period-on-period cards of Shanghai dates [from, to]. */
  async dashboard(p: Principal, q: DashboardQuery): Promise<DashboardResponse> {
    const storeId = await this.scopeOf(p, q.storeId);
    const today = shanghaiDate(this.deps.clock.now());
    const to = q.to ?? today;
    const from = q.from ?? addDays(to, -13);
    const span = daysBetween(from, to);
    if (span < 0 || span >= MAX_RANGE_DAYS) {
      throw new ValidationError('日期范围无效', [
        { path: 'from', message: `from must be on or before to, at most ${MAX_RANGE_DAYS} days` },
      ]);
    }
    const granularity = q.granularity ?? 'day';
    const prevFrom = addDays(from, -(span + 1));
    const prevTo = addDays(from, -1);
    // The latest complete day inside the period is the one a card's anomaly speaks of.
    const judged = min(to, addDays(today, -1));
    const loadFrom = min(prevFrom, addDays(judged, -ANOMALY_LOOKBACK_DAYS));
    const scope = new ScopeDays(await this.deps.kpis.dailyFacts(loadFrom, to, storeId));

    const buckets = new Map<string, string[]>();
    for (const d of daysOf(from, to)) {
      const key = granularity === 'day' ? d : mondayOf(d) < from ? from : mondayOf(d);
      buckets.set(key, [...(buckets.get(key) ?? []), d]);
    }
    const series: DashboardPoint[] = [...buckets].map(([period, days]) => {
      const point = { period } as DashboardPoint;
      for (const def of KPI_DEFS) point[def.key] = scope.kpi(def, days, today);
      return point;
    });

    const period = daysOf(from, to);
    const before = daysOf(prevFrom, prevTo);
    const cards: DashboardCard[] = KPI_DEFS.map((def) => {
      const value = scope.kpi(def, period, today);
      const previous = scope.kpi(def, before, today);
      const a =
        judged >= from ? detectAnomaly(scope.daily(def, loadFrom, judged, today), judged, def.band) : null;
      return {
        key: def.key,
        label: def.label,
        value,
        previous,
        changePct:
          value === null || previous === null || previous === 0
            ? null
            : Math.round(((value - previous) / Math.abs(previous)) * 1000) / 10,
        unit: def.unit,
        ...(def.goal !== undefined ? { goal: def.goal } : {}),
        better: def.better,
        anomaly: a ? { direction: a.direction, ...clipBand(def, a.low, a.high), since: a.since } : null,
      };
    });
    return { storeId, granularity, from, to, series, cards };
  }

  /** `GET /admin/dashboard/anomalies`: the caller's stores' KPIs outside their bands on a complete day. */
  async anomalies(p: Principal, q: DashboardAnomaliesQuery): Promise<KpiAnomalyListResponse> {
    const storeId = await this.scopeOf(p, q.storeId);
    const yesterday = addDays(shanghaiDate(this.deps.clock.now()), -1);
    const date = q.date ?? yesterday;
    if (date > yesterday) {
      throw new ValidationError('只能查看已结束的日期', [{ path: 'date', message: 'must be before today' }]);
    }
    return { items: await this.detect(date, storeId) };
  }

  /** Every (store, KPI) outside its band on `date` (a complete day), for one store or all active ones. */
  async detect(date: string, storeId: number | null): Promise<KpiAnomaly[]> {
    const today = shanghaiDate(this.deps.clock.now());
    const from = addDays(date, -ANOMALY_LOOKBACK_DAYS);
    const [facts, { byId }] = await Promise.all([
      this.deps.kpis.dailyFacts(from, date, storeId),
      this.deps.stores.index(),
    ]);
    const perStore = new Map<number, DayFacts[]>();
    for (const f of facts) {
      if (f.storeId === null) continue;
      perStore.set(f.storeId, [...(perStore.get(f.storeId) ?? []), f]);
    }
    const items: KpiAnomaly[] = [];
    const ids = storeId === null ? [...byId.keys()].sort((a, b) => a - b) : [storeId];
    for (const id of ids) {
      const store = byId.get(id);
      if (!store) continue;
      const scope = new ScopeDays(perStore.get(id) ?? []);
      for (const def of KPI_DEFS) {
        const a = detectAnomaly(scope.daily(def, from, date, today), date, def.band);
        if (!a) continue;
        items.push({
          kpi: def.key,
          label: def.label,
          storeId: id,
          storeName: store.name,
          date,
          value: a.value,
          ...clipBand(def, a.low, a.high),
          direction: a.direction,
          since: a.since,
        });
      }
    }
    return items;
  }

  /** The store a caller sees: a store manager only its own (any other answers 404), an admin any or all. */
  private async scopeOf(p: Principal, asked: number | undefined): Promise<number | null> {
    if (p.role !== 'admin') {
      if (p.storeId === null || (asked !== undefined && asked !== p.storeId)) throw storeNotFound();
      return p.storeId;
    }
    if (asked === undefined) return null;
    if (!(await this.deps.stores.index()).byId.has(asked)) throw storeNotFound();
    return asked;
  }
}
