import type { SlotsService } from '../slots/slots.service';
import type { DataSource } from 'typeorm';
import type { RedisConnection } from '../../adapters/redis';
import type { Clock } from '../../clock';
import type { TxRunner } from '../../db/tx';
import type { Logger } from '../../logger';
import type { AuditService } from '../audit/audit.service';
import type { StockService } from '../catalog/stock.service';
import type { OrderLifecycle } from '../orders/order-lifecycle';
import type { RefundsService } from '../payments/refunds.service';
import type { StoresService } from '../stores/stores.service';
import { OpsDataChanges } from './ops-data-changes';
import { OrdersAdminService } from './orders-admin.service';
import { SlotGridAdminService } from './slot-grid-admin.service';
import { SlotsAdminService } from './slots-admin.service';
import { StoresAdminService } from './stores-admin.service';
import { ZonesAdminService } from './zones-admin.service';

/** The back-office services of stores, zones, slot templates/overrides and orders. */
export interface OpsDataServices {
  stores: StoresAdminService;
  zones: ZonesAdminService;
  slots: SlotsAdminService;
  slotGrid: SlotGridAdminService;
  orders: OrdersAdminService;
  changes: OpsDataChanges;
}

/**
 * Builds the operations-data services; a store or zone write drops this instance's nearest-store
 * index at once and, with Redis, every other instance's (without Redis they notice by version check).
 */
export async function createOpsData(deps: {
  db: DataSource;
  tx: TxRunner;
  audit: AuditService;
  clock: Clock;
  log: Logger;
  redis: RedisConnection | null;
  lifecycle: OrderLifecycle;
  refunds: RefundsService;
  stock: StockService;
  slots: Pick<SlotsService, 'ensureDay'>;
  storeIndex: Pick<StoresService, 'invalidate'>;
}): Promise<OpsDataServices> {
  const changes = new OpsDataChanges({ redis: deps.redis, log: deps.log });
  changes.onChange(() => deps.storeIndex.invalidate());
  await changes.start();
  const base = { db: deps.db, tx: deps.tx, audit: deps.audit, clock: deps.clock };
  return {
    stores: new StoresAdminService({ ...base, changes }),
    zones: new ZonesAdminService({ ...base, changes }),
    slots: new SlotsAdminService(base),
    slotGrid: new SlotGridAdminService({ db: deps.db, clock: deps.clock }),
    orders: new OrdersAdminService({
      ...base,
      lifecycle: deps.lifecycle,
      refunds: deps.refunds,
      stock: deps.stock,
      slots: deps.slots,
    }),
    changes,
  };
}
