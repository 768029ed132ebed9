import Taro, { useRouter } from '@tarojs/taro';
import { Button, Input, Text, View } from '@tarojs/components';
import { useEffect, useState } from 'react';
import { ApiError } from '../../services/request';
import { bindPhone, h5LoginMessage, normalizePhone, sendSmsCode, smsLogin } from '../../services/h5-login';
import './index.scss';

/** Seconds a used 获取验证码 button waits when the BFF names no other wait. */
const RESEND_WAIT_S = 60;

/** Counts `seconds` down to 0, one a second. */
function useCountdown(): [number, (s: number) => void] {
  const [left, setLeft] = useState(0);
  useEffect(() => {
    if (left <= 0) return undefined;
    const timer = setTimeout(() => setLeft((s) => s - 1), 1000);
    return () => clearTimeout(timer);
  }, [left]);
  return [left, setLeft];
}

/**
 * 手机号登录 (H5 outside WeChat): phone, 获取验证码 with a 60 s countdown, the 6-digit code, 登录.
 * With `?mode=bind` the signed-in customer proves a phone instead (绑定手机号), so a later H5 SMS
 * login reaches the same account.
 */
export default function PhoneLoginPage() {
  const bind = useRouter().params.mode === 'bind';
  const [phone, setPhone] = useState('');
  const [code, setCode] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const [sending, setSending] = useState(false);
  const [wait, setWait] = useCountdown();

  const send = async () => {
    const digits = normalizePhone(phone);
    if (!digits) {
      setError('请输入正确的11位手机号');
      return;
    }
    if (sending || wait > 0) return;
    setSending(true);
    setError('');
    try {
      setWait(await sendSmsCode(digits));
      void Taro.showToast({ title: '验证码已发送', icon: 'none' });
    } catch (err) {
      setError(h5LoginMessage(err));
      const retry =
        err instanceof ApiError ? (err.details as { retryAfterS?: number } | undefined)?.retryAfterS : 0;
      if (retry) setWait(Math.min(retry, RESEND_WAIT_S * 60));
    } finally {
      setSending(false);
    }
  };

  const submit = async () => {
    const digits = normalizePhone(phone);
    const typed = code.trim();
    if (!digits || !/^\d{6}$/.test(typed)) {
      setError(digits ? '请输入6位验证码' : '请输入正确的11位手机号');
      return;
    }
    if (busy) return;
    setBusy(true);
    setError('');
    try {
      if (bind) {
        await bindPhone(digits, typed);
        void Taro.showToast({ title: '手机号已绑定', icon: 'success' });
        void Taro.navigateBack();
      } else {
        await smsLogin(digits, typed);
        void Taro.showToast({ title: '登录成功', icon: 'success' });
        void Taro.switchTab({ url: '/pages/me/index' });
      }
    } catch (err) {
      setError(h5LoginMessage(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <View className="phone-login">
      <Text className="phone-login__intro">
        {bind
          ? '绑定手机号后，在浏览器中用手机号登录也是这个账号。'
          : '未注册的手机号验证后将自动创建账号；在小程序中绑定过的手机号登录后是同一个账号。'}
      </Text>
      <View className="phone-login__row">
        <Input
          className="phone-login__phone"
          type="number"
          value={phone}
          maxlength={16}
          placeholder="手机号"
          onInput={(e) => setPhone(e.detail.value)}
        />
      </View>
      <View className="phone-login__row">
        <Input
          className="phone-login__code"
          type="number"
          value={code}
          maxlength={6}
          placeholder="6位验证码"
          onInput={(e) => setCode(e.detail.value)}
          onConfirm={() => void submit()}
        />
        <Button className="phone-login__send" disabled={sending || wait > 0} onClick={() => void send()}>
          {wait > 0 ? `${wait}秒后重新获取` : sending ? '发送中…' : '获取验证码'}
        </Button>
      </View>
      <Text className="phone-login__error">{error}</Text>
      {/* No `loading` prop: Taro's H5 button spinner is an image on a remote CDN. */}
      <Button className="phone-login-button" disabled={busy} onClick={() => void submit()}>
        {busy ? (bind ? '绑定中…' : '登录中…') : bind ? '绑定' : '登录'}
      </Button>
    </View>
  );
}
