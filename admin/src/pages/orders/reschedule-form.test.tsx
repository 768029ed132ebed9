import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { App } from 'antd';
import type { AdminSlotCell, AdminSlotGridResponse } from '@omni/shared-types';
import { mockFetch, type Call } from '../../../test/mockFetch';
import { orderDetail } from './fixtures';
import { RescheduleDialog } from './reschedule-form';

// Cut-offs a day ahead of the real clock, so every slot that is not full/closed is still open.
const cutoffAt = new Date(Date.now() + 86_400_000).toISOString();
const cell = (over: Partial<AdminSlotCell>): AdminSlotCell => ({
  zoneId: 2,
  slotId: null,
  date: '2026-12-08',
  startLocal: '10:00',
  endLocal: '11:00',
  capacity: 8,
  booked: 0,
  blocked: false,
  blockReason: null,
  cutoffAt,
  generated: true,
  overridden: false,
  ...over,
});

/** Store 1 with zones 2 (the order's) and 4; the order sits in slot 3. */
const grid: AdminSlotGridResponse = {
  storeId: 1,
  from: '2026-12-08',
  days: [
    { date: '2026-12-08', weekday: 2, storeClosed: false },
    { date: '2026-12-09', weekday: 3, storeClosed: false },
  ],
  zones: [
    { id: 2, name: '静安 A 区', active: true, cutoffMin: 60 },
    { id: 4, name: '静安 B 区', active: true, cutoffMin: 60 },
  ],
  cells: [
    cell({ slotId: 3, booked: 1 }),
    cell({ slotId: 5, startLocal: '14:00', endLocal: '15:00', booked: 8 }),
    cell({ zoneId: 4, slotId: 9, startLocal: '16:00', endLocal: '17:00' }),
    cell({ slotId: 6, date: '2026-12-09', booked: 2 }),
    cell({ slotId: 7, date: '2026-12-09', startLocal: '14:00', endLocal: '15:00', blocked: true }),
  ],
};

const order = orderDetail({
  status: 'paid',
  statusText: '已支付',
  slot: {
    id: 3,
    date: '2026-12-08',
    label: '10:00-11:00',
    startAt: '2026-12-08T02:00:00.000Z',
    endAt: '2026-12-08T03:00:00.000Z',
    cutoffAt,
  },
});

const posts = (calls: Call[]) => calls.filter((c) => c.method === 'POST');
const day = (label: string) => within(screen.getByRole('group', { name: label }));

describe('RescheduleDialog', () => {
  let restore = () => undefined as void;
  afterEach(() => restore());

  const renderDialog = (answer: (c: Call) => [number, unknown]) => {
    const f = mockFetch((c) => (c.method === 'GET' ? [200, grid] : answer(c)));
    restore = f.restore;
    const onDone = jest.fn();
    render(
      <App>
        <RescheduleDialog order={order} onClose={() => undefined} onDone={onDone} />
      </App>,
    );
    return { f, onDone };
  };

  it("lists the zone's slots with seats left, disables full, closed and current ones, and requires a reason", async () => {
    const { f } = renderDialog(() => [500, {}]);
    const open = await screen.findByRole('radio', { name: /10:00-11:00\s*剩余 6 个名额/ });
    expect(day('12月9日 周三').getByRole('radio', { name: /10:00-11:00/ })).toBe(open);
    expect(open).toBeEnabled();
    expect(day('12月8日 周二').getByRole('radio', { name: /14:00-15:00\s*已约满/ })).toBeDisabled();
    expect(day('12月8日 周二').getByRole('radio', { name: /10:00-11:00\s*当前时段/ })).toBeDisabled();
    expect(day('12月9日 周三').getByRole('radio', { name: /14:00-15:00\s*停运/ })).toBeDisabled();
    expect(screen.queryByRole('radio', { name: /16:00-17:00/ })).not.toBeInTheDocument();
    expect(f.calls[0].url).toBe('/api/v1/admin/slots?storeId=1&days=7');

    fireEvent.click(open);
    fireEvent.click(screen.getByRole('button', { name: /确\s*定/ }));
    expect(await screen.findByText('请填写改约原因')).toBeInTheDocument();
    expect(posts(f.calls)).toHaveLength(0);
  });

  it('posts the chosen slot with the reason and reports the move', async () => {
    const { f, onDone } = renderDialog(() => [200, { ...order, slot: { ...order.slot, id: 6 } }]);
    fireEvent.click(await screen.findByRole('radio', { name: /剩余 6 个名额/ }));
    fireEvent.change(screen.getByLabelText('改约原因'), { target: { value: '原时段骑手不足' } });
    fireEvent.click(screen.getByRole('button', { name: /确\s*定/ }));
    await waitFor(() => expect(onDone).toHaveBeenCalledTimes(1));
    expect(await screen.findByText('已改约，已通知顾客')).toBeInTheDocument();
    expect(posts(f.calls)).toEqual([
      {
        method: 'POST',
        url: '/api/v1/admin/orders/7/reschedule',
        body: { slotId: 6, reason: '原时段骑手不足' },
      },
    ]);
  });

  it('shows SLOT_FULL in Chinese and reloads the slots', async () => {
    const { f, onDone } = renderDialog(() => [
      409,
      { error: { code: 'SLOT_FULL', message: 'slot is full' } },
    ]);
    fireEvent.click(await screen.findByRole('radio', { name: /剩余 6 个名额/ }));
    fireEvent.change(screen.getByLabelText('改约原因'), { target: { value: '顾客要求' } });
    fireEvent.click(screen.getByRole('button', { name: /确\s*定/ }));
    expect(await screen.findByText('该时段已约满，请选择其他时段')).toBeInTheDocument();
    await waitFor(() => expect(f.calls.filter((c) => c.method === 'GET')).toHaveLength(2));
    expect(onDone).not.toHaveBeenCalled();
  });
});
