// The product Drawer: a new product's form, or an existing one (loaded fresh, so its version is
// current) with its 适用人群 tab.
import { Drawer, Tabs, Tag } from 'antd';
import type { AdminProduct, Category } from '@omni/shared-types';
import { api } from '../../api/client';
import { PageState } from '../../components/PageState';
import { useApi } from '../../components/useApi';
import { ProductForm } from './product-form';
import { SuitabilityTab } from './suitability-tab';

export interface ProductDrawerProps {
  open: boolean;
  /** The product to edit; null for a new one. */
  productId: number | null;
  categories: Category[];
  onClose(): void;
  onSaved(p: AdminProduct, created: boolean): void;
}

function EditProduct(props: ProductDrawerProps & { productId: number }) {
  const p = useApi(
    (signal) => api.get<AdminProduct>(`/admin/products/${props.productId}`, undefined, signal),
    [props.productId],
  );
  return (
    <PageState loading={p.loading} error={p.error} onRetry={p.reload} empty={!p.data}>
      {p.data && (
        <Tabs
          items={[
            {
              key: 'basic',
              label: '基本信息',
              children: (
                <ProductForm
                  // A reload after a conflict brings a new version: start the form from it.
                  key={`${p.data.id}:${p.data.version}`}
                  product={p.data}
                  categories={props.categories}
                  onSaved={(saved, created) => {
                    p.set(saved);
                    props.onSaved(saved, created);
                  }}
                  onReload={p.reload}
                  onCancel={props.onClose}
                />
              ),
            },
            { key: 'suitability', label: '适用人群', children: <SuitabilityTab productId={p.data.id} /> },
          ]}
        />
      )}
    </PageState>
  );
}

export function ProductDrawer(props: ProductDrawerProps) {
  const { productId } = props;
  return (
    <Drawer
      open={props.open}
      onClose={props.onClose}
      size={760}
      destroyOnHidden
      title={
        productId === null ? (
          '新建商品'
        ) : (
          <>
            编辑商品 <Tag>#{productId}</Tag>
          </>
        )
      }
    >
      {productId === null ? (
        <ProductForm
          product={null}
          categories={props.categories}
          onSaved={props.onSaved}
          onReload={() => undefined}
          onCancel={props.onClose}
        />
      ) : (
        <EditProduct {...props} productId={productId} />
      )}
    </Drawer>
  );
}
