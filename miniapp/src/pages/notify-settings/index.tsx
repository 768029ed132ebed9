import Taro from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import { useCallback, useEffect, useRef, useState } from 'react';
import { NOTIFY_ERROR_TEXT, type NotifyEvent, type NotifyPreference } from '@omni/shared-types';
import { StateView } from '../../components/state-view';
import { IS_H5 } from '../../config';
import { useSession } from '../../hooks/use-session';
import { listPreferences, setPreference } from '../../services/notify';
import { ApiError } from '../../services/request';
import './index.scss';

function errorText(err: unknown, fallback: string): string {
  if (!(err instanceof ApiError)) return fallback;
  return NOTIFY_ERROR_TEXT[err.code] ?? err.message;
}

/** One event: its title, how many messages may still come, and the switch. */
function PreferenceRow(props: { item: NotifyPreference; busy: boolean; onToggle: () => void }) {
  const { item, busy, onToggle } = props;
  const disabled = !item.available || busy;
  const switchClass = [
    'notify-switch',
    item.enabled ? 'notify-switch--on' : '',
    disabled ? 'notify-switch--disabled' : '',
  ]
    .filter(Boolean)
    .join(' ');
  return (
    <View className={`notify-row${item.available ? '' : ' notify-row--unavailable'}`} data-event={item.event}>
      <View className="notify-row__text">
        <Text className="notify-row__title">{item.title}</Text>
        <Text className="notify-row__hint notify-remaining">
          {item.available ? `还可接收 ${item.remaining} 条` : '商家未开通'}
        </Text>
      </View>
      <View
        className={switchClass}
        data-event={item.event}
        data-on={item.enabled ? '1' : '0'}
        aria-checked={item.enabled}
        aria-disabled={disabled}
        onClick={() => {
          if (!disabled) onToggle();
        }}
      >
        <View className="notify-switch__knob" />
      </View>
    </View>
  );
}

function Preferences() {
  const [items, setItems] = useState<NotifyPreference[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState<ReadonlySet<NotifyEvent>>(new Set());
  const busyRef = useRef(new Set<NotifyEvent>());

  const load = useCallback(async () => {
    setError(null);
    try {
      setItems(await listPreferences());
    } catch (err) {
      setError(errorText(err, '加载失败，请重试'));
    }
  }, []);
  useEffect(() => void load(), [load]);

  const patch = (event: NotifyEvent, change: Partial<NotifyPreference>) =>
    setItems((all) => all && all.map((p) => (p.event === event ? { ...p, ...change } : p)));
  const mark = (event: NotifyEvent, on: boolean) => {
    if (on) busyRef.current.add(event);
    else busyRef.current.delete(event);
    setBusy(new Set(busyRef.current));
  };

  // Optimistic: the switch moves at once and moves back (with a toast) if the BFF refuses.
  const toggle = async (item: NotifyPreference) => {
    if (busyRef.current.has(item.event)) return;
    const next = !item.enabled;
    mark(item.event, true);
    patch(item.event, { enabled: next });
    try {
      patch(item.event, await setPreference(item.event, next));
    } catch (err) {
      patch(item.event, { enabled: !next });
      void Taro.showToast({ title: errorText(err, '设置失败，请重试'), icon: 'none' });
    } finally {
      mark(item.event, false);
    }
  };

  if (error && !items) return <StateView kind="error" message={error} onRetry={() => void load()} />;
  if (!items) return <StateView kind="loading" message="加载中…" />;
  return (
    <View className="notify-settings">
      <Text className="notify-settings__intro">
        每次同意订阅可接收一条通知；下单、转人工或申请售后时会询问你是否接收。
      </Text>
      {items.length === 0 ? (
        <StateView kind="empty" message="暂无可设置的通知" />
      ) : (
        <View className="notify-list">
          {items.map((item) => (
            <PreferenceRow
              key={item.event}
              item={item}
              busy={busy.has(item.event)}
              onToggle={() => void toggle(item)}
            />
          ))}
        </View>
      )}
      {!IS_H5 && (
        <Text
          className="notify-wechat-settings"
          onClick={() => void Taro.openSetting({ withSubscriptions: true }).catch(() => undefined)}
        >
          微信通知设置 ›
        </Text>
      )}
    </View>
  );
}

/** 消息通知 (我的): which subscription messages to receive, and how many may still come. */
export default function NotifySettingsPage() {
  const session = useSession();
  if (!session) {
    return (
      <View className="notify-settings notify-settings--guest">
        <StateView kind="empty" message="登录后可设置消息通知" />
        <Button
          className="login-required notify-settings-login"
          onClick={() => void Taro.switchTab({ url: '/pages/me/index' })}
        >
          去登录
        </Button>
      </View>
    );
  }
  return <Preferences key={session.user.id} />;
}
