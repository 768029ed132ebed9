import type { AdminStore, AdminStoreListResponse } from '@omni/shared-types';
import { api } from '../api/client';
import { useAuth } from '../auth/AuthContext';
import { useApi, type Loaded } from './useApi';

let cache: { userId: number; stores: Promise<AdminStore[]> } | null = null;

/** Every store the caller may see (an admin: all; a store manager: their own), fetched once per sign-in. */
export function useStores(): Loaded<AdminStore[]> {
  const { user } = useAuth();
  return useApi(async () => {
    if (!user) return [];
    if (!cache || cache.userId !== user.id) {
      cache = {
        userId: user.id,
        stores: api.get<AdminStoreListResponse>('/admin/stores', { pageSize: 200 }).then((r) => r.items),
      };
      cache.stores.catch(() => (cache = null));
    }
    return cache.stores;
  }, [user?.id]);
}

/** Forgets the store list (after a store was created or renamed). */
export function invalidateStores(): void {
  cache = null;
}
