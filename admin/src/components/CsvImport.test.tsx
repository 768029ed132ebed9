import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { App } from 'antd';
import type { ImportResult } from '@omni/shared-types';
import { mockFetch, type Call } from '../../test/mockFetch';
import { CsvImport } from './CsvImport';

function renderImport(answer: (c: Call) => [number, unknown]) {
  const f = mockFetch(answer);
  const onImported = jest.fn();
  render(
    <App>
      <CsvImport
        open
        title="导入商品"
        path="/admin/import/products"
        columns={{ required: ['sku', 'name'], optional: ['status'] }}
        onClose={jest.fn()}
        onImported={onImported}
      />
    </App>,
  );
  return { ...f, onImported };
}

function choose(name = 'products.csv') {
  const input = document.querySelector('input[type="file"]') as HTMLInputElement;
  const file = new File(['sku,name\nA-1,拿铁\n'], name, { type: '' });
  fireEvent.change(input, { target: { files: [file] } });
  return file;
}

const confirmButton = () => screen.getByRole('button', { name: /确认导入/ });

describe('CsvImport', () => {
  let restore = () => undefined as void;
  afterEach(() => restore());
  const computed = window.getComputedStyle;
  beforeAll(() => {
    window.getComputedStyle = (elt: Element) => computed(elt);
  });
  afterAll(() => {
    window.getComputedStyle = computed;
  });

  it('lists every bad row of the dry run and keeps 确认导入 disabled', async () => {
    const f = renderImport(() => [
      422,
      {
        error: {
          code: 'CSV_ROWS_INVALID',
          message: '有 2 行未通过校验，未导入任何数据',
          details: {
            created: 0,
            updated: 0,
            unchanged: 0,
            dryRun: true,
            errors: [
              { row: 3, column: 'priceFen', message: '价格须为正整数，单位为分' },
              { row: 2, column: 'sku', message: 'SKU 只能包含字母、数字、- 和 _' },
              { row: 3, column: 'categoryId', message: '分类 toys 不存在' },
            ],
          },
        },
      },
    ]);
    restore = f.restore;
    expect(confirmButton()).toBeDisabled();
    const file = choose();
    expect(await screen.findByText('有 2 行未通过校验，未导入任何数据')).toBeInTheDocument();
    expect(f.calls).toHaveLength(1);
    expect(f.calls[0]).toMatchObject({ method: 'POST', url: '/api/v1/admin/import/products?dryRun=1' });
    expect(f.calls[0].body).toBe(file);
    const rows = screen
      .getAllByRole('row')
      .slice(1)
      .map((r) =>
        within(r)
          .getAllByRole('cell')
          .map((c) => c.textContent),
      );
    expect(rows).toEqual([
      ['2', 'sku', 'SKU 只能包含字母、数字、- 和 _'],
      ['3', 'categoryId', '分类 toys 不存在'],
      ['3', 'priceFen', '价格须为正整数，单位为分'],
    ]);
    expect(screen.getByText(/共 2 行、3 处错误/)).toBeInTheDocument();
    expect(confirmButton()).toBeDisabled();
  });

  it('shows what a clean file would change, then commits it on 确认导入', async () => {
    const result = (dryRun: boolean): ImportResult => ({
      created: 3,
      updated: 1,
      unchanged: 6,
      dryRun,
      errors: [],
    });
    const f = renderImport((c) => [200, result(c.url.includes('dryRun=1'))]);
    restore = f.restore;
    choose();
    const ok = (await screen.findByText('预检通过，尚未写入')).closest('.ant-alert') as HTMLElement;
    expect(ok.textContent?.replace(/\s+/g, '')).toContain('新增3行更新1行无变化6行');
    expect(f.onImported).not.toHaveBeenCalled();
    await waitFor(() => expect(confirmButton()).toBeEnabled());
    fireEvent.click(confirmButton());
    expect(await screen.findByText('导入完成')).toBeInTheDocument();
    expect(f.calls.map((c) => c.url)).toEqual([
      '/api/v1/admin/import/products?dryRun=1',
      '/api/v1/admin/import/products',
    ]);
    expect(f.onImported).toHaveBeenCalledWith(result(false));
  });

  it('explains a bad header and offers nothing to confirm', async () => {
    const f = renderImport(() => [
      400,
      {
        error: {
          code: 'CSV_HEADER_INVALID',
          message: '表头不正确：第一行应为 sku,name',
          details: { missing: ['name'], unknown: ['名称'], repeated: [] },
        },
      },
    ]);
    restore = f.restore;
    choose();
    expect(await screen.findByText('表头不正确：第一行应为 sku,name')).toBeInTheDocument();
    expect(screen.getByText('缺少列：name；多余列：名称')).toBeInTheDocument();
    expect(confirmButton()).toBeDisabled();
  });
});
