import Taro from '@tarojs/taro';
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { fireReachBottom } from '../../../../../test/__mocks__/taro';
import * as supportStaff from '../../services/support-staff';
import { signInStaff } from '../test-session';
import { nextActions } from './case-rules';
import { slaText } from './sla';
import { aCase } from './test-case';
import StaffAftersalesPage from '.';

jest.mock('../../services/support-staff', () => ({
  ...jest.requireActual('../../services/support-staff'),
  storeCases: jest.fn(),
}));

const pageOf = (items: ReturnType<typeof aCase>[], total = items.length, page = 1) => ({
  items,
  total,
  page,
  pageSize: 20,
});

describe('售后处理 (staff list)', () => {
  beforeEach(() => signInStaff());

  it('offers the next decisions of each state', () => {
    expect(nextActions('submitted')).toEqual(['approve', 'reject']);
    expect(nextActions('approved')).toEqual(['progress', 'resolve', 'reject']);
    expect(nextActions('in_progress')).toEqual(['resolve']);
    expect(nextActions('refunding')).toEqual([]);
    expect(nextActions('resolved')).toEqual([]);
  });

  it('counts the SLA down and says when it is overdue', () => {
    const now = Date.parse('2026-12-07T10:00:00Z');
    expect(slaText('2026-12-07T12:20:00Z', now)).toEqual({ text: '剩余 2小时20分', overdue: false });
    expect(slaText('2026-12-07T09:15:00Z', now)).toEqual({ text: '已超时 45分', overdue: true });
  });

  it('shows each case with its type, order, amount and SLA, red once overdue', async () => {
    jest.mocked(supportStaff.storeCases).mockResolvedValue(
      pageOf([
        aCase(),
        aCase({
          id: 4,
          caseNo: 'AS0004',
          type: 'complaint',
          refundFen: null,
          slaDueAt: new Date(Date.now() - 3_600_000).toISOString(),
          overdue: true,
        }),
      ]),
    );
    const { container } = render(<StaffAftersalesPage />);
    await screen.findByText('AS0004');
    const [fresh, late] = [...container.querySelectorAll('.staff-case-row')];
    expect(fresh.textContent).toContain('仅退款 · 订单 202612070001');
    expect(fresh.textContent).toContain('¥129.00');
    expect(fresh.querySelector('.staff-case-sla')?.textContent).toMatch(/^剩余 2小时/);
    expect(fresh.querySelector('.staff-case-sla--overdue')).toBeNull();
    expect(late.querySelector('.staff-case-sla--overdue')?.textContent).toMatch(/^已超时 1小时/);
    expect(supportStaff.storeCases).toHaveBeenLastCalledWith({
      status: ['submitted'],
      page: 1,
      pageSize: 20,
    });
    fireEvent.click(fresh);
    expect(Taro.navigateTo).toHaveBeenCalledWith({
      url: '/subpackages/staff/pages/aftersales/detail/index?id=3',
    });
  });

  it("asks the BFF for each tab's states, a page at a time", async () => {
    const list = jest.mocked(supportStaff.storeCases);
    list.mockResolvedValue(pageOf([aCase()]));
    const { container } = render(<StaffAftersalesPage />);
    await screen.findByText('AS0003');
    const many = Array.from({ length: 20 }, (_, i) =>
      aCase({ id: 100 + i, caseNo: `AS01${i}`, status: 'approved' }),
    );
    list.mockResolvedValueOnce(pageOf(many, 21));
    fireEvent.click(container.querySelector('.staff-case-tab[data-key="doing"]')!);
    expect(list).toHaveBeenLastCalledWith({ status: ['approved', 'in_progress'], page: 1, pageSize: 20 });
    await screen.findByText('AS0119');
    expect(container.querySelector('.staff-case-tab--active')?.getAttribute('data-key')).toBe('doing');
    list.mockResolvedValueOnce(pageOf([aCase({ id: 200, caseNo: 'AS0200', status: 'in_progress' })], 21, 2));
    act(() => fireReachBottom());
    expect(list).toHaveBeenLastCalledWith({ status: ['approved', 'in_progress'], page: 2, pageSize: 20 });
    await screen.findByText('AS0200');
    expect(container.querySelectorAll('.staff-case-row')).toHaveLength(21);
    expect(await screen.findByText('没有更多了')).toBeTruthy();
    list.mockResolvedValueOnce(pageOf([]));
    fireEvent.click(container.querySelector('.staff-case-tab[data-key="rejected"]')!);
    expect(await screen.findByText('暂无售后单')).toBeTruthy();
  });

  it('goes back to 门店工作台', async () => {
    jest.mocked(supportStaff.storeCases).mockResolvedValue(pageOf([]));
    jest
      .mocked(Taro.getCurrentPages)
      .mockReturnValue([
        { route: 'pages/me/index' },
        { route: 'subpackages/staff/pages/home/index' },
        { route: 'subpackages/staff/pages/aftersales/index' },
      ] as ReturnType<typeof Taro.getCurrentPages>);
    const { container } = render(<StaffAftersalesPage />);
    fireEvent.click(container.querySelector('.staff-home-link')!);
    expect(Taro.navigateBack).toHaveBeenCalledWith({ delta: 1 });
    jest.mocked(Taro.getCurrentPages).mockReturnValue([]); // opened by its URL: the home takes its place
    fireEvent.click(container.querySelector('.staff-home-link')!);
    expect(Taro.redirectTo).toHaveBeenCalledWith({ url: '/subpackages/staff/pages/home/index' });
    await waitFor(() => expect(screen.getByText('暂无售后单')).toBeTruthy());
  });
});
