import Taro from '@tarojs/taro';
import { act, fireEvent, render, waitFor } from '@testing-library/react';
import type { Conversation, LbsEvent } from '@omni/shared-types';
import { fakeSocket } from '../../../../../test/fake-socket';
import { order } from '../../../../../test/fixtures';
import * as socketService from '../../../../services/socket';
import * as staffApi from '../../services/staff-api';
import * as supportStaff from '../../services/support-staff';
import { signInStaff } from '../test-session';
import StaffHomePage from '.';

jest.mock('../../../../services/socket');
jest.mock('../../services/staff-api');
jest.mock('../../services/support-staff');

const page = (items: ReturnType<typeof order>[]) => ({ items, total: items.length, page: 1, pageSize: 50 });
const badge = (container: HTMLElement, key: string) =>
  container.querySelector(`.staff-entry[data-key="${key}"] .staff-entry__badge`)?.textContent ?? null;

describe('门店工作台', () => {
  let live: ReturnType<typeof fakeSocket>;
  beforeEach(() => {
    signInStaff();
    live = fakeSocket();
    jest.mocked(socketService.connectRealtime).mockReturnValue(live.socket);
    jest.mocked(staffApi.listEvents).mockResolvedValue([{ id: 1 } as LbsEvent, { id: 2 } as LbsEvent]);
    jest
      .mocked(staffApi.listStoreOrders)
      .mockImplementation(async (status) =>
        status === 'paid'
          ? page([
              order({ id: 1, type: 'pickup', status: 'paid' }),
              order({ id: 2, type: 'delivery', status: 'paid' }),
            ])
          : page([]),
      );
    jest.mocked(supportStaff.listQueue).mockResolvedValue([]);
    jest.mocked(supportStaff.storeCaseCount).mockResolvedValue(2);
  });

  it('shows what waits for the store on each entry', async () => {
    const { container } = render(<StaffHomePage />);
    await waitFor(() => expect(badge(container, 'events')).toBe('2'));
    expect(badge(container, 'pickups')).toBe('1'); // the delivery order is not the counter's
    expect(badge(container, 'aftersales')).toBe('2');
    // 退款中 waits for WeChat Pay, not for staff: only the states a person acts on are counted.
    expect(supportStaff.storeCaseCount).toHaveBeenCalledWith(['submitted', 'approved', 'in_progress']);
    expect(badge(container, 'console')).toBeNull();
  });

  it('follows the support queue live on the 在线客服 badge', async () => {
    const waiting = { id: 9, status: 'waiting', lastMessageAt: '2026-12-07T10:00:00Z' } as Conversation;
    const { container } = render(<StaffHomePage />);
    await waitFor(() => expect(badge(container, 'events')).toBe('2'));
    const loads = jest.mocked(supportStaff.listQueue).mock.calls.length;
    act(() => live.push('support:queue', waiting));
    expect(badge(container, 'console')).toBe('1');
    act(() => live.push('support:queue', { ...waiting, id: 10 }));
    expect(badge(container, 'console')).toBe('2');
    act(() => live.push('support:queue', { ...waiting, status: 'agent' })); // a colleague took it
    expect(badge(container, 'console')).toBe('1');
    // No reload: the pushes carry the change.
    expect(supportStaff.listQueue).toHaveBeenCalledTimes(loads);
  });

  it('opens each part of the workbench', async () => {
    const { container } = render(<StaffHomePage />);
    fireEvent.click(container.querySelector('.staff-entry[data-key="console"]')!);
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/subpackages/staff/pages/console/index' });
    fireEvent.click(container.querySelector('.staff-entry[data-key="aftersales"]')!);
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/subpackages/staff/pages/aftersales/index' });
    await waitFor(() => expect(badge(container, 'events')).toBe('2'));
  });
});
