import type { DataSource } from 'typeorm';
import type { Store } from '@omni/shared-types';
import { StoreEntity } from './store.entity';

/** Maps a store entity to the wire shape. */
export function toStore(s: StoreEntity): Store {
  return {
    id: s.id,
    code: s.code,
    name: s.name,
    address: s.address,
    district: s.district,
    phone: s.phone,
    lat: s.lat,
    lng: s.lng,
    hours: s.hours,
    services: s.services,
  };
}

/** Reads stores. */
export class StoresRepository {
  constructor(private readonly db: DataSource) {}

  /** Every active store, by id. */
  active(): Promise<StoreEntity[]> {
    return this.db.getRepository(StoreEntity).find({ where: { active: true }, order: { id: 'ASC' } });
  }

  /** The store with this id, or null. */
  byId(id: number): Promise<StoreEntity | null> {
    return this.db.getRepository(StoreEntity).findOneBy({ id });
  }
}
