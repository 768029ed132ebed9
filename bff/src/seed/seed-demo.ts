import type { DataSource, EntityManager } from 'typeorm';
import { categories, couriers, products, staff, stores, zones } from '@omni/mock/data';
import type { Logger } from '../logger';
import { upsertKnowledge } from './seed-knowledge';
import { MetaEntity } from '../db/meta.entity';
import { CourierEntity } from '../modules/stores/store.entity';
import { ProductEntity, StockEntity } from '../modules/catalog/catalog.entity';
import { CreateProductBody, UpdateProductBody } from '@omni/shared-types';
import {
  createProductIn,
  setStockIn,
  toAdminProduct,
  updateProductIn,
  upsertCategoryIn,
} from '../modules/catalog-admin/catalog-writer';
import { UserEntity } from '../modules/users/user.entity';
import { SlotTemplateEntity } from '../modules/slots/slot.entity';
import { AdminStoreCreateBody, AdminZoneCreateBody } from '@omni/shared-types';
import { ringToGeoJson } from '../algorithms/geo/polygon-check';
import { systemClock } from '../clock';
import { AuditService } from '../modules/audit/audit.service';
import { SlotsAdminService } from '../modules/ops-data/slots-admin.service';
import { StoresAdminService } from '../modules/ops-data/stores-admin.service';
import { ZonesAdminService } from '../modules/ops-data/zones-admin.service';
import { UserRoleEntity } from '../modules/members/member.entity';

// 3: the help centre and the product graph moved into the database (upsertKnowledge).
/** Bump when the demo data changes shape; a database seeded with an older version is topped up. */
export const DEMO_SEED_VERSION = '3';
const META_KEY = 'demo_seed_version';

/** What a seed run did. */
export interface SeedReport {
  seeded: boolean;
  stores: number;
  products: number;
  couriers: number;
  staff: number;
  zones: number;
}

/**
 * Inserts the demo data once. Idempotent: rows are matched by their stable code/sku, and the
 * version marker makes a second start a no-op, so restarts keep orders and changed stock.
 */
export async function seedDemo(
  db: DataSource,
  log: Logger,
  progress?: (step: string) => void,
): Promise<SeedReport> {
  const done = await db.getRepository(MetaEntity).findOneBy({ key: META_KEY });
  const report: SeedReport = {
    seeded: false,
    stores: stores.length,
    products: products.length,
    couriers: couriers.length,
    staff: staff.length,
    zones: zones.length,
  };
  if (done?.value === DEMO_SEED_VERSION) return report;
  await db.transaction(async (m) => {
    progress?.('门店');
    const storeIds = await upsertStores(m);
    progress?.('分类与商品');
    for (const c of categories) await upsertCategoryIn(m, c);
    await upsertProducts(m, storeIds);
    progress?.('骑手与店员');
    await upsertPeople(m, storeIds);
    progress?.('配送区与时段模板');
    await upsertZones(m, storeIds);
    progress?.('常见问题与商品关系');
    await upsertKnowledge(m, new Date());
    await m.getRepository(MetaEntity).save({ key: META_KEY, value: DEMO_SEED_VERSION });
  });
  log.info({ ...report, seeded: true }, 'demo data seeded');
  return { ...report, seeded: true };
}

/** Through the admin API's own service and schema, so seeded stores are like admin-made ones. */
async function upsertStores(m: EntityManager): Promise<Map<string, number>> {
  const svc = new StoresAdminService({
    db: m.connection,
    tx: { run: (work) => work(m) },
    audit: new AuditService({ db: m.connection, clock: systemClock }),
  });
  const ids = new Map<string, number>();
  for (const s of stores) {
    const { services, ...fields } = s;
    const body = AdminStoreCreateBody.parse({
      ...fields,
      pickup: services.includes('pickup'),
      delivery: services.includes('delivery'),
    });
    ids.set(s.code, (await svc.upsertByCodeIn(m, body)).id);
  }
  return ids;
}

