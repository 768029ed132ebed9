// 动态验证码: enrol an authenticator app (QR of the otpauth URL), confirm with a first code.
import { useEffect, useState } from 'react';
import { Alert, Button, Input, Modal, Space, Typography, message } from 'antd';
import type { AdminMe, TotpEnrollResponse } from '@omni/shared-types';
import { ApiError, api } from '../api/client';
import { useAuth } from '../auth/AuthContext';

export function TotpDialog(props: { open: boolean; onClose(): void }) {
  const auth = useAuth();
  const [me, setMe] = useState<AdminMe | null>(null);
  const [enroll, setEnroll] = useState<{ qr: string; secret?: string } | null>(null);
  const [code, setCode] = useState('');
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (!props.open) return;
    setEnroll(null);
    setError(null);
    auth.me().then(setMe, (e: Error) => setError(e.message));
  }, [props.open, auth]);

  const start = async () => {
    try {
      const r = await api.post<TotpEnrollResponse>('/admin/auth/totp/enroll');
      setEnroll({ qr: r.qrDataUrl, secret: r.secret });
    } catch (e) {
      setError((e as Error).message);
    }
  };
  const verify = async () => {
    try {
      await api.post('/admin/auth/totp/verify', { code });
      void message.success('动态验证码已启用，下次登录时需要输入');
      props.onClose();
    } catch (e) {
      setError(e instanceof ApiError ? e.message : String(e));
    }
  };

  return (
    <Modal
      open={props.open}
      title="动态验证码（两步验证）"
      onCancel={props.onClose}
      footer={null}
      destroyOnHidden
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      {me?.totpEnabled ? (
        <Alert type="success" showIcon title="已启用：登录时需要输入身份验证器上的 6 位动态验证码" />
      ) : enroll ? (
        <Space direction="vertical" align="center" style={{ width: '100%' }}>
          <Typography.Text>
            用身份验证器（如 Google Authenticator、微信小程序“腾讯身份验证器”）扫描：
          </Typography.Text>
          <img src={enroll.qr} alt="动态验证码二维码" width={200} height={200} />
          <Typography.Text type="secondary" copyable={{ text: enroll.secret }}>
            无法扫码时手动输入密钥
          </Typography.Text>
          <Space.Compact>
            <Input
              placeholder="6 位验证码"
              maxLength={6}
              value={code}
              onChange={(e) => setCode(e.target.value.trim())}
            />
            <Button type="primary" disabled={!/^\d{6}$/.test(code)} onClick={() => void verify()}>
              启用
            </Button>
          </Space.Compact>
        </Space>
      ) : (
        <Space direction="vertical">
          <Typography.Text>启用后，登录除密码外还需输入身份验证器上的动态验证码。</Typography.Text>
          <Button type="primary" onClick={() => void start()}>
            开始设置
          </Button>
        </Space>
      )}
    </Modal>
  );
}
