import { Button, Text, View } from '@tarojs/components';
import { useState } from 'react';
import { BindFirst } from '../../../../components/bind-first';
import { IS_H5 } from '../../../../config';
import { courierDevLogin, courierErrorMessage } from '../../../../services/courier';

/** Seeded demo couriers have ids 1…13 (one or two per delivery store). */
export const DEMO_COURIER_IDS = Array.from({ length: 13 }, (_, i) => i + 1);

/** Courier sign-in: the demo picker in the H5 build; in the mini-program, bind with an invite first. */
export function CourierLogin() {
  return IS_H5 ? <DemoCourierLogin /> : <BindFirst role="courier" />;
}

/** Demo and tests (H5): pick a courier, then the BFF's dev login as that courier. */
function DemoCourierLogin() {
  const [courierId, setCourierId] = useState<number | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const login = async () => {
    if (courierId === null || busy) return;
    setBusy(true);
    setError(null);
    try {
      await courierDevLogin(courierId);
    } catch (err) {
      setError(courierErrorMessage(err));
      setBusy(false);
    }
  };

  return (
    <View className="courier-login">
      <Text className="courier-login__title">骑手登录</Text>
      <Text className="courier-login__hint">选择你的骑手编号（体验环境）</Text>
      <View className="courier-options">
        {DEMO_COURIER_IDS.map((id) => (
          <Text
            key={id}
            className={`courier-option${id === courierId ? ' courier-option--active' : ''}`}
            data-id={id}
            onClick={() => setCourierId(id)}
          >
            {id} 号骑手
          </Text>
        ))}
      </View>
      {error && <Text className="courier-login__error">{error}</Text>}
      <Button
        className="courier-login-button"
        disabled={courierId === null || busy}
        onClick={() => void login()}
      >
        {busy ? '登录中…' : '以骑手身份登录'}
      </Button>
    </View>
  );
}
