// 配送区域与时段: one store's delivery zones on the map (drawn and edited by an admin), and each
// zone's slot templates, blackouts, capacity changes and the coming week's bookings.
import { useEffect, useState } from 'react';
import { Card, Empty, Select, Space, Tabs, Typography } from 'antd';
import { useSearchParams } from 'react-router-dom';
import type { AdminZoneListResponse } from '@omni/shared-types';
import { api } from '../../api/client';
import { useAuth } from '../../auth/AuthContext';
import { PageState } from '../../components/PageState';
import { useApi } from '../../components/useApi';
import { useStores } from '../../components/useStores';
import { SlotsTab } from './slots-tab';
import { ZonesTab } from './zones-tab';

export default function DeliveryPage() {
  const auth = useAuth();
  const stores = useStores();
  const [params, setParams] = useSearchParams();
  const [picked, setPicked] = useState<number | null>(null);
  const storeId = auth.storeId ?? picked ?? stores.data?.[0]?.id ?? null;
  const store = stores.data?.find((s) => s.id === storeId) ?? null;
  const tab = params.get('tab') === 'slots' ? 'slots' : 'zones';

  const zones = useApi(
    (signal) =>
      api.get<AdminZoneListResponse>(
        '/admin/zones',
        { storeId: storeId ?? undefined, pageSize: 200 },
        signal,
      ),
    [storeId],
  );
  const [zoneId, setZoneId] = useState<number | null>(null);
  const list = zones.data?.items ?? [];
  const zone = list.find((z) => z.id === zoneId) ?? list[0] ?? null;
  useEffect(() => setZoneId(null), [storeId]);

  const setTab = (t: string) => {
    const next = new URLSearchParams(params);
    next.set('tab', t);
    setParams(next, { replace: true });
  };

  const storePicker = auth.isAdmin && auth.storeId === null && (
    <Space>
      <Typography.Text type="secondary">门店</Typography.Text>
      <Select
        aria-label="选择门店"
        style={{ width: 220 }}
        value={storeId ?? undefined}
        loading={stores.loading}
        showSearch={{ optionFilterProp: 'label' }}
        onChange={(v: number) => setPicked(v)}
        options={(stores.data ?? []).map((s) => ({ value: s.id, label: s.name }))}
      />
    </Space>
  );

  return (
    <Card>
      <PageState
        loading={stores.loading}
        error={stores.error}
        onRetry={stores.reload}
        empty={!stores.loading && !store}
        emptyText="还没有门店，请先在“门店”中创建"
      >
        {store && (
          <Tabs
            activeKey={tab}
            onChange={setTab}
            tabBarExtraContent={storePicker || <Typography.Text strong>{store.name}</Typography.Text>}
            items={[
              {
                key: 'zones',
                label: '配送区域',
                children: (
                  <PageState
                    loading={zones.loading && !zones.data}
                    error={zones.error}
                    onRetry={zones.reload}
                  >
                    <ZonesTab
                      key={store.id}
                      store={store}
                      zones={list}
                      canEdit={auth.isAdmin}
                      reload={zones.reload}
                    />
                  </PageState>
                ),
              },
              {
                key: 'slots',
                label: '配送时段',
                children: (
                  <PageState
                    loading={zones.loading && !zones.data}
                    error={zones.error}
                    onRetry={zones.reload}
                  >
                    {zone ? (
                      <Space orientation="vertical" size={12} style={{ width: '100%' }}>
                        <Space>
                          <Typography.Text type="secondary">配送区</Typography.Text>
                          <Select
                            aria-label="选择配送区"
                            style={{ width: 260 }}
                            value={zone.id}
                            onChange={(v: number) => setZoneId(v)}
                            options={list.map((z) => ({
                              value: z.id,
                              label: `${z.name}${z.active ? '' : '（停用）'}`,
                            }))}
                          />
                        </Space>
                        <SlotsTab key={zone.id} zone={zone} isAdmin={auth.isAdmin} />
                      </Space>
                    ) : (
                      <Empty description="本店还没有配送区，请先在“配送区域”中绘制" />
                    )}
                  </PageState>
                ),
              },
            ]}
          />
        )}
      </PageState>
    </Card>
  );
}
