import Taro from '@tarojs/taro';
import { fireEvent, render, screen } from '@testing-library/react';
import type { StoreDetail } from '@omni/shared-types';
import { setRouterParams } from '../../../test/__mocks__/taro';
import { saveSession } from '../../services/session';
import * as socketService from '../../services/socket';
import * as locator from '../../services/store-locator';
import { hoursRows, shanghaiWeekday } from './hours';
import StoreDetailPage from '.';

jest.mock('../../services/store-locator');
jest.mock('../../services/socket');
const getStoreDetail = jest.mocked(locator.getStoreDetail);
const taro = Taro as unknown as Record<string, jest.Mock>;

const store: StoreDetail = {
  id: 2,
  code: 'SH-HP-01',
  name: '黄浦来福士店',
  address: '上海市黄浦区西藏中路268号来福士广场2层L2-08',
  district: '黄浦区',
  phone: '021-63403268',
  lat: 31.2329,
  lng: 121.4757,
  hours: [0, 1, 2, 3, 4, 5, 6].map((weekday) => ({
    weekday,
    open: '10:00',
    close: weekday === 5 ? '22:30' : '22:00',
  })),
  services: ['pickup'],
  open: { openNow: true, opensAt: null, closesAt: null, label: '营业中 · 22:00 打烊' },
  exceptions: [
    { date: '2026-12-31', closed: false, open: '10:00', close: '18:00', reason: '跨年夜提前打烊' },
  ],
};

beforeEach(() => {
  taro.makePhoneCall = jest.fn(() => Promise.resolve({ errMsg: 'makePhoneCall:ok' }));
  taro.openLocation = jest.fn(() => Promise.resolve({ errMsg: 'openLocation:ok' }));
  getStoreDetail.mockResolvedValue(store);
  setRouterParams({ id: '2' });
  const socket = { on: jest.fn(), off: jest.fn(), disconnect: jest.fn() };
  jest
    .mocked(socketService.connectRealtime)
    .mockReturnValue(socket as unknown as socketService.RealtimeSocket);
});

describe('hoursRows', () => {
  it('lists Monday to Sunday and marks today', () => {
    const rows = hoursRows(store.hours, 5);
    expect(rows.map((r) => r.name)).toEqual(['周一', '周二', '周三', '周四', '周五', '周六', '周日']);
    expect(rows.filter((r) => r.today).map((r) => [r.name, r.text])).toEqual([['周五', '10:00 – 22:30']]);
  });

  it('says 休息 for a weekday without hours', () => {
    expect(hoursRows([], 1)[0].text).toBe('休息');
  });

  it('takes the weekday in Shanghai, not the phone zone', () => {
    // 2026-11-25 20:00 UTC is already Thursday 04:00 in Shanghai.
    expect(shanghaiWeekday(Date.parse('2026-11-25T20:00:00Z'))).toBe(4);
  });
});

describe('门店详情', () => {
  it('shows address, open label, hours with today highlighted and special days', async () => {
    const { container } = render(<StoreDetailPage />);
    expect(await screen.findByText('上海市黄浦区西藏中路268号来福士广场2层L2-08')).toBeTruthy();
    expect(container.querySelector('.store-open-label--open')?.textContent).toBe('营业中 · 22:00 打烊');
    expect(container.querySelectorAll('.hours-row')).toHaveLength(7);
    expect(container.querySelectorAll('.hours-row--today')).toHaveLength(1);
    expect(container.querySelector('.store-exceptions')?.textContent).toContain('跨年夜提前打烊');
  });

  it('calls the store and opens navigation with its GCJ-02 position', async () => {
    const { container } = render(<StoreDetailPage />);
    await screen.findByText('拨打电话');
    fireEvent.click(container.querySelector('.call-button')!);
    expect(taro.makePhoneCall).toHaveBeenCalledWith({ phoneNumber: '021-63403268' });
    fireEvent.click(container.querySelector('.navigate-button')!);
    expect(taro.openLocation).toHaveBeenCalledWith(
      expect.objectContaining({
        latitude: 31.2329,
        longitude: 121.4757,
        name: '黄浦来福士店',
        address: store.address,
      }),
    );
  });

  it('offers 我在路上 for the pickup order in the link when the customer is signed in', async () => {
    setRouterParams({ id: '2', orderId: '11' });
    const { container, unmount } = render(<StoreDetailPage />);
    await screen.findByText('拨打电话');
    expect(container.querySelector('.on-my-way-button')).toBeNull();
    unmount();

    saveSession({
      token: 'consumer-token',
      expiresAt: new Date(Date.now() + 3_600_000).toISOString(),
      user: {
        id: 7,
        role: 'consumer',
        nickname: '小林',
        avatarUrl: null,
        storeId: null,
        courierId: null,
        createdAt: '2026-11-01T00:00:00.000Z',
      },
    });
    const signedIn = render(<StoreDetailPage />);
    await screen.findByText('拨打电话');
    expect(signedIn.container.querySelector('.on-my-way')?.getAttribute('data-order-id')).toBe('11');
  });

  it('has no 我在路上 without an order', async () => {
    const { container } = render(<StoreDetailPage />);
    await screen.findByText('拨打电话');
    expect(container.querySelector('.on-my-way')).toBeNull();
  });
});
