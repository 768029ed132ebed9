import { Button, Text, View } from '@tarojs/components';
import { ConsentDialog } from './consent-dialog';
import { useOnMyWay, type OnMyWayStatus } from './use-on-my-way';
import './index.scss';

const STATUS_TEXT: Partial<Record<OnMyWayStatus, string>> = {
  'picked-up': '订单已完成，已停止共享位置',
  'timed-out': '已共享 30 分钟，自动停止。需要时可再次开启',
  stopped: '已停止共享位置',
  'location-denied': '未获得位置权限，无法通知门店。请在设置中允许使用位置信息',
};

/** Props of 我在路上: the pickup order and its store. */
export interface OnMyWayProps {
  orderId: number;
  storeId: number;
  /** The order's `staffAcknowledged` when the page loaded. */
  staffAcknowledged?: boolean;
}

/**
 * 我在路上 for a paid pickup order: after consent, shares the customer's position with the store
 * while they travel, and shows when the store has acknowledged their arrival.
 */
export function OnMyWay({ orderId, storeId, staffAcknowledged = false }: OnMyWayProps) {
  const way = useOnMyWay(orderId, staffAcknowledged);
  const sharing = way.status === 'sharing';
  return (
    <View className="on-my-way" data-order-id={orderId} data-store-id={storeId}>
      {way.acknowledged && <Text className="store-acknowledged">门店已收到你的到店提醒</Text>}
      {sharing ? (
        <View className="on-my-way__sharing">
          <Text className="on-my-way-status">正在向门店共享位置，到店前请保持本页打开</Text>
          <Button className="on-my-way-stop" size="mini" onClick={way.stop}>
            停止共享
          </Button>
        </View>
      ) : (
        <Button className="on-my-way-button" disabled={way.busy} onClick={() => void way.begin()}>
          我在路上
        </Button>
      )}
      {STATUS_TEXT[way.status] && <Text className="on-my-way-note">{STATUS_TEXT[way.status]}</Text>}
      {way.notice && <Text className="on-my-way-note on-my-way-note--error">{way.notice}</Text>}
      {way.status === 'asking' && (
        <ConsentDialog busy={way.busy} onAccept={() => void way.accept()} onDecline={way.decline} />
      )}
    </View>
  );
}
