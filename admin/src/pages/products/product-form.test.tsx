import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { App } from 'antd';
import type { AdminProduct, Category } from '@omni/shared-types';
import { mockFetch, type Call } from '../../../test/mockFetch';
import { ProductForm } from './product-form';

const CATEGORIES: Category[] = [
  { id: 'cake', name: '蛋糕', icon: '', sort: 1, productCount: 3 },
  { id: 'drink', name: '饮品', icon: '', sort: 2, productCount: 5 },
];

const product: AdminProduct = {
  id: 42,
  sku: 'CAKE-042',
  name: '巴斯克芝士蛋糕',
  subtitle: '',
  categoryId: 'cake',
  priceFen: 3900,
  originalPriceFen: null,
  unit: '个',
  description: '',
  images: [],
  attributes: [{ name: '保质期', value: '冷藏 3 天' }],
  tags: ['新品'],
  status: 'active',
  volumeL: 1.5,
  maxPerOrder: 5,
  version: 4,
};

function renderForm(answer: (c: Call) => [number, unknown], p: AdminProduct | null = null) {
  const f = mockFetch(answer);
  const onSaved = jest.fn();
  const onReload = jest.fn();
  render(
    <App>
      <ProductForm
        product={p}
        categories={CATEGORIES}
        onSaved={onSaved}
        onReload={onReload}
        onCancel={jest.fn()}
      />
    </App>,
  );
  return { ...f, onSaved, onReload };
}

const itemOf = (el: HTMLElement) => el.closest('.ant-form-item') as HTMLElement;
const type = (label: string, value: string) =>
  fireEvent.change(screen.getByLabelText(label), { target: { value } });
const save = () => fireEvent.click(screen.getByRole('button', { name: /保\s*存/ }));

async function pickCategory(name: string) {
  fireEvent.mouseDown(screen.getByLabelText('分类'));
  const option = await waitFor(() => {
    const el = document.querySelector(`.ant-select-item-option[title="${name}"]`);
    if (!el) throw new Error('no option yet');
    return el as HTMLElement;
  });
  fireEvent.click(option);
}

async function fillRequired() {
  type('SKU', 'CAKE-9');
  type('商品名称', '草莓奶油蛋糕');
  await pickCategory('蛋糕');
  type('售价（元）', '12.34');
}

describe('ProductForm', () => {
  let restore = () => undefined as void;
  afterEach(() => restore());
  // The conflict Modal measures the scrollbar through a pseudo-element style, which jsdom lacks.
  const computed = window.getComputedStyle;
  beforeAll(() => {
    window.getComputedStyle = (elt: Element) => computed(elt);
  });
  afterAll(() => {
    window.getComputedStyle = computed;
  });

  it('refuses to send a product without its required fields, saying which next to each', async () => {
    const f = renderForm(() => [500, {}]);
    restore = f.restore;
    type('单位', '');
    save();
    for (const [label, msg] of [
      ['SKU', 'SKU 必填'],
      ['商品名称', '商品名称必填'],
      ['分类', '请选择分类'],
      ['售价（元）', '价格必填'],
      ['单位', '单位必填'],
    ]) {
      const err = await screen.findByText(msg);
      expect(within(itemOf(err)).getByLabelText(label)).toBeInTheDocument();
    }
    type('SKU', 'bad sku!');
    expect(await screen.findByText('SKU 只能包含字母、数字、- 和 _')).toBeInTheDocument();
    type('售价（元）', '0');
    expect(await screen.findByText('价格须大于 0 元')).toBeInTheDocument();
    expect(f.calls).toHaveLength(0);
  });

  it('creates a product with its price in fen, attributes and tags', async () => {
    const f = renderForm((c) => [201, { ...product, id: 77, ...(c.body as object) }]);
    restore = f.restore;
    await fillRequired();
    type('划线价（元）', '19.9');
    fireEvent.click(screen.getByRole('button', { name: /添加属性/ }));
    type('属性名 1', '口味');
    type('属性值 1', '草莓');
    save();
    await waitFor(() => expect(f.onSaved).toHaveBeenCalledTimes(1));
    expect(f.calls).toHaveLength(1);
    expect(f.calls[0]).toMatchObject({ method: 'POST', url: '/api/v1/admin/products' });
    expect(f.calls[0].body).toEqual({
      sku: 'CAKE-9',
      name: '草莓奶油蛋糕',
      subtitle: '',
      categoryId: 'cake',
      priceFen: 1234,
      originalPriceFen: 1990,
      unit: '件',
      description: '',
      images: [],
      attributes: [{ name: '口味', value: '草莓' }],
      tags: [],
      volumeL: 1,
      maxPerOrder: 10,
      status: 'active',
    });
    expect(f.onSaved.mock.calls[0][1]).toBe(true);
  });

  it('puts the API’s field messages next to their fields (the fen price on the yuan field)', async () => {
    const f = renderForm(() => [
      400,
      {
        error: {
          code: 'VALIDATION_FAILED',
          message: '商品信息无效',
          details: {
            fields: [
              { path: 'priceFen', message: '价格过大' },
              { path: 'attributes.0.name', message: '属性名最多 32 个字符' },
            ],
          },
        },
      },
    ]);
    restore = f.restore;
    await fillRequired();
    fireEvent.click(screen.getByRole('button', { name: /添加属性/ }));
    type('属性名 1', '产地');
    save();
    const price = await screen.findByText('价格过大');
    expect(within(itemOf(price)).getByLabelText('售价（元）')).toBeInTheDocument();
    const attr = await screen.findByText('属性名最多 32 个字符');
    expect(within(itemOf(attr)).getByLabelText('属性名 1')).toBeInTheDocument();
    expect(f.onSaved).not.toHaveBeenCalled();
  });

  it('shows a taken SKU under the SKU field', async () => {
    const f = renderForm(() => [409, { error: { code: 'SKU_TAKEN', message: 'SKU 已被其他商品使用' } }]);
    restore = f.restore;
    await fillRequired();
    save();
    const err = await screen.findByText('SKU 已被其他商品使用');
    expect(within(itemOf(err)).getByLabelText('SKU')).toBeInTheDocument();
  });

  it('patches an edit with its version and offers 重新加载 on a version conflict', async () => {
    const f = renderForm(
      () => [
        409,
        { error: { code: 'VERSION_CONFLICT', message: '已被他人修改', details: { current: product } } },
      ],
      product,
    );
    restore = f.restore;
    expect(screen.getByLabelText('售价（元）')).toHaveValue('39.00');
    type('售价（元）', '36.5');
    save();
    expect(await screen.findByText('重新加载')).toBeInTheDocument();
    expect(f.calls[0]).toMatchObject({ method: 'PATCH', url: '/api/v1/admin/products/42' });
    expect(f.calls[0].body).toMatchObject({
      priceFen: 3650,
      version: 4,
      sku: 'CAKE-042',
      attributes: [{ name: '保质期', value: '冷藏 3 天' }],
      tags: ['新品'],
      volumeL: 1.5,
      maxPerOrder: 5,
    });
    fireEvent.click(screen.getByText('重新加载'));
    await waitFor(() => expect(f.onReload).toHaveBeenCalledTimes(1));
  });
});
