import type { Clock } from '../../clock';
import type { TxRunner } from '../../db/tx';
import type { Logger } from '../../logger';
import type { JobsService } from '../jobs/jobs.service';
import type { KpisService } from '../kpis/kpis.service';
import type { StaffEventsService } from '../lbs/staff-events.service';
import type { AlertsService } from '../ops/alerts.service';
import type { StoresService } from '../stores/stores.service';
import { KpiAnomalyAlerts } from './anomaly-alerts';
import { DashboardService } from './dashboard.service';

/** The 看板's services: the read side and the anomaly alerts its daily job raises. */
export interface DashboardServices {
  dashboard: DashboardService;
  kpiAnomalies: KpiAnomalyAlerts;
}

/** Builds the 看板's services (the daily scan job is registered with `jobs` here). */
export function createDashboard(deps: {
  kpis: KpisService;
  stores: StoresService;
  staffEvents: StaffEventsService;
  alerts: AlertsService;
  jobs: JobsService;
  tx: TxRunner;
  clock: Clock;
  log: Logger;
}): DashboardServices {
  const dashboard = new DashboardService({ kpis: deps.kpis, stores: deps.stores, clock: deps.clock });
  const kpiAnomalies = new KpiAnomalyAlerts({ ...deps, dashboard });
  return { dashboard, kpiAnomalies };
}
