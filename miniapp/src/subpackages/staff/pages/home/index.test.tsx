import Taro from '@tarojs/taro';
import { act, fireEvent, render, waitFor } from '@testing-library/react';
import type { AftersalesCase, Conversation, LbsEvent } from '@omni/shared-types';
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
    jest
      .mocked(supportStaff.storeCases)
      .mockResolvedValue([
        { id: 1, status: 'submitted' } as AftersalesCase,
        { id: 2, status: 'refunding' } as AftersalesCase,
        { id: 3, status: 'in_progress' } as AftersalesCase,
      ]);
  });

  it('shows what waits for the store on each entry', async () => {
    const { container } = render(<StaffHomePage />);
    await waitFor(() => expect(badge(container, 'events')).toBe('2'));
    expect(badge(container, 'pickups')).toBe('1'); // the delivery order is not the counter's
    expect(badge(container, 'aftersales')).toBe('2'); // refunding waits for WeChat Pay, not staff
    expect(badge(container, 'console')).toBeNull();
  });

  it('updates the 在线客服 badge when the support queue changes', async () => {
    jest.useFakeTimers();
    const { container } = render(<StaffHomePage />);
    await act(async () => {
      await Promise.resolve();
    });
    jest.mocked(supportStaff.listQueue).mockResolvedValue([{ id: 9 } as Conversation]);
    act(() => live.push('support:queue', { id: 9 } as Conversation));
    await act(async () => {
      jest.advanceTimersByTime(400);
    });
    jest.useRealTimers();
    await waitFor(() => expect(badge(container, 'console')).toBe('1'));
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
