import Taro from '@tarojs/taro';
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { setRouterParams } from '../../../test/__mocks__/taro';
import { order, session, slot, slotsResponse } from '../../../test/fixtures';
import * as orders from '../../services/orders';
import { saveSession } from '../../services/session';
import * as slots from '../../services/slots';
import * as socketService from '../../services/socket';
import { fakeSocket } from '../../../test/fake-socket';
import OrderDetailPage from '.';

jest.mock('../../services/orders');
jest.mock('../../services/slots');
jest.mock('../../services/socket');
const getOrder = jest.mocked(orders.getOrder);
let realtime: ReturnType<typeof fakeSocket>;

beforeEach(() => {
  saveSession(session());
  setRouterParams({ id: '5' });
  realtime = fakeSocket();
  jest.mocked(socketService.connectRealtime).mockImplementation(() => realtime.socket);
});

function buttons(container: HTMLElement): string[] {
  // The test name of each action (the class beside the shared ActionButton's own).
  return [...container.querySelectorAll('.order-actions .action-button')].map(
    (b) => [...b.classList].find((c) => !c.startsWith('action-button')) ?? '',
  );
}

describe('订单详情', () => {
  it('shows status, slot, address, amounts and the timeline of a paid delivery order', async () => {
    getOrder.mockResolvedValue(order());
    const { container } = render(<OrderDetailPage />);

    await waitFor(() => expect(container.querySelector('.order-status')?.textContent).toContain('已支付'));
    expect(container.querySelector('.order-slot')?.textContent).toBe('11月26日（周四） 14:00-16:00');
    expect(screen.getByText('王小美 13800138000')).toBeTruthy();
    expect(container.querySelector('.order-total')?.textContent).toBe('¥33.80');
    expect([...container.querySelectorAll('.timeline-item__title')].map((el) => el.textContent)).toEqual([
      '已支付',
      '订单已提交',
    ]);
    expect(container.querySelector('.order-countdown')).toBeNull();
  });

  it('offers 取消订单 and 改约时间 but not 去支付 when the order is paid', async () => {
    getOrder.mockResolvedValue(order());
    const { container } = render(<OrderDetailPage />);
    await waitFor(() => expect(container.querySelector('.order-actions')).not.toBeNull());
    expect(buttons(container)).toEqual(['cancel-button', 'reschedule-button']);
  });

  it('offers 去支付 with a countdown on an unpaid order', async () => {
    getOrder.mockResolvedValue(
      order({
        status: 'pending_payment',
        statusText: '待支付',
        paidAt: null,
        expiresAt: new Date(Date.now() + 10 * 60_000).toISOString(),
        actions: { pay: true, cancel: true, reschedule: false },
      }),
    );
    const { container } = render(<OrderDetailPage />);
    await waitFor(() => expect(container.querySelector('.pay-button')).not.toBeNull());
    expect(buttons(container)).toEqual(['cancel-button', 'pay-button']);
    expect(container.querySelector('.order-countdown')?.textContent).toMatch(
      /请在 (10:00|09:5\d) 内完成支付/,
    );
  });

  it('shows no buttons on a finished order', async () => {
    getOrder.mockResolvedValue(
      order({
        status: 'delivered',
        statusText: '已送达',
        actions: { pay: false, cancel: false, reschedule: false },
      }),
    );
    const { container } = render(<OrderDetailPage />);
    await waitFor(() => expect(container.querySelector('.order-status')?.textContent).toContain('已送达'));
    expect(container.querySelector('.order-actions')).toBeNull();
  });

  it('tells a pickup customer that the store got the arrival notice', async () => {
    getOrder.mockResolvedValue(
      order({
        type: 'pickup',
        slot: null,
        address: null,
        status: 'ready_for_pickup',
        staffAcknowledged: true,
      }),
    );
    render(<OrderDetailPage />);
    expect(await screen.findByText('门店已收到你的到店提醒')).toBeTruthy();
  });

  it('pays on the mock sheet and shows the paid order', async () => {
    const unpaid = order({
      status: 'pending_payment',
      statusText: '待支付',
      actions: { pay: true, cancel: true, reschedule: true },
      expiresAt: new Date(Date.now() + 600_000).toISOString(),
    });
    getOrder.mockResolvedValueOnce(unpaid).mockResolvedValueOnce(order());
    jest.mocked(orders.payOrder).mockResolvedValue({
      orderId: 5,
      totalFen: 3380,
      mockPay: true,
      params: {
        appId: 'wx1',
        timeStamp: '1',
        nonceStr: 'n',
        package: 'prepay_id=p',
        signType: 'RSA',
        paySign: 's',
      },
    });
    jest.mocked(orders.mockPay).mockResolvedValue({ notified: true, status: 'paid' });
    const { container } = render(<OrderDetailPage />);

    fireEvent.click(await screen.findByText('去支付 ¥33.80'));
    await waitFor(() => expect(container.querySelector('.mock-pay-sheet')).not.toBeNull());
    expect(container.querySelector('.mock-pay-amount')?.textContent).toBe('¥33.80');
    fireEvent.click(container.querySelector('.mock-pay-confirm')!);

    await waitFor(() => expect(container.querySelector('.order-status')?.textContent).toContain('已支付'));
    expect(orders.mockPay).toHaveBeenCalledWith(5);
    expect(container.querySelector('.mock-pay-sheet')).toBeNull();
    expect(Taro.requestPayment).not.toHaveBeenCalled();
  });

  it('cancels only after the confirm dialog', async () => {
    getOrder.mockResolvedValue(order());
    jest.mocked(orders.cancelOrder).mockResolvedValue(
      order({
        status: 'refunded',
        statusText: '已退款',
        actions: { pay: false, cancel: false, reschedule: false },
      }),
    );
    jest
      .mocked(Taro.showModal)
      .mockResolvedValueOnce({ confirm: false, cancel: true, errMsg: 'showModal:ok' });
    const { container } = render(<OrderDetailPage />);
    const cancel = await screen.findByText('取消订单');

    await act(async () => fireEvent.click(cancel));
    expect(orders.cancelOrder).not.toHaveBeenCalled();

    await act(async () => fireEvent.click(cancel));
    await waitFor(() => expect(container.querySelector('.order-status')?.textContent).toContain('已退款'));
    expect(orders.cancelOrder).toHaveBeenCalledWith(5);
  });

  it('says 退款中 after a cancel until WeChat Pay has paid the money back', async () => {
    getOrder.mockResolvedValue(
      order({
        status: 'cancelled',
        statusText: '已取消',
        refundStatus: 'refunding',
        actions: { pay: false, cancel: false, reschedule: false },
      }),
    );
    const { container } = render(<OrderDetailPage />);
    await waitFor(() =>
      expect(container.querySelector('.order-refund--refunding')?.textContent).toBe('退款中'),
    );
  });

  it('moves the order to the slot picked in 改约时间', async () => {
    getOrder.mockResolvedValue(order());
    jest
      .mocked(slots.getSlots)
      .mockImplementation((_p, date) =>
        Promise.resolve(slotsResponse([slot({ id: 11 }), slot({ id: 12, label: '18:00-20:00' })], date)),
      );
    jest
      .mocked(orders.rescheduleOrder)
      .mockResolvedValue(order({ slot: { ...order().slot!, id: 12, label: '18:00-20:00' } }));
    const { container } = render(<OrderDetailPage />);
    fireEvent.click(await screen.findByText('改约时间'));
    await waitFor(() =>
      expect(container.querySelector('.reschedule-sheet .slot-chip[data-id="12"]')).not.toBeNull(),
    );

    fireEvent.click(container.querySelector('.slot-chip[data-id="12"]')!);
    fireEvent.click(container.querySelector('.reschedule-confirm')!);

    await waitFor(() => expect(container.querySelector('.order-slot')?.textContent).toContain('18:00-20:00'));
    expect(orders.rescheduleOrder).toHaveBeenCalledWith(5, 12);
    expect(container.querySelector('.reschedule-sheet')).toBeNull();
  });
  it('drops 取消订单 and 改约时间 at once when a push says the order left the store', async () => {
    getOrder.mockResolvedValueOnce(order());
    const out = order({
      status: 'out_for_delivery',
      statusText: '配送中',
      actions: { pay: false, cancel: false, reschedule: false },
    });
    // The refetch after the push is still on its way while the page already shows the change.
    let answer: (o: typeof out) => void = () => undefined;
    getOrder.mockReturnValueOnce(new Promise((ok) => (answer = ok)));
    const { container } = render(<OrderDetailPage />);
    await waitFor(() => expect(buttons(container)).toEqual(['cancel-button', 'reschedule-button']));
    expect(realtime.listeners('order:updated')).toBe(1);

    act(() =>
      realtime.push('order:updated', {
        orderId: 5,
        status: 'out_for_delivery',
        statusText: '配送中',
        staffAcknowledged: false,
        reason: '骑手已取货出发',
      }),
    );
    expect(container.querySelector('.order-status')?.textContent).toContain('配送中');
    expect(container.querySelector('.cancel-button')).toBeNull();
    expect(container.querySelector('.order-actions')).toBeNull();
    await act(async () => answer(out));
    expect(getOrder).toHaveBeenCalledTimes(2);
    expect(container.querySelector('.cancel-button')).toBeNull();
  });

  it('ignores pushes about other orders and closes the socket when the page goes away', async () => {
    getOrder.mockResolvedValue(order());
    const { container, unmount } = render(<OrderDetailPage />);
    await waitFor(() => expect(container.querySelector('.cancel-button')).not.toBeNull());
    act(() =>
      realtime.push('order:updated', {
        orderId: 6,
        status: 'cancelled',
        statusText: '已取消',
        staffAcknowledged: false,
        reason: null,
      }),
    );
    expect(container.querySelector('.cancel-button')).not.toBeNull();
    expect(getOrder).toHaveBeenCalledTimes(1);
    unmount();
    expect(realtime.socket.disconnect).toHaveBeenCalled();
  });
});
