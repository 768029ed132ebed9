import Taro from '@tarojs/taro';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { NearbyStore, NearbyStoresResponse } from '@omni/shared-types';
import * as locator from '../../services/store-locator';
import StoresPage from '.';

jest.mock('../../services/store-locator');
const nearbyStores = jest.mocked(locator.nearbyStores);

function nearbyStore(overrides: Partial<NearbyStore> = {}): NearbyStore {
  return {
    id: 1,
    code: 'SH-HP-01',
    name: '黄浦来福士店',
    address: '上海市黄浦区西藏中路268号来福士广场2层L2-08',
    district: '黄浦区',
    phone: '021-63403268',
    lat: 31.2329,
    lng: 121.4757,
    hours: [],
    services: ['pickup'],
    distanceM: 320,
    etaMin: 5,
    open: {
      openNow: true,
      opensAt: null,
      closesAt: '2026-11-25T14:00:00.000Z',
      label: '营业中 · 22:00 打烊',
    },
    stock: null,
    ...overrides,
  };
}

function answer(items: NearbyStore[]): NearbyStoresResponse {
  return { items, origin: { lat: 31.2304, lng: 121.4737 } };
}

const jingan = nearbyStore({
  id: 2,
  name: '静安嘉里中心店',
  distanceM: 2480,
  etaMin: 14,
  services: ['pickup', 'delivery'],
  lat: 31.2249,
  lng: 121.4486,
});
const lujiazui = nearbyStore({
  id: 3,
  name: '陆家嘴国金中心店',
  distanceM: 1234,
  etaMin: 9,
  services: ['delivery'],
  open: {
    openNow: false,
    opensAt: '2026-11-26T02:00:00.000Z',
    closesAt: null,
    label: '已打烊 · 明天 10:00 营业',
  },
});

function names(container: HTMLElement): string[] {
  return [...container.querySelectorAll('.store-name')].map((el) => el.textContent ?? '');
}

beforeEach(() => {
  nearbyStores.mockResolvedValue(answer([jingan, nearbyStore(), lujiazui]));
});

describe('门店', () => {
  it('falls back to 人民广场 with a hint when the position is unavailable', async () => {
    render(<StoresPage />);
    expect(await screen.findByText('未获取到你的位置，已按人民广场附近展示门店')).toBeTruthy();
    expect(nearbyStores).toHaveBeenCalledWith(
      expect.objectContaining({
        position: expect.objectContaining({ lat: 31.2304, lng: 121.4737 }),
        coord: 'gcj02',
      }),
    );
  });

  it('lists stores nearest first with distance, ETA, open label and service tags', async () => {
    const { container } = render(<StoresPage />);
    await waitFor(() =>
      expect(names(container)).toEqual(['黄浦来福士店', '陆家嘴国金中心店', '静安嘉里中心店']),
    );
    const cards = container.querySelectorAll('.store-card');
    expect([...container.querySelectorAll('.store-distance')].map((e) => e.textContent)).toEqual([
      '320 m',
      '1.2 km',
      '2.5 km',
    ]);
    expect(cards[0].querySelector('.store-eta')?.textContent).toBe('约 5 分钟');
    expect(cards[0].querySelector('.store-open-label')?.className).toContain('store-open-label--open');
    expect(cards[1].querySelector('.store-open-label')?.className).toContain('store-open-label--closed');
    expect(cards[1].querySelector('.store-open-label')?.textContent).toBe('已打烊 · 明天 10:00 营业');
    expect([...cards[2].querySelectorAll('.store-service-tag')].map((e) => e.textContent)).toEqual([
      '自提',
      '配送',
    ]);
  });

  it('draws a pin per store and the user on the map', async () => {
    const { container } = render(<StoresPage />);
    await waitFor(() => expect(container.querySelectorAll('.store-marker')).toHaveLength(3));
    expect(container.querySelector('.user-dot')).not.toBeNull();
  });

  it('asks again with the 营业中 and 可自提 filters', async () => {
    const { container } = render(<StoresPage />);
    await waitFor(() => expect(names(container)).toHaveLength(3));
    nearbyStores.mockResolvedValueOnce(answer([nearbyStore()]));

    fireEvent.click(screen.getByText('营业中'));
    await waitFor(() => expect(names(container)).toEqual(['黄浦来福士店']));
    expect(nearbyStores).toHaveBeenLastCalledWith(expect.objectContaining({ openNow: true, pickup: false }));
    expect(container.querySelector('.store-filter--active')?.textContent).toBe('营业中');

    fireEvent.click(screen.getByText('可自提'));
    await waitFor(() =>
      expect(nearbyStores).toHaveBeenLastCalledWith(expect.objectContaining({ openNow: true, pickup: true })),
    );
  });

  it('opens the detail page of a tapped store', async () => {
    const { container } = render(<StoresPage />);
    await waitFor(() => expect(names(container)).toHaveLength(3));
    fireEvent.click(container.querySelectorAll('.store-card')[0]);
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/pages/store-detail/index?id=1' });
  });
});
