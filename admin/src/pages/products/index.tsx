// 商品: the catalogue, server-paged, searched by name/SKU and filtered by category and status, with
// each product's stock (across stores, or in the store picked in the header); create/edit in a
// Drawer, 下架/上架, and CSV import (dry run first) and export.
import { useMemo, useState } from 'react';
import {
  App,
  Button,
  Card,
  Image,
  Input,
  Popconfirm,
  Select,
  Space,
  Table,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import { DownloadOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import type {
  AdminProduct,
  AdminProductListItem,
  AdminProductListResponse,
  CategoryListResponse,
  ProductStatus,
  ProductStockSummary,
} from '@omni/shared-types';
import { LOW_STOCK_UNITS, PRODUCT_CSV_OPTIONAL, PRODUCT_CSV_REQUIRED } from '@omni/shared-types';
import { api, download } from '../../api/client';
import { useAuth } from '../../auth/AuthContext';
import { showConflict } from '../../components/conflict';
import { CsvImport } from '../../components/CsvImport';
import { PageState } from '../../components/PageState';
import { yuan } from '../../components/format';
import { useApi } from '../../components/useApi';
import { useStores } from '../../components/useStores';
import { useTable } from '../../components/useTable';
import { ProductDrawer } from './product-drawer';

const STATUS: Record<ProductStatus, { text: string; color: string }> = {
  active: { text: '在售', color: 'green' },
  archived: { text: '已下架', color: 'default' },
};

function StockCell({ s }: { s: ProductStockSummary }) {
  const low = s.available <= LOW_STOCK_UNITS;
  return (
    <Tooltip
      title={
        <>
          在库 {s.onHand}，订单占用 {s.reserved}，可售 {s.available}
          {s.lowest && (
            <>
              <br />
              最少：{s.lowest.storeName}（在库 {s.lowest.onHand}）
            </>
          )}
        </>
      }
    >
      <Typography.Text type={low ? 'danger' : undefined} strong={low}>
        {s.available}
      </Typography.Text>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {' '}
        / 在库 {s.onHand}
      </Typography.Text>
    </Tooltip>
  );
}

export default function ProductsPage() {
  const { message } = App.useApp();
  const { storeId } = useAuth();
  const stores = useStores();
  const cats = useApi((signal) => api.get<CategoryListResponse>('/categories', undefined, signal), []);
  const categories = useMemo(() => cats.data?.items ?? [], [cats.data]);
  const catName = useMemo(() => new Map(categories.map((c) => [c.id, c.name])), [categories]);

  const [q, setQ] = useState<string>();
  const [categoryId, setCategoryId] = useState<string>();
  const [status, setStatus] = useState<ProductStatus>();
  const t = useTable<AdminProductListItem, object>(
    (query, signal) =>
      api.get<AdminProductListResponse>(
        '/admin/products',
        { ...query, q, categoryId, status, storeId: storeId ?? undefined },
        signal,
      ),
    { q, categoryId, status, storeId },
  );

  const [drawer, setDrawer] = useState<{ id: number | null } | null>(null);
  const [importing, setImporting] = useState(false);
  const [exporting, setExporting] = useState(false);
  const [toggling, setToggling] = useState<number | null>(null);

  const storeName =
    storeId === null ? '全部门店' : (stores.data?.find((s) => s.id === storeId)?.name ?? `门店 #${storeId}`);

  const setArchived = async (p: AdminProductListItem, archived: boolean) => {
    setToggling(p.id);
    try {
      await api.patch<AdminProduct>(`/admin/products/${p.id}`, {
        status: archived ? 'archived' : 'active',
        version: p.version,
      });
      message.success(archived ? `已下架「${p.name}」` : `已上架「${p.name}」`);
      t.reload();
    } catch (err) {
      if (!showConflict(err, t.reload)) message.error((err as Error).message);
    } finally {
      setToggling(null);
    }
  };

  const exportCsv = async () => {
    setExporting(true);
    try {
      await download('/admin/export/products.csv', 'products.csv');
    } catch (err) {
      message.error((err as Error).message);
    } finally {
      setExporting(false);
    }
  };

  return (
    <Card>
      <Space wrap style={{ marginBottom: 16, width: '100%', justifyContent: 'space-between' }}>
        <Space wrap>
          <Input.Search
            allowClear
            placeholder="名称或 SKU"
            aria-label="搜索商品"
            style={{ width: 220 }}
            onSearch={(v) => setQ(v.trim() || undefined)}
          />
          <Select
            allowClear
            placeholder="全部分类"
            aria-label="分类筛选"
            style={{ width: 160 }}
            loading={cats.loading}
            value={categoryId}
            onChange={setCategoryId}
            options={categories.map((c) => ({ value: c.id, label: c.name }))}
          />
          <Select
            allowClear
            placeholder="全部状态"
            aria-label="状态筛选"
            style={{ width: 120 }}
            value={status}
            onChange={setStatus}
            options={(Object.keys(STATUS) as ProductStatus[]).map((s) => ({
              value: s,
              label: STATUS[s].text,
            }))}
          />
        </Space>
        <Space wrap>
          <Button icon={<UploadOutlined />} onClick={() => setImporting(true)}>
            导入 CSV
          </Button>
          <Button icon={<DownloadOutlined />} loading={exporting} onClick={exportCsv}>
            导出 CSV
          </Button>
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setDrawer({ id: null })}>
            新建商品
          </Button>
        </Space>
      </Space>
      <PageState loading={t.loading} error={t.error} onRetry={t.reload} empty={false}>
        <Table<AdminProductListItem>
          rowKey="id"
          size="middle"
          loading={t.loading}
          dataSource={t.rows}
          pagination={t.pagination}
          locale={{
            emptyText:
              q || categoryId || status ? '没有符合条件的商品' : '暂无商品，点击“新建商品”或导入 CSV',
          }}
          scroll={{ x: 960 }}
          columns={[
            {
              title: '图片',
              dataIndex: 'images',
              width: 72,
              render: (imgs: string[]) =>
                imgs[0] ? (
                  <Image
                    src={imgs[0]}
                    width={44}
                    height={44}
                    style={{ objectFit: 'cover', borderRadius: 4 }}
                    alt=""
                  />
                ) : (
                  <div style={{ width: 44, height: 44, background: '#f5f5f5', borderRadius: 4 }} />
                ),
            },
            {
              title: '商品',
              render: (_, p) => (
                <Space orientation="vertical" size={0}>
                  <Typography.Link onClick={() => setDrawer({ id: p.id })}>{p.name}</Typography.Link>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {p.sku}
                  </Typography.Text>
                </Space>
              ),
            },
            {
              title: '分类',
              dataIndex: 'categoryId',
              width: 120,
              render: (id: string) => catName.get(id) ?? id,
            },
            {
              title: '售价',
              dataIndex: 'priceFen',
              width: 120,
              align: 'right',
              render: (fen: number, p) => (
                <Space orientation="vertical" size={0} style={{ alignItems: 'flex-end' }}>
                  <span>
                    {yuan(fen)}
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      /{p.unit}
                    </Typography.Text>
                  </span>
                  {p.originalPriceFen !== null && (
                    <Typography.Text delete type="secondary" style={{ fontSize: 12 }}>
                      {yuan(p.originalPriceFen)}
                    </Typography.Text>
                  )}
                </Space>
              ),
            },
            {
              title: `可售（${storeName}）`,
              dataIndex: 'stock',
              width: 170,
              render: (s: ProductStockSummary) => <StockCell s={s} />,
            },
            {
              title: '状态',
              dataIndex: 'status',
              width: 90,
              render: (s: ProductStatus) => <Tag color={STATUS[s].color}>{STATUS[s].text}</Tag>,
            },
            {
              title: '操作',
              width: 140,
              fixed: 'right',
              render: (_, p) => (
                <Space>
                  <Typography.Link onClick={() => setDrawer({ id: p.id })}>编辑</Typography.Link>
                  {p.status === 'active' ? (
                    <Popconfirm
                      title="下架该商品？"
                      description="下架后顾客不再能搜索和购买，历史订单不受影响。"
                      okText="下架"
                      cancelText="取消"
                      onConfirm={() => setArchived(p, true)}
                    >
                      <Typography.Link type="danger" disabled={toggling === p.id}>
                        下架
                      </Typography.Link>
                    </Popconfirm>
                  ) : (
                    <Popconfirm
                      title="重新上架该商品？"
                      okText="上架"
                      cancelText="取消"
                      onConfirm={() => setArchived(p, false)}
                    >
                      <Typography.Link disabled={toggling === p.id}>上架</Typography.Link>
                    </Popconfirm>
                  )}
                </Space>
              ),
            },
          ]}
        />
      </PageState>
      <ProductDrawer
        open={drawer !== null}
        productId={drawer?.id ?? null}
        categories={categories}
        onClose={() => setDrawer(null)}
        onSaved={(p, created) => {
          t.reload();
          // A new product stays open, now as an edit, so its 适用人群 can be set next.
          setDrawer(created ? { id: p.id } : null);
        }}
      />
      <CsvImport
        open={importing}
        title="导入商品"
        path="/admin/import/products"
        columns={{ required: PRODUCT_CSV_REQUIRED, optional: PRODUCT_CSV_OPTIONAL }}
        hint="价格列 priceFen 为整数分（12.5 元写 1250）；按 SKU 新增或更新。"
        onClose={() => setImporting(false)}
        onImported={() => t.reload()}
      />
    </Card>
  );
}
