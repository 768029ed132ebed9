import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { AftersalesCase } from '@omni/shared-types';
import * as supportStaff from '../../services/support-staff';
import { signInStaff } from '../test-session';
import { nextActions } from '.';
import { slaText } from './sla';
import StaffAftersalesPage from '.';

jest.mock('../../services/support-staff');

function aCase(overrides: Partial<AftersalesCase> = {}): AftersalesCase {
  return {
    id: 3,
    caseNo: 'AS0003',
    orderId: 11,
    orderNo: '202612070001',
    storeId: 2,
    type: 'refund',
    status: 'submitted',
    reason: '面霜漏液',
    lines: [{ productId: 1, name: '修护面霜', quantity: 1 }],
    refundFen: 12900,
    slaDueAt: new Date(Date.now() + 2 * 3_600_000 + 5 * 60_000).toISOString(),
    overdue: false,
    createdAt: new Date().toISOString(),
    timeline: [{ status: 'submitted', at: new Date().toISOString(), actor: 'customer', note: null }],
    ...overrides,
  };
}

describe('售后处理 (staff)', () => {
  beforeEach(() => signInStaff());

  it('offers the next decisions of each state', () => {
    expect(nextActions('submitted')).toEqual(['approve', 'reject']);
    expect(nextActions('approved')).toEqual(['progress', 'resolve']);
    expect(nextActions('refunding')).toEqual([]);
    expect(nextActions('resolved')).toEqual([]);
  });

  it('counts the SLA down and says when it is overdue', () => {
    const now = Date.parse('2026-12-07T10:00:00Z');
    expect(slaText('2026-12-07T12:20:00Z', now)).toEqual({ text: '剩余 2小时20分', overdue: false });
    expect(slaText('2026-12-07T09:15:00Z', now)).toEqual({ text: '已超时 45分', overdue: true });
  });

  it('approves a case, then resolves it into 退款中', async () => {
    const actOnCase = jest.mocked(supportStaff.actOnCase);
    jest.mocked(supportStaff.storeCases).mockResolvedValue([aCase()]);
    const { container } = render(<StaffAftersalesPage />);
    await screen.findByText('AS0003');
    expect(container.querySelector('.staff-case-sla')?.textContent).toMatch(/^剩余 2小时/);
    fireEvent.click(screen.getByText('AS0003'));
    actOnCase.mockResolvedValueOnce(aCase({ status: 'approved' }));
    fireEvent.click(container.querySelector('.staff-case-approve')!);
    await waitFor(() => expect(actOnCase).toHaveBeenCalledWith(3, 'approve', ''));
    fireEvent.click(container.querySelector('.staff-case-tab[data-key="doing"]')!);
    await screen.findByText('AS0003'); // still open: the decision follows the case to its tab
    actOnCase.mockResolvedValueOnce(aCase({ status: 'refunding' }));
    fireEvent.click(container.querySelector('.staff-case-resolve')!);
    await waitFor(() => expect(actOnCase).toHaveBeenLastCalledWith(3, 'resolve', ''));
    fireEvent.click(container.querySelector('.staff-case-tab[data-key="refunding"]')!);
    await waitFor(() =>
      expect(container.querySelector('.staff-case-row')?.getAttribute('data-status')).toBe('refunding'),
    );
  });

  it('asks for the reason before rejecting', async () => {
    const actOnCase = jest.mocked(supportStaff.actOnCase);
    jest.mocked(supportStaff.storeCases).mockResolvedValue([aCase()]);
    const { container } = render(<StaffAftersalesPage />);
    fireEvent.click(await screen.findByText('AS0003'));
    fireEvent.click(container.querySelector('.staff-case-reject')!);
    expect(await screen.findByText('驳回请填写原因，顾客会看到')).toBeTruthy();
    expect(actOnCase).not.toHaveBeenCalled();
  });
});
