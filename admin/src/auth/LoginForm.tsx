// Username and password; the captcha after repeated failures and the TOTP code once enrolled
// appear when the BFF asks for them (CAPTCHA_REQUIRED, TOTP_REQUIRED).
import { useState } from 'react';
import { Alert, Button, Form, Input } from 'antd';
import { LockOutlined, SafetyOutlined, UserOutlined } from '@ant-design/icons';
import type { AdminLoginBody, AdminLoginResponse, CaptchaResponse } from '@omni/shared-types';
import { ApiError, request } from '../api/client';

export function LoginForm(props: { initialUsername?: string; onSignedIn(res: AdminLoginResponse): void }) {
  const [form] = Form.useForm<AdminLoginBody>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [needTotp, setNeedTotp] = useState(false);
  const [captcha, setCaptcha] = useState<CaptchaResponse | null>(null);

  const loadCaptcha = async () => {
    setCaptcha(await request<CaptchaResponse>('/admin/auth/captcha', { noRelogin: true }));
    form.setFieldValue('captcha', '');
  };

  const submit = async (v: AdminLoginBody) => {
    setBusy(true);
    setError(null);
    try {
      const body: AdminLoginBody = {
        username: v.username,
        password: v.password,
        ...(needTotp && v.totp ? { totp: v.totp } : {}),
        ...(captcha && v.captcha ? { captchaId: captcha.captchaId, captcha: v.captcha } : {}),
      };
      const res = await request<AdminLoginResponse>('/admin/auth/login', {
        method: 'POST',
        body,
        noRelogin: true,
      });
      props.onSignedIn(res);
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
      if (err.code === 'TOTP_REQUIRED') {
        setNeedTotp(true);
        setError('请输入身份验证器上的 6 位动态验证码');
      } else {
        setError(err.code === 'LOGIN_LOCKED' ? `${err.message}` : err.message);
        const wantsCaptcha =
          err.code === 'CAPTCHA_REQUIRED' ||
          err.code === 'CAPTCHA_INVALID' ||
          (typeof err.details === 'object' && err.details !== null && 'captchaRequired' in err.details);
        if (wantsCaptcha || captcha) await loadCaptcha().catch(() => undefined);
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <Form
      form={form}
      layout="vertical"
      onFinish={submit}
      initialValues={{ username: props.initialUsername }}
      requiredMark={false}
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      <Form.Item name="username" label="用户名" rules={[{ required: true, message: '请输入用户名' }]}>
        <Input prefix={<UserOutlined />} autoComplete="username" autoFocus={!props.initialUsername} />
      </Form.Item>
      <Form.Item name="password" label="密码" rules={[{ required: true, message: '请输入密码' }]}>
        <Input.Password
          prefix={<LockOutlined />}
          autoComplete="current-password"
          autoFocus={!!props.initialUsername}
        />
      </Form.Item>
      {needTotp && (
        <Form.Item
          name="totp"
          label="动态验证码"
          rules={[{ required: true, pattern: /^\d{6}$/, message: '请输入 6 位数字' }]}
        >
          <Input
            prefix={<SafetyOutlined />}
            inputMode="numeric"
            maxLength={6}
            autoComplete="one-time-code"
            autoFocus
          />
        </Form.Item>
      )}
      {captcha && (
        <Form.Item label="图形验证码" required>
          <div style={{ display: 'flex', gap: 8, alignItems: 'center' }}>
            <Form.Item name="captcha" noStyle rules={[{ required: true, message: '请输入图中字符' }]}>
              <Input aria-label="图形验证码" style={{ width: 140 }} maxLength={8} />
            </Form.Item>
            <span
              role="img"
              aria-label="验证码图片"
              title="看不清？换一张"
              style={{ cursor: 'pointer', lineHeight: 0 }}
              onClick={() => void loadCaptcha()}
              dangerouslySetInnerHTML={{ __html: captcha.svg }}
            />
          </div>
        </Form.Item>
      )}
      <Button type="primary" htmlType="submit" block loading={busy}>
        登录
      </Button>
    </Form>
  );
}
