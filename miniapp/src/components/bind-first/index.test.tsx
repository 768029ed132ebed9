import Taro from '@tarojs/taro';
import { fireEvent, render } from '@testing-library/react';
import { CourierLogin } from '../../subpackages/courier/pages/route/courier-login';
import { StaffLogin } from '../../subpackages/staff/pages/inbox/staff-login';

// The mini-program build: no demo store or courier picker, only the way to bind with an invite.
jest.mock('../../config', () => ({ ...jest.requireActual('../../config'), IS_H5: false }));

const mockRequest = Taro.request as unknown as jest.Mock;

describe('workbench sign-in in the mini-program build', () => {
  it('shows the staff how to bind instead of a store picker, and asks the BFF nothing', () => {
    const { container } = render(<StaffLogin />);
    expect(container.querySelector('.bind-first__title')?.textContent).toBe('还没有以门店身份登录');
    expect(container.querySelector('.store-options')).toBeNull();
    expect(mockRequest).not.toHaveBeenCalled();
    fireEvent.click(container.querySelector('.bind-first-go')!);
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/pages/member-bind/index' });
  });

  it('shows the courier the same, with the way back to 我的', () => {
    const { container } = render(<CourierLogin />);
    expect(container.querySelector('.bind-first__title')?.textContent).toBe('还没有以骑手身份登录');
    expect(container.querySelector('.courier-options')).toBeNull();
    fireEvent.click(container.querySelector('.bind-first-me')!);
    expect(Taro.switchTab).toHaveBeenCalledWith({ url: '/pages/me/index' });
  });
});
