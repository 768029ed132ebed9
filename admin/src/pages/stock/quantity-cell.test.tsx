import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { App } from 'antd';
import type { AdminStockRow } from '@omni/shared-types';
import { mockFetch, type Call } from '../../../test/mockFetch';
import { QuantityCell } from './quantity-cell';
import { stockQuery } from './index';

const row: AdminStockRow = {
  storeId: 3,
  productId: 42,
  sku: 'CAKE-042',
  name: '巴斯克芝士蛋糕',
  status: 'active',
  onHand: 10,
  reserved: 4,
  available: 6,
  lowStock: false,
  version: 7,
};

function renderCell(answer: (c: Call) => [number, unknown], r: AdminStockRow = row) {
  const f = mockFetch(answer);
  const onSaved = jest.fn();
  const onReload = jest.fn();
  render(
    <App>
      <QuantityCell row={r} onSaved={onSaved} onReload={onReload} />
    </App>,
  );
  return { ...f, onSaved, onReload };
}

const input = () => screen.getByLabelText('巴斯克芝士蛋糕 在库数量');
const enter = (v: string) => {
  fireEvent.change(input(), { target: { value: v } });
  fireEvent.keyDown(input(), { key: 'Enter', code: 'Enter', keyCode: 13 });
};

describe('stock quantity cell', () => {
  let restore = () => undefined as void;
  afterEach(() => restore());
  const computed = window.getComputedStyle;
  beforeAll(() => {
    window.getComputedStyle = (elt: Element) => computed(elt);
  });
  afterAll(() => {
    window.getComputedStyle = computed;
  });

  it('saves the count on Enter with the row’s version', async () => {
    const saved = { ...row, onHand: 25, available: 21, version: 8 };
    const f = renderCell(() => [200, saved]);
    restore = f.restore;
    enter('25');
    await waitFor(() => expect(f.onSaved).toHaveBeenCalledWith(saved));
    expect(f.calls).toEqual([
      { method: 'PUT', url: '/api/v1/admin/stores/3/stock/42', body: { quantity: 25, version: 7 } },
    ]);
  });

  it('sends no version for a product the store never stocked, via 保存', async () => {
    const f = renderCell(() => [200, { ...row, onHand: 5, reserved: 0, available: 5, version: 1 }], {
      ...row,
      onHand: 0,
      reserved: 0,
      available: 0,
      version: null,
    });
    restore = f.restore;
    fireEvent.change(input(), { target: { value: '5' } });
    fireEvent.click(screen.getByRole('button', { name: /保\s*存/ }));
    await waitFor(() => expect(f.onSaved).toHaveBeenCalledTimes(1));
    expect(f.calls[0].body).toEqual({ quantity: 5 });
  });

  it('shows STOCK_BELOW_RESERVED next to the cell and keeps the typed count', async () => {
    const f = renderCell(() => [
      409,
      {
        error: {
          code: 'STOCK_BELOW_RESERVED',
          message: '库存不能低于未完成订单占用的 4 件',
          details: { reserved: 4, requested: 2 },
        },
      },
    ]);
    restore = f.restore;
    enter('2');
    expect(await screen.findByRole('alert')).toHaveTextContent('库存不能低于未完成订单占用的 4 件');
    expect(input()).toHaveValue('2');
    expect(f.onSaved).not.toHaveBeenCalled();
  });

  it('offers 重新加载 on a version conflict', async () => {
    const f = renderCell(() => [409, { error: { code: 'VERSION_CONFLICT', message: '已被他人修改' } }]);
    restore = f.restore;
    enter('30');
    fireEvent.click(await screen.findByText('重新加载'));
    await waitFor(() => expect(f.onReload).toHaveBeenCalledTimes(1));
    expect(screen.getByRole('alert')).toHaveTextContent('已被他人修改');
  });

  it('does not send a count that is not a whole number', () => {
    const f = renderCell(() => [200, row]);
    restore = f.restore;
    fireEvent.change(input(), { target: { value: '' } });
    fireEvent.click(screen.getByRole('button', { name: /保\s*存/ }));
    expect(screen.getByRole('alert')).toHaveTextContent('库存须为非负整数');
    expect(f.calls).toHaveLength(0);
  });

  it('asks the server for rows below the threshold only while the filter is on', () => {
    expect(stockQuery({ q: 'A', lowOnly: false, threshold: 5 })).toEqual({ q: 'A', below: undefined });
    expect(stockQuery({ lowOnly: true, threshold: 8 })).toEqual({ q: undefined, below: 8 });
  });
});
