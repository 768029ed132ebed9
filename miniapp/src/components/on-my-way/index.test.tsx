import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { OrderUpdatedEvent } from '@omni/shared-types';
import * as deviceLocation from '../../services/device-location';
import * as lbs from '../../services/lbs';
import { ApiError } from '../../services/request';
import { saveSession } from '../../services/session';
import * as socketService from '../../services/socket';
import { OnMyWay } from '.';

jest.mock('../../services/lbs', () => ({
  ...jest.requireActual('../../services/lbs'),
  getConsent: jest.fn(),
  setConsent: jest.fn(),
  reportLocation: jest.fn(),
}));
jest.mock('../../services/device-location');
jest.mock('../../services/socket');

const getConsent = jest.mocked(lbs.getConsent);
const setConsent = jest.mocked(lbs.setConsent);
const reportLocation = jest.mocked(lbs.reportLocation);
const watchFix = jest.mocked(deviceLocation.watchFix);
const connectRealtime = jest.mocked(socketService.connectRealtime);

const HERE = { lat: 31.2304, lng: 121.4737, coord: 'wgs84' as const };
const north = (m: number) => ({ ...HERE, lat: HERE.lat + m / 111_195 });

let pushFix: (fix: deviceLocation.DeviceFix) => void;
let stopWatch: jest.Mock;
let pushOrder: (e: OrderUpdatedEvent) => void;
let disconnect: jest.Mock;

function orderUpdate(overrides: Partial<OrderUpdatedEvent> = {}): OrderUpdatedEvent {
  return {
    orderId: 11,
    status: 'paid',
    statusText: '已支付',
    staffAcknowledged: false,
    reason: null,
    ...overrides,
  };
}

beforeEach(() => {
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
  stopWatch = jest.fn();
  watchFix.mockImplementation((onFix) => {
    pushFix = onFix;
    return stopWatch;
  });
  disconnect = jest.fn();
  connectRealtime.mockImplementation(() => {
    const socket: { on: jest.Mock; off: jest.Mock; disconnect: jest.Mock } = {
      on: jest.fn((name: string, handler: (e: OrderUpdatedEvent) => void): unknown => {
        if (name === 'order:updated') pushOrder = handler;
        return socket;
      }),
      off: jest.fn(() => socket),
      disconnect,
    };
    return socket as unknown as socketService.RealtimeSocket;
  });
  reportLocation.mockResolvedValue({ accepted: true, flagged: null, events: [] });
  setConsent.mockResolvedValue({
    location: true,
    nearbyOffers: false,
    updatedAt: '2026-11-25T10:00:00.000Z',
  });
});
afterEach(() => {
  jest.useRealTimers();
});

const button = (c: HTMLElement) => c.querySelector('.on-my-way-button') as HTMLElement;

