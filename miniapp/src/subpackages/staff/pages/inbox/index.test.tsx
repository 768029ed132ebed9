import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { LbsEvent } from '@omni/shared-types';
import { ApiError } from '../../../../services/request';
import * as socketService from '../../../../services/socket';
import * as staffApi from '../../services/staff-api';
import { saveStaffSession } from '../../services/staff-session';
import StaffInboxPage from '.';

jest.mock('../../../../services/socket');
jest.mock('../../services/staff-api');
jest.mock('../../services/alert');

const listEvents = jest.mocked(staffApi.listEvents);
const claimEvent = jest.mocked(staffApi.claimEvent);
const handlers: Record<string, (arg?: unknown) => void> = {};

function lbsEvent(overrides: Partial<LbsEvent> = {}): LbsEvent {
  return {
    id: 5,
    storeId: 2,
    kind: 'PICKUP_ARRIVAL',
    title: '自提顾客即将到店',
    status: 'open',
    customer: { userId: 7, nickname: '小林' },
    order: { id: 11, orderNo: 'P001', status: 'paid', items: [{ name: '修护面霜', quantity: 2 }] },
    distanceM: 180,
    createdAt: new Date(Date.now() - 4.5 * 60_000).toISOString(),
    claimedBy: null,
    claimedAt: null,
    resolvedAt: null,
    note: null,
    escalatedAt: null,
    ...overrides,
  };
}

beforeEach(() => {
  saveStaffSession({
    token: 'staff-token',
    expiresAt: new Date(Date.now() + 3_600_000).toISOString(),
    user: {
      id: 40,
      role: 'staff',
      nickname: '黄浦来福士店店员',
      avatarUrl: null,
      storeId: 2,
      courierId: null,
      createdAt: '2026-11-01T00:00:00.000Z',
    },
  });
  listEvents.mockResolvedValue([]);
  const socket: { on: jest.Mock; removeAllListeners: jest.Mock; disconnect: jest.Mock } = {
    on: jest.fn((name: string, handler: (arg?: unknown) => void): unknown => {
      handlers[name] = handler;
      return socket;
    }),
    removeAllListeners: jest.fn(),
    disconnect: jest.fn(),
  };
  jest
    .mocked(socketService.connectRealtime)
    .mockReturnValue(socket as unknown as socketService.RealtimeSocket);
});

describe('门店事件 inbox', () => {
  it('shows a pushed arrival at once with customer, items, distance, waiting time and a badge', async () => {
    const { container } = render(<StaffInboxPage />);
    await screen.findByText('暂无事件');
    act(() => handlers['lbs:event'](lbsEvent()));
    const card = container.querySelector('.event-card[data-id="5"]')!;
    expect(card.querySelector('.event-title')?.textContent).toBe('自提顾客即将到店');
    expect(card.querySelector('.event-customer')?.textContent).toContain('小林');
    expect(card.querySelector('.event-items')?.textContent).toContain('修护面霜 ×2');
    expect(card.querySelector('.event-distance')?.textContent).toBe('距门店 180 m');
    expect(card.querySelector('.event-waiting')?.textContent).toBe('已等待 4 分钟');
    expect(container.querySelector('.inbox-badge--new')?.textContent).toBe('1');
  });

  it('says 已被同事认领 when a colleague claimed first', async () => {
    listEvents.mockResolvedValue([lbsEvent()]);
    claimEvent.mockRejectedValue(new ApiError('ALREADY_CLAIMED', '该事件已被其他店员认领', 409));
    const { container } = render(<StaffInboxPage />);
    await waitFor(() => expect(container.querySelector('.claim-button')).not.toBeNull());
    fireEvent.click(container.querySelector('.claim-button')!);
    expect(await screen.findByText('已被同事认领')).toBeTruthy();
    expect(listEvents).toHaveBeenCalledTimes(2);
  });

  it('moves a claimed event to 已认领 where it can be resolved with a note', async () => {
    listEvents.mockResolvedValue([lbsEvent()]);
    const { container } = render(<StaffInboxPage />);
    await waitFor(() => expect(container.querySelector('.event-card')).not.toBeNull());
    act(() =>
      handlers['lbs:event-updated'](
        lbsEvent({ status: 'claimed', claimedBy: { userId: 41, nickname: '小王' } }),
      ),
    );
    expect(container.querySelector('.event-card')).toBeNull();
    fireEvent.click(container.querySelector('.inbox-tab[data-tab="claimed"]')!);
    expect(container.querySelector('.event-claimed-by')?.textContent).toBe('认领人：小王');
    expect(container.querySelector('.resolve-button')?.hasAttribute('disabled')).toBe(true);
  });
});
