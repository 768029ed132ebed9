import { Button, Text, View } from '@tarojs/components';
import { useEffect, useState } from 'react';
import type { NearbyStore } from '@omni/shared-types';
import { BindFirst } from '../../../../components/bind-first';
import { IS_H5 } from '../../../../config';
import { DEFAULT_POSITION } from '../../../../services/device-location';
import { lbsErrorMessage } from '../../../../services/lbs';
import { nearbyStores } from '../../../../services/store-locator';
import { staffDevLogin } from '../../services/staff-api';
import { saveStaffSession } from '../../services/staff-session';

/** Staff sign-in: the demo store picker in the H5 build; in the mini-program, bind with an invite first. */
export function StaffLogin() {
  return IS_H5 ? <DemoStaffLogin /> : <BindFirst role="staff" />;
}

/** Demo and tests (H5): choose the store, then the BFF's dev login as its staff. */
function DemoStaffLogin() {
  const [stores, setStores] = useState<NearbyStore[]>([]);
  const [storeId, setStoreId] = useState<number | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    nearbyStores({
      position: DEFAULT_POSITION,
      coord: 'gcj02',
      openNow: false,
      pickup: false,
      limit: 50,
    }).then(
      (res) => setStores([...res.items].sort((a, b) => a.id - b.id)),
      (err: unknown) => setError(lbsErrorMessage(err)),
    );
  }, []);

  const login = async () => {
    if (storeId === null || busy) return;
    setBusy(true);
    setError(null);
    try {
      saveStaffSession(await staffDevLogin(storeId));
    } catch (err) {
      setError(lbsErrorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <View className="staff-login">
      <Text className="staff-login__title">门店后台登录</Text>
      <Text className="staff-login__hint">选择你所在的门店</Text>
      <View className="store-options">
        {stores.map((s) => (
          <Text
            key={s.id}
            className={`store-option${s.id === storeId ? ' store-option--active' : ''}`}
            data-id={s.id}
            onClick={() => setStoreId(s.id)}
          >
            {s.name}
          </Text>
        ))}
      </View>
      {error && <Text className="staff-login__error">{error}</Text>}
      <Button className="staff-login-button" disabled={storeId === null || busy} onClick={() => void login()}>
        {busy ? '登录中…' : '以店员身份登录'}
      </Button>
    </View>
  );
}
