import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { LoginForm } from '../src/auth/LoginForm';
import { mockFetch } from './mockFetch';

const fill = (label: string, value: string) =>
  fireEvent.change(screen.getByLabelText(label), { target: { value } });
const submit = () => fireEvent.click(screen.getByRole('button', { name: /登\s*录/ }));

describe('LoginForm', () => {
  let restore = () => undefined as void;
  afterEach(() => restore());

  it('asks for the TOTP code when the BFF answers TOTP_REQUIRED, then signs in with it', async () => {
    const f = mockFetch(({ body }) =>
      (body as { totp?: string }).totp
        ? [
            200,
            {
              token: 't',
              expiresAt: '2030-01-01T00:00:00Z',
              user: { id: 1, username: 'boss', role: 'admin' },
            },
          ]
        : [401, { error: { code: 'TOTP_REQUIRED', message: '请输入动态验证码' } }],
    );
    restore = f.restore;
    const signedIn = jest.fn();
    render(<LoginForm onSignedIn={signedIn} />);
    fill('用户名', 'boss');
    fill('密码', 'secret-pass-1');
    submit();
    fireEvent.change(await screen.findByLabelText('动态验证码'), { target: { value: '123456' } });
    submit();
    await waitFor(() => expect(signedIn).toHaveBeenCalledTimes(1));
    expect(f.calls.map((c) => c.body)).toEqual([
      { username: 'boss', password: 'secret-pass-1' },
      { username: 'boss', password: 'secret-pass-1', totp: '123456' },
    ]);
  });

  it('shows the one message for a wrong password and does not sign in', async () => {
    const f = mockFetch(() => [401, { error: { code: 'INVALID_CREDENTIALS', message: '用户名或密码错误' } }]);
    restore = f.restore;
    const signedIn = jest.fn();
    render(<LoginForm onSignedIn={signedIn} />);
    fill('用户名', 'boss');
    fill('密码', 'nope');
    submit();
    expect(await screen.findByText('用户名或密码错误')).toBeInTheDocument();
    expect(signedIn).not.toHaveBeenCalled();
  });

  it('shows the captcha once the BFF asks for it and sends its answer', async () => {
    let n = 0;
    const f = mockFetch(({ url, body }) => {
      if (url.includes('/captcha')) return [200, { captchaId: 'c1', svg: '<svg></svg>', expiresInS: 120 }];
      n += 1;
      if (n === 1)
        return [
          401,
          {
            error: {
              code: 'CAPTCHA_REQUIRED',
              message: '请输入图形验证码',
              details: { captchaRequired: true },
            },
          },
        ];
      expect(body).toMatchObject({ captchaId: 'c1', captcha: 'AB12' });
      return [
        200,
        { token: 't', expiresAt: '2030-01-01T00:00:00Z', user: { id: 1, username: 'boss', role: 'admin' } },
      ];
    });
    restore = f.restore;
    const signedIn = jest.fn();
    render(<LoginForm onSignedIn={signedIn} />);
    fill('用户名', 'boss');
    fill('密码', 'secret-pass-1');
    submit();
    expect(await screen.findByRole('img', { name: '验证码图片' })).toBeInTheDocument();
    fireEvent.change(screen.getByLabelText('图形验证码'), { target: { value: 'AB12' } });
    submit();
    await waitFor(() => expect(signedIn).toHaveBeenCalledTimes(1));
  });
});
