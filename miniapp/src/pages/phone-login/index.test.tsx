import Taro from '@tarojs/taro';
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { setRouterParams } from '../../../test/__mocks__/taro';
import { getSession } from '../../services/session';
import PhoneLoginPage from '.';

const mockRequest = Taro.request as unknown as jest.Mock;

const user = {
  id: 9,
  role: 'consumer',
  nickname: '手机用户8000',
  avatarUrl: null,
  storeId: null,
  courierId: null,
  createdAt: '2026-11-25T00:00:00.000Z',
};
const loginAnswer = {
  token: 'tok-sms',
  expiresAt: new Date(Date.now() + 3_600_000).toISOString(),
  user,
  roles: [],
};
const reply = (statusCode: number, data: unknown) => ({ statusCode, data, header: {} });
const failure = (statusCode: number, code: string, details?: unknown) =>
  reply(statusCode, { error: { code, message: 'x', details } });

function type(container: HTMLElement, selector: string, value: string) {
  fireEvent.change(container.querySelector(selector)!, { target: { value } });
}

describe('手机号登录', () => {
  afterEach(() => jest.useRealTimers());

  it('sends a code, counts 60 s down, and logs in with the code', async () => {
    jest.useFakeTimers();
    mockRequest.mockResolvedValueOnce(reply(200, { expiresInS: 300, resendAfterS: 60 }));
    mockRequest.mockResolvedValueOnce(reply(200, loginAnswer));
    const { container } = render(<PhoneLoginPage />);
    type(container, '.phone-login__phone', '138 0013 8000');
    fireEvent.click(screen.getByText('获取验证码'));

    await waitFor(() => expect(screen.getByText('60秒后重新获取')).toBeTruthy());
    expect(mockRequest.mock.calls[0][0]).toMatchObject({
      url: '/api/v1/auth/sms/send',
      method: 'POST',
      data: { phone: '13800138000' },
    });
    expect(container.querySelector('.phone-login__send')!.hasAttribute('disabled')).toBe(true);
    act(() => {
      jest.advanceTimersByTime(1000);
    });
    expect(screen.getByText('59秒后重新获取')).toBeTruthy();

    type(container, '.phone-login__code', '123456');
    fireEvent.click(container.querySelector('.phone-login-button')!);
    await waitFor(() => expect(Taro.switchTab).toHaveBeenCalledWith({ url: '/pages/me/index' }));
    expect(mockRequest.mock.calls[1][0]).toMatchObject({
      url: '/api/v1/auth/sms/verify',
      data: { phone: '13800138000', code: '123456' },
    });
    expect(getSession()?.token).toBe('tok-sms');
  });

  it('says what is wrong with the phone before asking the BFF', () => {
    const { container } = render(<PhoneLoginPage />);
    type(container, '.phone-login__phone', '1380013');
    fireEvent.click(screen.getByText('获取验证码'));
    expect(container.querySelector('.phone-login__error')!.textContent).toBe('请输入正确的11位手机号');
    expect(mockRequest).not.toHaveBeenCalled();
  });

  it.each([
    [failure(400, 'SMS_CODE_INVALID', { attemptsLeft: 3 }), '验证码错误，还可尝试3次'],
    [failure(400, 'SMS_CODE_EXPIRED'), '验证码已过期或已使用，请重新获取'],
    [failure(400, 'SMS_CODE_LOCKED'), '错误次数过多，验证码已失效，请重新获取'],
    [failure(400, 'PHONE_INVALID'), '请输入正确的11位手机号'],
  ])('shows a refused login in Chinese and stays signed out (%#)', async (answer, text) => {
    mockRequest.mockResolvedValueOnce(answer);
    const { container } = render(<PhoneLoginPage />);
    type(container, '.phone-login__phone', '13800138000');
    type(container, '.phone-login__code', '654321');
    fireEvent.click(container.querySelector('.phone-login-button')!);
    await waitFor(() => expect(container.querySelector('.phone-login__error')!.textContent).toBe(text));
    expect(getSession()).toBeNull();
    expect(Taro.showToast).not.toHaveBeenCalled();
  });

  it('waits as long as the BFF says when codes are sent too often, and says so', async () => {
    mockRequest.mockResolvedValueOnce(failure(429, 'SMS_RATE_LIMITED', { retryAfterS: 42 }));
    const { container } = render(<PhoneLoginPage />);
    type(container, '.phone-login__phone', '13800138000');
    fireEvent.click(screen.getByText('获取验证码'));
    await waitFor(() => expect(screen.getByText('42秒后重新获取')).toBeTruthy());
    expect(container.querySelector('.phone-login__error')!.textContent).toBe(
      '验证码发送太频繁，请42秒后再试',
    );
  });

  it('tells when the SMS service is down', async () => {
    mockRequest.mockResolvedValueOnce(failure(503, 'SMS_UNAVAILABLE'));
    const { container } = render(<PhoneLoginPage />);
    type(container, '.phone-login__phone', '13800138000');
    fireEvent.click(screen.getByText('获取验证码'));
    await waitFor(() =>
      expect(container.querySelector('.phone-login__error')!.textContent).toBe(
        '短信服务暂时不可用，请稍后再试',
      ),
    );
    expect(screen.getByText('获取验证码')).toBeTruthy();
  });

  it('binds the phone to the signed-in customer with ?mode=bind', async () => {
    setRouterParams({ mode: 'bind' });
    mockRequest.mockResolvedValueOnce(reply(200, { phone: '138****8000', user }));
    const { container } = render(<PhoneLoginPage />);
    type(container, '.phone-login__phone', '13800138000');
    type(container, '.phone-login__code', '123456');
    fireEvent.click(screen.getByText('绑定'));
    await waitFor(() => expect(Taro.navigateBack).toHaveBeenCalled());
    expect(mockRequest.mock.calls[0][0]).toMatchObject({ url: '/api/v1/me/phone', method: 'POST' });
  });

  it('refuses a phone another account holds', async () => {
    setRouterParams({ mode: 'bind' });
    mockRequest.mockResolvedValueOnce(failure(409, 'PHONE_TAKEN'));
    const { container } = render(<PhoneLoginPage />);
    type(container, '.phone-login__phone', '13800138000');
    type(container, '.phone-login__code', '123456');
    fireEvent.click(screen.getByText('绑定'));
    await waitFor(() =>
      expect(container.querySelector('.phone-login__error')!.textContent).toBe('该手机号已绑定其他账号'),
    );
    expect(Taro.navigateBack).not.toHaveBeenCalled();
  });
});
