// The store a tab lists: the header picker's; when an admin chose 全部门店 there, a Select on the
// tab narrows it (empty = every store). A store manager always sees its own store only.
import { useState, type ReactNode } from 'react';
import { Select } from 'antd';
import { useAuth } from '../../auth/AuthContext';
import { useStores } from '../../components/useStores';

export function useStoreFilter(): { storeId: number | undefined; picker: ReactNode } {
  const auth = useAuth();
  const stores = useStores();
  const [picked, setPicked] = useState<number>();
  if (!auth.isAdmin) return { storeId: auth.storeId ?? undefined, picker: null };
  if (auth.storeId !== null) return { storeId: auth.storeId, picker: null };
  return {
    storeId: picked,
    picker: (
      <Select<number>
        aria-label="门店筛选"
        allowClear
        placeholder="全部门店"
        style={{ width: 200 }}
        loading={stores.loading}
        value={picked}
        onChange={setPicked}
        showSearch={{ optionFilterProp: 'label' }}
        options={(stores.data ?? []).map((s) => ({ value: s.id, label: s.name }))}
      />
    ),
  };
}
