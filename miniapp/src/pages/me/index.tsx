import Taro from '@tarojs/taro';
import { Button, Image, Text, View } from '@tarojs/components';
import { useState } from 'react';
import { IS_H5 } from '../../config';
import { useSession } from '../../hooks/use-session';
import { login, logout } from '../../services/auth';
import { setConsent } from '../../services/lbs';
import { SupportEntry } from '../../components/support-entry';
import './index.scss';

/** 我的: sign in (WeChat in the mini-program, the demo user in H5), show the user, 我的订单, sign out. */
export default function MePage() {
  const session = useSession();
  const [busy, setBusy] = useState(false);

  const signIn = async () => {
    if (busy) return;
    setBusy(true);
    try {
      await login();
    } catch {
      // request() and login() already told the user with a toast.
    } finally {
      setBusy(false);
    }
  };

  if (!session) {
    return (
      <View className="me me--guest">
        <View className="me__avatar me__avatar--empty" />
        <Text className="me__hint">登录后可查看订单、预约配送时段</Text>
        {/* No `loading` prop: Taro's H5 button spinner is an image on a remote CDN. */}
        <Button className="login-button" disabled={busy} onClick={() => void signIn()}>
          {busy ? '登录中…' : IS_H5 ? '体验登录' : '微信一键登录'}
        </Button>
      </View>
    );
  }

  const { user } = session;
  return (
    <View className="me">
      <View className="me__profile">
        {user.avatarUrl ? (
          <Image className="me__avatar" src={user.avatarUrl} mode="aspectFill" />
        ) : (
          <View className="me__avatar me__avatar--empty">{user.nickname.slice(0, 1)}</View>
        )}
        <Text className="user-nickname">{user.nickname}</Text>
      </View>
      <View className="me__menu">
        <View
          className="my-orders me__menu-item"
          onClick={() => void Taro.navigateTo({ url: '/pages/orders/index' })}
        >
          <Text>我的订单</Text>
          <Text className="me__menu-arrow">›</Text>
        </View>
        <View
          className="my-addresses me__menu-item"
          onClick={() => void Taro.navigateTo({ url: '/pages/addresses/index' })}
        >
          <Text>收货地址</Text>
          <Text className="me__menu-arrow">›</Text>
        </View>
        <SupportEntry />
        <View
          className="withdraw-location me__menu-item"
          onClick={() =>
            void Taro.showModal({
              title: '关闭位置共享',
              content: '关闭后将删除已保存的位置，门店不会再收到你的到店提醒。',
            }).then(async (r) => {
              if (!r.confirm) return;
              await setConsent(false);
              void Taro.showToast({ title: '已关闭并删除位置', icon: 'none' });
            })
          }
        >
          <Text>关闭位置共享</Text>
          <Text className="me__menu-arrow">›</Text>
        </View>
        <View
          className="staff-workbench me__menu-item"
          onClick={() => void Taro.navigateTo({ url: '/subpackages/staff/pages/home/index' })}
        >
          <Text>门店工作台（店员）</Text>
          <Text className="me__menu-arrow">›</Text>
        </View>
        <View
          className="courier-workbench me__menu-item"
          onClick={() => void Taro.navigateTo({ url: '/subpackages/courier/pages/route/index' })}
        >
          <Text>骑手端</Text>
          <Text className="me__menu-arrow">›</Text>
        </View>
      </View>
      <Button className="logout-button" onClick={logout}>
        退出登录
      </Button>
    </View>
  );
}