describe('我在路上', () => {
  it('explains and asks for consent before sharing, and shares only after 同意', async () => {
    getConsent.mockResolvedValue({ location: false, nearbyOffers: false, updatedAt: null });
    const { container } = render(<OnMyWay orderId={11} storeId={2} />);

    fireEvent.click(button(container));
    await waitFor(() => expect(container.querySelector('.consent-dialog')).not.toBeNull());
    expect(container.querySelector('.consent-dialog')?.textContent).toContain('30 分钟');
    expect(watchFix).not.toHaveBeenCalled();

    fireEvent.click(container.querySelector('.consent-accept')!);
    await waitFor(() => expect(screen.getByText('停止共享')).toBeTruthy());
    expect(setConsent).toHaveBeenCalledWith(true);
    expect(watchFix).toHaveBeenCalledTimes(1);
    expect(container.querySelector('.consent-dialog')).toBeNull();
  });

  it('does not share when the customer declines', async () => {
    getConsent.mockResolvedValue({ location: false, nearbyOffers: false, updatedAt: null });
    const { container } = render(<OnMyWay orderId={11} storeId={2} />);
    fireEvent.click(button(container));
    fireEvent.click(await screen.findByText('暂不'));
    expect(container.querySelector('.consent-dialog')).toBeNull();
    expect(setConsent).not.toHaveBeenCalled();
    expect(watchFix).not.toHaveBeenCalled();
  });

  it('skips the dialog when consent was given before', async () => {
    getConsent.mockResolvedValue({
      location: true,
      nearbyOffers: false,
      updatedAt: '2026-11-20T10:00:00.000Z',
    });
    const { container } = render(<OnMyWay orderId={11} storeId={2} />);
    fireEvent.click(button(container));
    await waitFor(() => expect(watchFix).toHaveBeenCalled());
    expect(container.querySelector('.consent-dialog')).toBeNull();
  });

  it('reports at most once per gap while the position jitters, and again after real movement', async () => {
    jest.useFakeTimers({ now: new Date('2026-11-25T10:00:00Z') });
    getConsent.mockResolvedValue({ location: true, nearbyOffers: false, updatedAt: null });
    const { container } = render(<OnMyWay orderId={11} storeId={2} />);
    fireEvent.click(button(container));
    await act(async () => {
      await Promise.resolve();
    });
    await waitFor(() => expect(watchFix).toHaveBeenCalled());

    await act(async () => pushFix(HERE));
    for (let i = 1; i <= 5; i++) {
      await act(async () => {
        jest.advanceTimersByTime(200);
        pushFix(north(i * 3)); // GPS jitter, a few metres
      });
    }
    expect(reportLocation).toHaveBeenCalledTimes(1);
    expect(reportLocation).toHaveBeenLastCalledWith(HERE);

    await act(async () => {
      jest.advanceTimersByTime(1_500);
      pushFix(north(120));
    });
    expect(reportLocation).toHaveBeenCalledTimes(2);
    expect(reportLocation).toHaveBeenLastCalledWith(north(120));
  });

  it('backs off after the BFF says 429', async () => {
    jest.useFakeTimers({ now: new Date('2026-11-25T10:00:00Z') });
    getConsent.mockResolvedValue({ location: true, nearbyOffers: false, updatedAt: null });
    reportLocation.mockRejectedValueOnce(new ApiError('RATE_LIMITED', '操作太频繁', 429));
    const { container } = render(<OnMyWay orderId={11} storeId={2} />);
    fireEvent.click(button(container));
    await act(async () => {
      await Promise.resolve();
    });
    await waitFor(() => expect(watchFix).toHaveBeenCalled());
    await act(async () => pushFix(HERE));
    await act(async () => {
      jest.advanceTimersByTime(6_000);
      pushFix(north(200));
    });
    expect(reportLocation).toHaveBeenCalledTimes(1);
    await act(async () => {
      jest.advanceTimersByTime(5_000);
    });
    expect(reportLocation).toHaveBeenCalledTimes(2);
  });

  it('shows that the store acknowledged the arrival when the order push says so', async () => {
    const { container } = render(<OnMyWay orderId={11} storeId={2} />);
    expect(container.querySelector('.store-acknowledged')).toBeNull();
    act(() => pushOrder(orderUpdate({ orderId: 99, staffAcknowledged: true })));
    expect(container.querySelector('.store-acknowledged')).toBeNull();
    act(() => pushOrder(orderUpdate({ staffAcknowledged: true })));
    expect(container.querySelector('.store-acknowledged')?.textContent).toBe('门店已收到你的到店提醒');
  });

  it('stops sharing when the order is picked up', async () => {
    getConsent.mockResolvedValue({ location: true, nearbyOffers: false, updatedAt: null });
    const { container } = render(<OnMyWay orderId={11} storeId={2} />);
    fireEvent.click(button(container));
    await waitFor(() => expect(watchFix).toHaveBeenCalled());
    act(() => pushOrder(orderUpdate({ status: 'picked_up', statusText: '已取货' })));
    expect(stopWatch).toHaveBeenCalled();
    expect(screen.getByText('订单已完成，已停止共享位置')).toBeTruthy();
  });

  it('stops sharing after 30 minutes', async () => {
    jest.useFakeTimers();
    getConsent.mockResolvedValue({ location: true, nearbyOffers: false, updatedAt: null });
    const { container } = render(<OnMyWay orderId={11} storeId={2} />);
    fireEvent.click(button(container));
    await act(async () => {
      await Promise.resolve();
    });
    await waitFor(() => expect(watchFix).toHaveBeenCalled());
    act(() => jest.advanceTimersByTime(30 * 60_000));
    expect(stopWatch).toHaveBeenCalled();
    expect(container.querySelector('.on-my-way-button')).not.toBeNull();
  });

  it('stops the location watch and the socket when the page goes away', async () => {
    getConsent.mockResolvedValue({ location: true, nearbyOffers: false, updatedAt: null });
    const { container, unmount } = render(<OnMyWay orderId={11} storeId={2} />);
    fireEvent.click(button(container));
    await waitFor(() => expect(watchFix).toHaveBeenCalled());
    unmount();
    expect(stopWatch).toHaveBeenCalled();
    expect(disconnect).toHaveBeenCalled();
  });
});
