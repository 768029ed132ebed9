import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { App } from 'antd';
import type { AdminStore, AdminZone } from '@omni/shared-types';
import { mockFetch, type Call } from '../../../test/mockFetch';
import { ZonesTab } from './zones-tab';

const store = {
  id: 1,
  code: 'SH-JA-01',
  name: '静安嘉里中心店',
  lat: 31.2249,
  lng: 121.4486,
} as AdminStore;
const ring = [
  [121.44, 31.22],
  [121.46, 31.22],
  [121.46, 31.23],
  [121.44, 31.23],
  [121.44, 31.22],
];
const zone: AdminZone = {
  id: 5,
  code: 'Z-SH-JA-01',
  name: '静安配送区',
  storeId: 1,
  polygon: { type: 'Polygon', coordinates: [ring] },
  feeFen: 600,
  freeThresholdFen: 9900,
  cutoffMin: 60,
  active: true,
  version: 2,
};

function renderTab(answer: (c: Call) => [number, unknown]) {
  const f = mockFetch(answer);
  const reload = jest.fn();
  render(
    <App>
      <ZonesTab store={store} zones={[zone]} canEdit reload={reload} />
    </App>,
  );
  return { ...f, reload };
}
const itemOf = (el: HTMLElement) => el.closest('.ant-form-item') as HTMLElement;

describe('ZonesTab', () => {
  let restore = () => undefined as void;
  afterEach(() => restore());

  it('saves an edited zone in fen with its closed polygon and version', async () => {
    const f = renderTab((c) => [200, { ...zone, ...(c.body as object), version: 3 }]);
    restore = f.restore;
    expect(screen.getByText(/配送费 ¥6\.00 · 满 ¥99\.00 免运费/)).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: '编辑 静安配送区' }));
    const fee = await screen.findByDisplayValue('6.00');
    fireEvent.change(fee, { target: { value: '8.5' } });
    fireEvent.click(screen.getByRole('button', { name: /保\s*存/ }));
    await waitFor(() => expect(f.reload).toHaveBeenCalled());
    expect(f.calls[0]).toMatchObject({ method: 'PATCH', url: '/api/v1/admin/zones/5' });
    expect(f.calls[0].body).toMatchObject({
      feeFen: 850,
      freeThresholdFen: 9900,
      version: 2,
      polygon: { type: 'Polygon', coordinates: [ring] },
    });
  });

  it("shows a taken code next to the field and the server's polygon refusal above the form", async () => {
    let n = 0;
    const f = renderTab(() =>
      ++n === 1
        ? [
            409,
            {
              error: { code: 'ZONE_CODE_TAKEN', message: '配送区编码 Z-1 已存在', details: { code: 'Z-1' } },
            },
          ]
        : [
            400,
            {
              error: {
                code: 'ZONE_INVALID',
                message: '配送区须位于中国大陆（GCJ-02 坐标）',
                details: {
                  fields: [
                    { path: 'polygon.coordinates.0.1', message: '配送区须位于中国大陆（GCJ-02 坐标）' },
                  ],
                },
              },
            },
          ],
    );
    restore = f.restore;
    fireEvent.click(screen.getByRole('button', { name: '编辑 静安配送区' }));
    await screen.findByDisplayValue('6.00');
    fireEvent.click(screen.getByRole('button', { name: /保\s*存/ }));
    const taken = await screen.findByText('该配送区编码已被使用');
    expect(within(itemOf(taken)).getByDisplayValue('Z-SH-JA-01')).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: /保\s*存/ }));
    expect(
      await screen.findByText('配送区须位于中国大陆（GCJ-02 坐标）（第 2 个顶点，已选中）'),
    ).toBeInTheDocument();
    const handles = screen.getAllByTestId('vertex-handle');
    expect(handles[1].getAttribute('fill')).not.toBe('#fff');
    expect(handles[0].getAttribute('fill')).toBe('#fff');
    expect(f.reload).not.toHaveBeenCalled();
  });

  it('will not save a drawing that is not closed yet', async () => {
    const f = renderTab(() => [500, {}]);
    restore = f.restore;
    fireEvent.click(screen.getByRole('button', { name: /新\s*建/ }));
    fireEvent.click(await screen.findByRole('button', { name: /保\s*存/ }));
    expect(await screen.findByText(/请先完成绘制/)).toBeInTheDocument();
    expect(f.calls).toEqual([]);
  });
});
