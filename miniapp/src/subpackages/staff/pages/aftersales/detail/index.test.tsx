import Taro from '@tarojs/taro';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { setRouterParams } from '../../../../../../test/__mocks__/taro';
import { ApiError } from '../../../../../services/request';
import * as supportStaff from '../../../services/support-staff';
import { signInStaff } from '../../test-session';
import { aCase } from '../test-case';
import StaffCaseDetailPage from '.';

jest.mock('../../../services/support-staff', () => ({
  ...jest.requireActual('../../../services/support-staff'),
  storeCase: jest.fn(),
  actOnCase: jest.fn(),
}));

const now = () => new Date().toISOString();

describe('售后详情 (staff)', () => {
  beforeEach(() => {
    signInStaff();
    setRouterParams({ id: '3' });
  });

  it('shows the lines, reason and timeline, then approves and resolves into 退款中', async () => {
    const actOnCase = jest.mocked(supportStaff.actOnCase);
    jest.mocked(supportStaff.storeCase).mockResolvedValue(aCase());
    const { container } = render(<StaffCaseDetailPage />);
    await screen.findByText('AS0003');
    expect(supportStaff.storeCase).toHaveBeenCalledWith(3);
    expect(container.textContent).toContain('修护面霜 ×1');
    expect(container.querySelector('.staff-case-reason')?.textContent).toBe('面霜漏液');
    expect(container.querySelector('.staff-case-sla')?.textContent).toMatch(/^剩余 2小时/);
    expect(container.querySelector('.staff-case-resolve')).toBeNull(); // 同意 or 驳回 first

    const approved = aCase({
      status: 'approved',
      timeline: [...aCase().timeline, { status: 'approved', at: now(), actor: 'staff', note: '可以退' }],
    });
    actOnCase.mockResolvedValueOnce(approved);
    fireEvent.input(container.querySelector('.staff-case-note')!, { target: { value: '可以退' } });
    fireEvent.click(container.querySelector('.staff-case-approve')!);
    await waitFor(() => expect(actOnCase).toHaveBeenCalledWith(3, 'approve', '可以退'));
    await screen.findByText('可以退');
    expect(container.querySelector('.staff-case-timeline-item')?.getAttribute('data-status')).toBe(
      'approved',
    );

    actOnCase.mockResolvedValueOnce(aCase({ status: 'refunding' }));
    fireEvent.click(container.querySelector('.staff-case-resolve')!);
    await waitFor(() => expect(actOnCase).toHaveBeenLastCalledWith(3, 'resolve', ''));
    expect(Taro.showModal).toHaveBeenCalledWith(expect.objectContaining({ title: '确认退款' }));
    expect(await screen.findByText('退款已提交微信支付，到账后自动完成')).toBeTruthy();
    expect(container.querySelector('.staff-case-status')?.textContent).toBe('退款中');
    expect(container.querySelector('.staff-case-resolve')).toBeNull();
  });

  it('does not resolve a money case when the refund is not confirmed', async () => {
    jest.mocked(supportStaff.storeCase).mockResolvedValue(aCase({ status: 'approved' }));
    jest
      .mocked(Taro.showModal)
      .mockResolvedValueOnce({ confirm: false, cancel: true, errMsg: 'showModal:ok' });
    const { container } = render(<StaffCaseDetailPage />);
    await screen.findByText('AS0003');
    fireEvent.click(container.querySelector('.staff-case-resolve')!);
    await waitFor(() => expect(Taro.showModal).toHaveBeenCalled());
    expect(supportStaff.actOnCase).not.toHaveBeenCalled();
  });

  it('asks for the reason before rejecting, and sends it', async () => {
    const actOnCase = jest.mocked(supportStaff.actOnCase);
    jest.mocked(supportStaff.storeCase).mockResolvedValue(aCase());
    const { container } = render(<StaffCaseDetailPage />);
    await screen.findByText('AS0003');
    fireEvent.click(container.querySelector('.staff-case-reject')!);
    expect(await screen.findByText('驳回请填写原因，顾客会看到')).toBeTruthy();
    expect(actOnCase).not.toHaveBeenCalled();
    actOnCase.mockResolvedValueOnce(aCase({ status: 'rejected' }));
    fireEvent.input(container.querySelector('.staff-case-note')!, { target: { value: '已超过退款期限' } });
    fireEvent.click(container.querySelector('.staff-case-reject')!);
    await waitFor(() => expect(actOnCase).toHaveBeenCalledWith(3, 'reject', '已超过退款期限'));
    await waitFor(() => expect(container.querySelector('.staff-case-status')?.textContent).toBe('已拒绝'));
    expect(container.querySelector('.staff-case-sla')).toBeNull();
  });

  it('says when a colleague changed the case first', async () => {
    jest.mocked(supportStaff.storeCase).mockResolvedValue(aCase());
    jest
      .mocked(supportStaff.actOnCase)
      .mockRejectedValueOnce(new ApiError('INVALID_STATE', '售后单当前状态不允许此操作', 409));
    const { container } = render(<StaffCaseDetailPage />);
    await screen.findByText('AS0003');
    fireEvent.click(container.querySelector('.staff-case-approve')!);
    expect(await screen.findByText('售后单状态已变化，请刷新后再处理')).toBeTruthy();
  });

  it("says so for another store's case", async () => {
    jest
      .mocked(supportStaff.storeCase)
      .mockRejectedValue(new ApiError('CASE_NOT_FOUND', '售后单不存在', 404));
    render(<StaffCaseDetailPage />);
    expect(await screen.findByText('售后单不存在或不属于本店')).toBeTruthy();
  });
});
