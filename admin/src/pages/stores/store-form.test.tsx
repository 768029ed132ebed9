import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { App } from 'antd';
import type { AdminStore } from '@omni/shared-types';
import { mockFetch, type Call } from '../../../test/mockFetch';
import { StoreDrawer } from './store-form';

const store: AdminStore = {
  id: 1,
  code: 'SH-JA-01',
  name: '静安嘉里中心店',
  district: '静安区',
  address: '上海市静安区南京西路1515号',
  phone: '021-62881515',
  lat: 31.2249,
  lng: 121.4486,
  // Monday closed: the API's hours.0 is Tuesday, the form's second row.
  hours: [2, 3, 4, 5, 6, 0].map((weekday) => ({ weekday, open: '10:00', close: '22:00' })),
  closedDates: [],
  pickup: true,
  delivery: true,
  active: true,
  version: 3,
};

type Answer = [number, unknown];

function renderDrawer(onWrite: (c: Call) => Answer, storeId: number | null = 1) {
  const f = mockFetch((c) => {
    if (c.method === 'GET' && c.url.includes('/admin/stores/1')) return [200, store];
    if (c.method === 'GET' && c.url.includes('/admin/zones'))
      return [200, { items: [], total: 0, page: 1, pageSize: 200 }];
    return onWrite(c);
  });
  const onSaved = jest.fn();
  render(
    <App>
      <StoreDrawer open storeId={storeId} stores={[store]} onClose={() => undefined} onSaved={onSaved} />
    </App>,
  );
  return { ...f, onSaved };
}

const save = () => fireEvent.click(screen.getByRole('button', { name: /保\s*存/ }));
const itemOf = (el: HTMLElement) => el.closest('.ant-form-item') as HTMLElement;
const writes = (calls: Call[]) => calls.filter((c) => c.method !== 'GET');

describe('StoreDrawer', () => {
  let restore = () => undefined as void;
  afterEach(() => restore());
  // The Drawer measures the scrollbar through a pseudo-element style, which jsdom does not implement.
  const computed = window.getComputedStyle;
  beforeAll(() => {
    window.getComputedStyle = (elt: Element) => computed(elt);
  });
  afterAll(() => {
    window.getComputedStyle = computed;
  });

  it('puts the API message for an hours entry next to the row it came from, in Chinese', async () => {
    const f = renderDrawer(() => [
      400,
      {
        error: {
          code: 'VALIDATION_FAILED',
          message: '请求参数无效: hours.0.close',
          details: { fields: [{ path: 'hours.0.close', message: 'open and close must differ' }] },
        },
      },
    ]);
    restore = f.restore;
    expect(await screen.findByDisplayValue('SH-JA-01')).toBeInTheDocument();
    save();
    const msg = await screen.findByText('开门与打烊时间不能相同');
    expect(within(itemOf(msg)).getByLabelText('周二打烊')).toBeInTheDocument();
    const patch = writes(f.calls)[0];
    expect(patch).toMatchObject({ method: 'PATCH', url: '/api/v1/admin/stores/1' });
    expect(patch.body).toMatchObject({ version: 3, hours: store.hours, lat: 31.2249 });
    expect(f.onSaved).not.toHaveBeenCalled();
  });

  it('shows a taken code next to the code field', async () => {
    const f = renderDrawer(() => [
      409,
      {
        error: {
          code: 'STORE_CODE_TAKEN',
          message: '门店编码 SH-JA-01 已存在',
          details: { code: 'SH-JA-01' },
        },
      },
    ]);
    restore = f.restore;
    await screen.findByDisplayValue('SH-JA-01');
    save();
    const msg = await screen.findByText('该门店编码已被使用');
    expect(within(itemOf(msg)).getByDisplayValue('SH-JA-01')).toBeInTheDocument();
  });

  it('offers a reload when someone else saved the store first', async () => {
    const f = renderDrawer(() => [
      409,
      { error: { code: 'VERSION_CONFLICT', message: '记录已被他人修改', details: { current: store } } },
    ]);
    restore = f.restore;
    await screen.findByDisplayValue('SH-JA-01');
    save();
    expect((await screen.findAllByText('已被他人修改')).length).toBeGreaterThan(0);
    expect(screen.getByRole('button', { name: /重新加载/ })).toBeInTheDocument();
  });

  it('checks a new store before sending anything: required fields and a location on the map', async () => {
    const f = renderDrawer(() => [500, {}], null);
    restore = f.restore;
    save();
    expect(await screen.findByText('请填写门店编码')).toBeInTheDocument();
    expect(screen.getByText('请填写门店名称')).toBeInTheDocument();
    expect(screen.getAllByText('请在地图上点选门店位置')).toHaveLength(2);
    expect(writes(f.calls)).toEqual([]);
  });

  it('sends a closed day as no hours for it, and saves', async () => {
    const f = renderDrawer((c) => [200, { ...store, ...(c.body as object), version: 4 }]);
    restore = f.restore;
    await screen.findByDisplayValue('SH-JA-01');
    fireEvent.click(screen.getByRole('switch', { name: '周二营业' }));
    save();
    await waitFor(() => expect(f.onSaved).toHaveBeenCalledTimes(1));
    const body = writes(f.calls)[0].body as { hours: { weekday: number }[] };
    expect(body.hours.map((h) => h.weekday)).toEqual([3, 4, 5, 6, 0]);
  });

  it('refuses equal open and close times before sending', async () => {
    const f = renderDrawer(() => [200, store]);
    restore = f.restore;
    await screen.findByDisplayValue('SH-JA-01');
    const close = screen.getByLabelText('周三打烊');
    fireEvent.mouseDown(close);
    fireEvent.focus(close);
    fireEvent.change(close, { target: { value: '10:00' } });
    fireEvent.keyDown(close, { key: 'Enter' });
    fireEvent.blur(close);
    save();
    const msg = await screen.findByText('开门与打烊时间不能相同');
    expect(within(itemOf(msg)).getByLabelText('周三打烊')).toBeInTheDocument();
    expect(writes(f.calls)).toEqual([]);
  });
});