async function upsertProducts(m: EntityManager, storeIds: Map<string, number>): Promise<void> {
  const repo = m.getRepository(ProductEntity);
  const stockRepo = m.getRepository(StockEntity);
  for (const p of products) {
    const { stock, ...fields } = p;
    const body = CreateProductBody.parse({ ...fields, status: 'active' });
    const existing = await repo.findOneBy({ sku: p.sku });
    let productId = existing?.id;
    if (!existing) productId = (await createProductIn(m, body)).id;
    else if (
      JSON.stringify({ ...toAdminProduct(existing), ...body }) !== JSON.stringify(toAdminProduct(existing))
    ) {
      await updateProductIn(m, existing.id, UpdateProductBody.parse({ ...body, version: existing.version }));
    }
    for (const [code, quantity] of Object.entries(stock)) {
      const storeId = storeIds.get(code);
      if (storeId === undefined) throw new Error(`product ${p.sku} has stock in unknown store ${code}`);
      // Existing stock rows are left alone: they carry real sales since the last seed.
      const row = await stockRepo.findOneBy({ storeId, productId: productId! });
      if (!row) await setStockIn(m, storeId, productId!, quantity, undefined);
    }
  }
}

async function upsertPeople(m: EntityManager, storeIds: Map<string, number>): Promise<void> {
  const courierRepo = m.getRepository(CourierEntity);
  const users = m.getRepository(UserEntity);
  const roles = m.getRepository(UserRoleEntity);
  const now = new Date();
  // Each seeded person is a WeChat identity with one bound role, so the back office lists them as members.
  const person = async (
    openid: string,
    role: 'courier' | 'staff',
    name: string,
    storeId: number,
    courierId: number | null,
  ): Promise<void> => {
    let user = await users.findOneBy({ openid });
    if (!user) {
      await users.insert({
        openid,
        unionid: null,
        role,
        nickname: name,
        avatarUrl: null,
        storeId,
        courierId,
        createdAt: now,
        lastLoginAt: now,
      });
      user = await users.findOneByOrFail({ openid });
    }
    if (!(await roles.findOneBy({ userId: user.id, role }))) {
      await roles.insert({
        userId: user.id,
        role,
        storeId,
        courierId,
        displayName: name,
        disabled: false,
        createdAt: now,
        version: 1,
      });
    }
  };
  for (const c of couriers) {
    const storeId = storeIds.get(c.storeCode);
    if (storeId === undefined) throw new Error(`courier ${c.code} belongs to unknown store ${c.storeCode}`);
    const { storeCode: _storeCode, ...fields } = c;
    const existing = await courierRepo.findOneBy({ code: c.code });
    const saved = await courierRepo.save({ ...(existing ?? {}), ...fields, storeId });
    await person(`courier:${c.code}`, 'courier', c.name, storeId, saved.id);
  }
  for (const s of staff) {
    const storeId = storeIds.get(s.storeCode);
    if (storeId === undefined) throw new Error(`staff ${s.code} belongs to unknown store ${s.storeCode}`);
    await person(`staff:${s.code}`, 'staff', s.name, storeId, null);
  }
}

/** Through the admin API's zone and slot-template services (polygon checks, overlap checks included). */
async function upsertZones(m: EntityManager, storeIds: Map<string, number>): Promise<void> {
  const deps = {
    db: m.connection,
    tx: { run: <T>(work: (em: EntityManager) => Promise<T>) => work(m) },
    audit: new AuditService({ db: m.connection, clock: systemClock }),
    clock: systemClock,
  };
  const zonesSvc = new ZonesAdminService(deps);
  const slotsSvc = new SlotsAdminService(deps);
  const templates = m.getRepository(SlotTemplateEntity);
  for (const z of zones) {
    const storeId = storeIds.get(z.storeCode);
    if (storeId === undefined) throw new Error(`zone ${z.code} belongs to unknown store ${z.storeCode}`);
    const { storeCode: _storeCode, slots, polygon, ...fields } = z;
    const body = AdminZoneCreateBody.parse({ ...fields, storeId, polygon: ringToGeoJson(polygon) });
    const saved = await zonesSvc.upsertByCodeIn(m, body);
    if (!(await templates.countBy({ zoneId: saved.id }))) {
      for (const t of slots) {
        await slotsSvc.createTemplateIn(m, saved, {
          weekday: null,
          startLocal: t.start,
          endLocal: t.end,
          capacity: t.capacity,
          cutoffMin: null,
          active: true,
        });
      }
    }
  }
}
