import Taro from '@tarojs/taro';
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { Order, OrderListResponse } from '@omni/shared-types';
import { fireReachBottom, firePullDownRefresh } from '../../../test/__mocks__/taro';
import { order, session } from '../../../test/fixtures';
import * as orders from '../../services/orders';
import { saveSession } from '../../services/session';
import * as socketService from '../../services/socket';
import { fakeSocket } from '../../../test/fake-socket';
import OrdersPage from '.';

jest.mock('../../services/orders');
jest.mock('../../services/socket');
const listOrders = jest.mocked(orders.listOrders);
let realtime: ReturnType<typeof fakeSocket>;

function page(items: Order[], total: number, pageNo = 1, pageSize = 10): OrderListResponse {
  return { items, total, page: pageNo, pageSize };
}
const unpaid = order({
  id: 3,
  status: 'pending_payment',
  statusText: '待支付',
  actions: { pay: true, cancel: true, reschedule: true },
});
const paid = order({ id: 2 });
const delivered = order({ id: 1, status: 'delivered', statusText: '已送达' });

function cardIds(container: HTMLElement): string[] {
  return [...container.querySelectorAll('.order-card')].map((el) => el.getAttribute('data-id') ?? '');
}

beforeEach(() => {
  listOrders.mockReset();
  saveSession(session());
  realtime = fakeSocket();
  jest.mocked(socketService.connectRealtime).mockImplementation(() => realtime.socket);
});

function tab(container: HTMLElement, key: string): Element {
  return container.querySelector(`.order-tab[data-key="${key}"]`)!;
}

describe('我的订单', () => {
  it('lists all orders and opens one', async () => {
    listOrders.mockResolvedValue(page([unpaid, paid, delivered], 3));
    const { container } = render(<OrdersPage />);
    await waitFor(() => expect(cardIds(container)).toEqual(['3', '2', '1']));
    expect(screen.getByText('没有更多了')).toBeTruthy();
    fireEvent.click(container.querySelectorAll('.order-card')[1]);
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/pages/order-detail/index?id=2' });
  });

  it('asks the BFF for 待支付 and filters 进行中 itself', async () => {
    listOrders.mockResolvedValue(page([unpaid, paid, delivered], 3));
    const { container } = render(<OrdersPage />);
    await waitFor(() => expect(cardIds(container)).toHaveLength(3));

    listOrders.mockResolvedValueOnce(page([unpaid], 1));
    fireEvent.click(tab(container, 'unpaid'));
    await waitFor(() => expect(cardIds(container)).toEqual(['3']));
    expect(listOrders).toHaveBeenLastCalledWith({ page: 1, pageSize: 10, status: 'pending_payment' });

    fireEvent.click(tab(container, 'active'));
    await waitFor(() => expect(cardIds(container)).toEqual(['2']));
    expect(listOrders).toHaveBeenLastCalledWith({ page: 1, pageSize: 10, status: undefined });
  });

  it('loads the next page at the bottom and starts over on pull-down', async () => {
    listOrders.mockResolvedValueOnce(page([unpaid], 2, 1, 1)).mockResolvedValueOnce(page([paid], 2, 2, 1));
    const { container } = render(<OrdersPage />);
    await waitFor(() => expect(cardIds(container)).toEqual(['3']));

    act(() => fireReachBottom());
    await waitFor(() => expect(cardIds(container)).toEqual(['3', '2']));

    listOrders.mockResolvedValueOnce(page([paid], 1));
    act(() => firePullDownRefresh());
    await waitFor(() => expect(cardIds(container)).toEqual(['2']));
    await waitFor(() => expect(Taro.stopPullDownRefresh).toHaveBeenCalled());
  });

  it('says so when there are no orders', async () => {
    listOrders.mockResolvedValue(page([], 0));
    render(<OrdersPage />);
    expect(await screen.findByText('暂无订单')).toBeTruthy();
  });
  it('changes a card at once when a push says the order was paid elsewhere', async () => {
    listOrders.mockResolvedValueOnce(page([unpaid, paid], 2));
    const { container } = render(<OrdersPage />);
    await waitFor(() => expect(container.querySelector('.order-card__pay')).not.toBeNull());
    let answer: (p: OrderListResponse) => void = () => undefined;
    listOrders.mockReturnValueOnce(new Promise((ok) => (answer = ok)));

    act(() =>
      realtime.push('order:updated', {
        orderId: 3,
        status: 'paid',
        statusText: '已支付',
        staffAcknowledged: false,
        reason: '微信支付成功',
      }),
    );
    const card = container.querySelector('.order-card[data-id="3"]')!;
    expect(card.querySelector('.order-card__status')?.textContent).toBe('已支付');
    expect(container.querySelector('.order-card__pay')).toBeNull();
    await act(async () =>
      answer(page([{ ...unpaid, status: 'paid', statusText: '已支付', actions: paid.actions }, paid], 2)),
    );
    expect(listOrders).toHaveBeenCalledTimes(2);
    expect(container.querySelector('.order-card__pay')).toBeNull();
  });
});
