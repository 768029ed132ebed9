import type { DataSource } from 'typeorm';
import type { RedisConnection } from '../../adapters/redis';
import type { TxRunner } from '../../db/tx';
import type { Logger } from '../../logger';
import type { AuditService } from '../audit/audit.service';
import { CatalogAdminRepository } from './catalog-admin.repository';
import { CatalogAdminService } from './catalog-admin.service';
import { CatalogChanges } from './catalog-changes';
import { CatalogImportService } from './catalog-import.service';

/** The catalogue admin services, wired (the composition root spreads `services` into its own), and their closer. */
export async function createCatalogAdmin(deps: {
  db: DataSource;
  tx: TxRunner;
  audit: AuditService;
  redis: RedisConnection | null;
  log: Logger;
}): Promise<{
  services: {
    catalogAdmin: CatalogAdminService;
    catalogImport: CatalogImportService;
    catalogChanges: CatalogChanges;
  };
  close(): Promise<void>;
}> {
  const repo = new CatalogAdminRepository(deps.db);
  const catalogChanges = new CatalogChanges({ db: deps.db, redis: deps.redis, log: deps.log });
  await catalogChanges.start();
  const shared = { repo, tx: deps.tx, audit: deps.audit, changes: catalogChanges };
  return {
    services: {
      catalogAdmin: new CatalogAdminService(shared),
      catalogImport: new CatalogImportService(shared),
      catalogChanges,
    },
    close: () => catalogChanges.close(),
  };
}
