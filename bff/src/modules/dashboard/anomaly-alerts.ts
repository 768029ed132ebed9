import { z } from 'zod';
import { LocalDate } from '@omni/shared-types';
import type { Clock } from '../../clock';
import { isUniqueViolation, type TxRunner } from '../../db/tx';
import { addDays, shanghaiDate, shanghaiTime } from '../../lib/shanghai-time';
import type { Logger } from '../../logger';
import type { JobsService } from '../jobs/jobs.service';
import type { StaffEventsService } from '../lbs/staff-events.service';
import type { AlertsService } from '../ops/alerts.service';
import type { DashboardService } from './dashboard.service';
import { anomalyTitle, KPI_DEFS } from './kpi-catalog';

const SCAN = 'kpi_anomaly_scan';
/** Shanghai hour from which yesterday counts as complete (late deliveries and replies are in). */
const READY_HOUR = 1;

/**
 * Tells people about KPI anomalies: each new (store, KPI, first day of the run) becomes one ops
 * alert and one item in that store's staff inbox, in one transaction, deduplicated by the inbox
 * event's unique key, so a rescan, a restart or a second instance never repeats one.
 */
export class KpiAnomalyAlerts {
  constructor(
    private readonly deps: {
      dashboard: Pick<DashboardService, 'detect'>;
      staffEvents: Pick<StaffEventsService, 'raiseIn' | 'announce'>;
      alerts: Pick<AlertsService, 'raise'>;
      jobs: JobsService;
      tx: TxRunner;
      clock: Clock;
      log: Logger;
    },
  ) {
    deps.jobs.register(SCAN, {
      schema: z.object({ date: LocalDate }),
      handle: async (p) => {
        await this.scan(p.date);
      },
      maxAttempts: 5,
      backoff: { baseS: 60, maxS: 3600 },
    });
  }

  /** Enqueues the scan of yesterday once it is complete (called by every instance's tick; runs once). */
  async scheduleDaily(): Promise<void> {
    const now = this.deps.clock.now();
    if (Number(shanghaiTime(now).slice(0, 2)) < READY_HOUR) return;
    const date = addDays(shanghaiDate(now), -1);
    await this.deps.tx.run((m) =>
      this.deps.jobs.enqueue(m, SCAN, { date }, { dedupeKey: `${SCAN}:${date}` }),
    );
  }

  /** Records the anomalies of `date` (default yesterday) not recorded before; answers how many were new. */
  async scan(
    date = addDays(shanghaiDate(this.deps.clock.now()), -1),
  ): Promise<{ found: number; raised: number }> {
    const found = await this.deps.dashboard.detect(date, null);
    let raised = 0;
    for (const a of found) {
      const def = KPI_DEFS.find((d) => d.key === a.kpi)!;
      const title = anomalyTitle(def, a.value, a.low, a.high);
      let id: number;
      try {
        id = await this.deps.tx.run(async (m) => {
          const eventId = await this.deps.staffEvents.raiseIn(m, {
            storeId: a.storeId,
            kind: 'KPI_ANOMALY',
            title,
            userId: null,
            orderId: null,
            distanceM: null,
            dedupeKey: `kpi:${a.storeId}:${a.kpi}:${a.since}`,
          });
          await this.deps.alerts.raise(
            {
              kind: 'kpi_anomaly',
              severity: 'warning',
              message: `${a.storeName} ${title}，自 ${a.since} 起`,
              details: a,
            },
            m,
          );
          return eventId;
        });
      } catch (err) {
        if (isUniqueViolation(err)) continue;
        throw err;
      }
      raised++;
      await this.deps.staffEvents.announce(id);
    }
    if (raised) this.deps.log.info({ date, raised, found: found.length }, 'KPI anomalies raised');
    return { found: found.length, raised };
  }
}
