import Taro from '@tarojs/taro';
import { Button, Image, Text, View } from '@tarojs/components';
import { useEffect, useRef, useState } from 'react';
import { IS_H5 } from '../../config';
import { useSession } from '../../hooks/use-session';
import { login, logout } from '../../services/auth';
import { authOptions, finishWechatWebLogin, h5LoginMode, type H5LoginMode } from '../../services/h5-login';
import { setConsent } from '../../services/lbs';
import { homeOf, knownRoles, switchRole } from '../../services/members';
import { SupportEntry } from '../../components/support-entry';
import './index.scss';

const H5_LOGIN_TEXT: Record<H5LoginMode, string> = {
  demo: '体验登录',
  wechat: '微信登录',
  sms: '手机号登录',
  none: '请在微信中打开',
};

/**
 * 我的: sign in (WeChat in the mini-program; in H5 the demo user, WeChat web authorisation or
 * 手机号登录, as the BFF offers), show the user, 我的订单, sign out.
 */
export default function MePage() {
  const session = useSession();
  const [busy, setBusy] = useState(false);
  const [h5Mode, setH5Mode] = useState<H5LoginMode | undefined>(undefined);
  const h5ModeReady = useRef<Promise<H5LoginMode> | undefined>(undefined);

  // H5: finish a WeChat web authorisation that came back here, and learn which login to offer.
  useEffect(() => {
    if (!IS_H5) return;
    void finishWechatWebLogin();
    h5ModeReady.current = authOptions().then((o) => {
      const mode = h5LoginMode(o, globalThis.navigator?.userAgent ?? '');
      setH5Mode(mode);
      return mode;
    });
  }, []);

  /**
   * The role switch: in the mini-program a WeChat login as the bound role (ROLE_NOT_BOUND is
   * toasted and nothing opens); in H5 the workbenches keep their own demo sign-in.
   */
  const openWorkbench = async (kind: 'staff' | 'courier') => {
    if (!IS_H5) {
      const held = knownRoles().map((r) => r.role);
      const role =
        kind === 'courier'
          ? 'courier'
          : held.includes('staff') || !held.includes('store_manager')
            ? 'staff'
            : 'store_manager';
      try {
        await switchRole(role);
      } catch {
        return;
      }
    }
    void Taro.navigateTo({ url: homeOf(kind) });
  };

  const signIn = async () => {
    if (busy) return;
    setBusy(true);
    try {
      await login(IS_H5 ? await h5ModeReady.current : undefined);
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
          {busy ? '登录中…' : IS_H5 ? H5_LOGIN_TEXT[h5Mode ?? 'demo'] : '微信一键登录'}
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
        <View
          className="notify-settings-entry me__menu-item"
          onClick={() => void Taro.navigateTo({ url: '/pages/notify-settings/index' })}
        >
          <Text>消息通知</Text>
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
        <View className="staff-workbench me__menu-item" onClick={() => void openWorkbench('staff')}>
          <Text>门店工作台（店员）</Text>
          <Text className="me__menu-arrow">›</Text>
        </View>
        <View className="courier-workbench me__menu-item" onClick={() => void openWorkbench('courier')}>
          <Text>骑手端</Text>
          <Text className="me__menu-arrow">›</Text>
        </View>
        <View
          className="phone-bind-entry me__menu-item"
          onClick={() => void Taro.navigateTo({ url: '/pages/phone-login/index?mode=bind' })}
        >
          <Text>绑定手机号</Text>
          <Text className="me__menu-arrow">›</Text>
        </View>
        <View
          className="member-bind-entry me__menu-item"
          onClick={() => void Taro.navigateTo({ url: '/pages/member-bind/index' })}
        >
          <Text>员工/骑手绑定</Text>
          <Text className="me__menu-arrow">›</Text>
        </View>
      </View>
      <Button className="logout-button" onClick={logout}>
        退出登录
      </Button>
    </View>
  );
}
