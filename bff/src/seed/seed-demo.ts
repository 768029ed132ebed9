import type { DataSource, EntityManager } from 'typeorm';
import { categories, couriers, products, staff, stores, zones } from '@omni/mock/data';
import type { Logger } from '../logger';
import { MetaEntity } from '../db/meta.entity';
import { CourierEntity, StoreEntity } from '../modules/stores/store.entity';
import { CategoryEntity, ProductEntity, StockEntity } from '../modules/catalog/catalog.entity';
import { UserEntity } from '../modules/users/user.entity';
import { SlotTemplateEntity, ZoneEntity } from '../modules/slots/slot.entity';

/** Bump when the demo data changes shape; a database seeded with an older version is topped up. */
export const DEMO_SEED_VERSION = '2';
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
    for (const c of categories) {
      await m.getRepository(CategoryEntity).save({ id: c.id, name: c.name, icon: c.icon, sort: c.sort });
    }
    await upsertProducts(m, storeIds);
    progress?.('骑手与店员');
    await upsertPeople(m, storeIds);
    progress?.('配送区与时段模板');
    await upsertZones(m, storeIds);
    await m.getRepository(MetaEntity).save({ key: META_KEY, value: DEMO_SEED_VERSION });
  });
  log.info({ ...report, seeded: true }, 'demo data seeded');
  return { ...report, seeded: true };
}

async function upsertStores(m: EntityManager): Promise<Map<string, number>> {
  const repo = m.getRepository(StoreEntity);
  const ids = new Map<string, number>();
  for (const s of stores) {
    const existing = await repo.findOneBy({ code: s.code });
    const saved = await repo.save({ ...(existing ?? {}), ...s, active: existing?.active ?? true });
    ids.set(s.code, saved.id);
  }
  return ids;
}

async function upsertProducts(m: EntityManager, storeIds: Map<string, number>): Promise<void> {
  const repo = m.getRepository(ProductEntity);
  const stockRepo = m.getRepository(StockEntity);
  for (const p of products) {
    const { stock, ...fields } = p;
    const existing = await repo.findOneBy({ sku: p.sku });
    const saved = await repo.save({ ...(existing ?? {}), ...fields, active: true });
    for (const [code, quantity] of Object.entries(stock)) {
      const storeId = storeIds.get(code);
      if (storeId === undefined) throw new Error(`product ${p.sku} has stock in unknown store ${code}`);
      // Existing stock rows are left alone: they carry real sales since the last seed.
      const row = await stockRepo.findOneBy({ storeId, productId: saved.id });
      if (!row) await stockRepo.insert({ storeId, productId: saved.id, quantity });
    }
  }
}

async function upsertPeople(m: EntityManager, storeIds: Map<string, number>): Promise<void> {
  const courierRepo = m.getRepository(CourierEntity);
  const users = m.getRepository(UserEntity);
  const now = new Date();
  for (const c of couriers) {
    const storeId = storeIds.get(c.storeCode);
    if (storeId === undefined) throw new Error(`courier ${c.code} belongs to unknown store ${c.storeCode}`);
    const { storeCode: _storeCode, ...fields } = c;
    const existing = await courierRepo.findOneBy({ code: c.code });
    const saved = await courierRepo.save({ ...(existing ?? {}), ...fields, storeId });
    const openid = `courier:${c.code}`;
    if (!(await users.findOneBy({ openid }))) {
      await users.insert({
        openid,
        unionid: null,
        role: 'courier',
        nickname: c.name,
        avatarUrl: null,
        storeId,
        courierId: saved.id,
        createdAt: now,
        lastLoginAt: now,
      });
    }
  }
  for (const s of staff) {
    const storeId = storeIds.get(s.storeCode);
    if (storeId === undefined) throw new Error(`staff ${s.code} belongs to unknown store ${s.storeCode}`);
    const openid = `staff:${s.code}`;
    if (!(await users.findOneBy({ openid }))) {
      await users.insert({
        openid,
        unionid: null,
        role: 'staff',
        nickname: s.name,
        avatarUrl: null,
        storeId,
        courierId: null,
        createdAt: now,
        lastLoginAt: now,
      });
    }
  }
}

async function upsertZones(m: EntityManager, storeIds: Map<string, number>): Promise<void> {
  const repo = m.getRepository(ZoneEntity);
  const templates = m.getRepository(SlotTemplateEntity);
  for (const z of zones) {
    const storeId = storeIds.get(z.storeCode);
    if (storeId === undefined) throw new Error(`zone ${z.code} belongs to unknown store ${z.storeCode}`);
    const { storeCode: _storeCode, slots, ...fields } = z;
    const existing = await repo.findOneBy({ code: z.code });
    const saved = await repo.save({
      ...(existing ?? {}),
      ...fields,
      storeId,
      active: existing?.active ?? true,
    });
    if (!(await templates.countBy({ zoneId: saved.id }))) {
      await templates.insert(
        slots.map((t) => ({ zoneId: saved.id, startLocal: t.start, endLocal: t.end, capacity: t.capacity })),
      );
    }
  }
}
