// 库存: one store's stock (the store picked in the header; an admin on 全部门店 picks one here),
// with on hand, held by open orders and available, a low-stock filter with its own threshold,
// the count edited in the cell, and (admin) CSV import with a dry run and export.
import { useState } from 'react';
import { App, Button, Card, Input, InputNumber, Select, Space, Switch, Table, Tag, Typography } from 'antd';
import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import type { AdminStockListResponse, AdminStockRow } from '@omni/shared-types';
import { STOCK_CSV_COLUMNS } from '@omni/shared-types';
import { api, download } from '../../api/client';
import { useAuth } from '../../auth/AuthContext';
import { CsvImport } from '../../components/CsvImport';
import { PageState } from '../../components/PageState';
import { useStores } from '../../components/useStores';
import { useTable } from '../../components/useTable';
import { QuantityCell } from './quantity-cell';

export const DEFAULT_THRESHOLD = 5;

/** The `GET …/stock` query of the page's filters: `below` only while 只看低库存 is on. */
export const stockQuery = (f: { q?: string; lowOnly: boolean; threshold: number }) => ({
  q: f.q,
  below: f.lowOnly ? f.threshold : undefined,
});

export function StockTable({ storeId, reloadKey }: { storeId: number; reloadKey?: number }) {
  const [q, setQ] = useState<string>();
  const [lowOnly, setLowOnly] = useState(false);
  const [threshold, setThreshold] = useState(DEFAULT_THRESHOLD);
  const filters = stockQuery({ q, lowOnly, threshold });
  const t = useTable<AdminStockRow, object>(
    (query, signal) =>
      api.get<AdminStockListResponse>(`/admin/stores/${storeId}/stock`, { ...query, ...filters }, signal),
    { storeId, reloadKey, ...filters },
  );

  const replace = (row: AdminStockRow) => {
    if (!t.data) return;
    t.set({ ...t.data, items: t.data.items.map((r) => (r.productId === row.productId ? row : r)) });
  };

  return (
    <>
      <Space wrap style={{ marginBottom: 16 }}>
        <Input.Search
          allowClear
          placeholder="名称或 SKU"
          aria-label="搜索商品"
          style={{ width: 220 }}
          onSearch={(v) => setQ(v.trim() || undefined)}
        />
        <Space>
          <Switch checked={lowOnly} onChange={setLowOnly} aria-label="只看低库存" />
          <span>只看可售低于</span>
          <InputNumber<number>
            aria-label="低库存阈值"
            min={1}
            max={1_000_000}
            precision={0}
            value={threshold}
            onChange={(v) => setThreshold(v ?? DEFAULT_THRESHOLD)}
            style={{ width: 90 }}
          />
          <span>件</span>
        </Space>
      </Space>
      <PageState loading={t.loading} error={t.error} onRetry={t.reload} empty={false}>
        <Table<AdminStockRow>
          rowKey="productId"
          size="middle"
          loading={t.loading}
          dataSource={t.rows}
          pagination={t.pagination}
          locale={{
            emptyText: lowOnly
              ? `没有可售低于 ${threshold} 件的商品`
              : q
                ? '没有符合条件的商品'
                : '暂无在售商品',
          }}
          columns={[
            {
              title: '商品',
              render: (_, r) => (
                <Space orientation="vertical" size={0}>
                  <span>{r.name}</span>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {r.sku}
                    {r.version === null && ' · 未建库存'}
                  </Typography.Text>
                </Space>
              ),
            },
            {
              title: '在库',
              dataIndex: 'onHand',
              width: 230,
              render: (_, r) => <QuantityCell row={r} onSaved={replace} onReload={t.reload} />,
            },
            { title: '订单占用', dataIndex: 'reserved', width: 110, align: 'right' },
            {
              title: '可售',
              dataIndex: 'available',
              width: 140,
              align: 'right',
              render: (v: number) =>
                v < threshold ? (
                  <Space size={4}>
                    <Typography.Text type="danger" strong>
                      {v}
                    </Typography.Text>
                    <Tag color="red">低库存</Tag>
                  </Space>
                ) : (
                  v
                ),
            },
          ]}
        />
      </PageState>
    </>
  );
}

export default function StockPage() {
  const { message } = App.useApp();
  const { isAdmin, storeId: headerStore } = useAuth();
  const stores = useStores();
  const [picked, setPicked] = useState<number>();
  const [importing, setImporting] = useState(false);
  const [exporting, setExporting] = useState(false);
  const [reloadKey, setReloadKey] = useState(0);
  const storeId = headerStore ?? picked ?? stores.data?.[0]?.id ?? null;

  const exportCsv = async () => {
    setExporting(true);
    try {
      await download('/admin/export/stock.csv', 'stock.csv');
    } catch (err) {
      message.error((err as Error).message);
    } finally {
      setExporting(false);
    }
  };

  return (
    <Card>
      <Space wrap style={{ marginBottom: 16, width: '100%', justifyContent: 'space-between' }}>
        <Space>
          {isAdmin && headerStore === null ? (
            <>
              <Typography.Text type="secondary">门店</Typography.Text>
              <Select
                aria-label="库存门店"
                style={{ width: 220 }}
                loading={stores.loading}
                value={storeId ?? undefined}
                placeholder="选择门店"
                showSearch={{ optionFilterProp: 'label' }}
                onChange={(v: number) => setPicked(v)}
                options={(stores.data ?? []).map((s) => ({ value: s.id, label: s.name }))}
              />
            </>
          ) : (
            <Typography.Text strong>
              {stores.data?.find((s) => s.id === storeId)?.name ?? (storeId ? `门店 #${storeId}` : '')}
            </Typography.Text>
          )}
        </Space>
        {isAdmin && (
          <Space>
            <Button icon={<UploadOutlined />} onClick={() => setImporting(true)}>
              导入 CSV
            </Button>
            <Button icon={<DownloadOutlined />} loading={exporting} onClick={exportCsv}>
              导出 CSV
            </Button>
          </Space>
        )}
      </Space>
      <PageState
        loading={stores.loading && storeId === null}
        error={storeId === null ? stores.error : null}
        onRetry={stores.reload}
        empty={storeId === null}
        emptyText="暂无门店"
      >
        {storeId !== null && <StockTable key={storeId} storeId={storeId} reloadKey={reloadKey} />}
      </PageState>
      {isAdmin && (
        <CsvImport
          open={importing}
          title="导入门店库存"
          path="/admin/import/stock"
          columns={{ required: STOCK_CSV_COLUMNS }}
          hint="storeCode 为门店编码，quantity 为实物在库数（含订单占用），不能低于未完成订单占用的数量。"
          onClose={() => setImporting(false)}
          onImported={() => setReloadKey((k) => k + 1)}
        />
      )}
    </Card>
  );
}
