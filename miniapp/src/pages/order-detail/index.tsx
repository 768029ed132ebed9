import Taro, { useDidShow, useRouter } from '@tarojs/taro';
import { Image, Text, View } from '@tarojs/components';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Order } from '@omni/shared-types';
import { ActionButton } from '../../components/action-button';
import { MockPaySheet } from '../../components/mock-pay-sheet';
import { StateView } from '../../components/state-view';
import { useNow } from '../../hooks/use-now';
import { usePayment } from '../../hooks/use-payment';
import { cancelOrder } from '../../services/orders';
import { assetUrl } from '../../utils/asset-url';
import { formatFen } from '../../utils/money';
import { formatCountdownMs, formatDateTime, formatSlotDay } from '../../utils/shanghai-time';
import { OnMyWay } from '../../components/on-my-way';
import { openChat } from '../../services/support';
import { useOrderUpdates } from '../../hooks/use-order-updates';
import { CourierCard } from './courier-card';
import { DeliveryCodeCard } from './delivery-code';
import { RescheduleSheet } from './reschedule-sheet';
import { Timeline } from './timeline';
import { useOrder } from './use-order';
import './index.scss';

const PAID_POLL_ATTEMPTS = 4;
const PAID_POLL_INTERVAL_MS = 1500;

function parseId(raw: string | undefined): number | null {
  return raw && /^[1-9]\d{0,9}$/.test(raw) ? Number(raw) : null;
}

/** The countdown of an unpaid order; reloads the order once it runs out (the BFF cancels it). */
function PayCountdown({ expiresAt, onExpired }: { expiresAt: string; onExpired: () => void }) {
  const now = useNow(true);
  const leftMs = Date.parse(expiresAt) - now;
  const expired = leftMs <= 0;
  useEffect(() => {
    if (expired) onExpired();
  }, [expired, onExpired]);
  return (
    <Text className="order-countdown">
      {expired ? '支付已超时' : `请在 ${formatCountdownMs(leftMs)} 内完成支付，超时订单将自动取消`}
    </Text>
  );
}

function Delivery({ order }: { order: Order }) {
  if (order.type === 'pickup') {
    return (
      <View className="detail-section">
        <Text className="detail-section__title">到店自提</Text>
        <Text className="order-store">{order.storeName}</Text>
        {order.status === 'paid' || order.status === 'ready_for_pickup' ? (
          <OnMyWay orderId={order.id} storeId={order.storeId} staffAcknowledged={order.staffAcknowledged} />
        ) : (
          order.staffAcknowledged && <Text className="staff-ack">门店已收到你的到店提醒</Text>
        )}
      </View>
    );
  }
  return (
    <View className="detail-section">
      <Text className="detail-section__title">配送到家</Text>
      {order.slot && (
        <Text className="order-slot">
          {formatSlotDay(order.slot.date)} {order.slot.label}
        </Text>
      )}
      {order.address && (
        <View className="order-address">
          <Text className="order-address__who">
            {order.address.contactName} {order.address.phone}
          </Text>
          <Text className="order-address__where">
            {order.address.address}
            {order.address.detail ? ` ${order.address.detail}` : ''}
          </Text>
        </View>
      )}
      <Text className="order-store order-store--small">由 {order.storeName} 配送</Text>
    </View>
  );
}

/** 订单详情: status, countdown, slot or store, items, amounts, timeline, and 去支付 / 改约 / 取消. */
export default function OrderDetailPage() {
  const router = useRouter();
  const id = parseId(router.params.id);
  const payOnOpen = router.params.pay === '1';
  const { order, error, reload, replace, applyUpdate } = useOrder(id);
  // Live: staff, courier or WeChat Pay moved the order; buttons that no longer apply go at once.
  useOrderUpdates(applyUpdate);
  // Back from another page (or the app from the background): pushes may have been missed meanwhile.
  const shown = useRef(false);
  useDidShow(() => {
    if (shown.current) void reload();
    shown.current = true;
  });
  const [rescheduling, setRescheduling] = useState(false);
  const [cancelling, setCancelling] = useState(false);
  const onPaid = useCallback(async () => {
    // WeChat tells the BFF asynchronously; give its notify a few seconds to land.
    for (let attempt = 0; attempt < PAID_POLL_ATTEMPTS; attempt++) {
      const fresh = await reload();
      if (!fresh || fresh.status !== 'pending_payment') return;
      await new Promise((ok) => setTimeout(ok, PAID_POLL_INTERVAL_MS));
    }
  }, [reload]);
  const payment = usePayment(onPaid);
  const startPayment = payment.start;
  const autoPaid = useRef(false);

  // Straight from 提交订单: open the pay sheet once.
  useEffect(() => {
    if (!payOnOpen || autoPaid.current || !order?.actions.pay) return;
    autoPaid.current = true;
    void startPayment(order.id);
  }, [payOnOpen, order, startPayment]);

  const onExpired = useCallback(() => void reload(), [reload]);

  if (!order) {
    if (error) return <StateView kind="error" message={error.message} onRetry={() => void reload()} />;
    return <StateView kind="loading" message="加载中…" />;
  }

  const cancel = async () => {
    const paid = order.status !== 'pending_payment';
    const { confirm } = await Taro.showModal({
      title: '取消订单',
      content: paid ? '取消后将原路退款，确定取消吗？' : '确定取消这个订单吗？',
      confirmText: '取消订单',
      cancelText: '再想想',
      confirmColor: '#e4393c',
    });
    if (!confirm) return;
    setCancelling(true);
    try {
      replace(await cancelOrder(order.id));
      void Taro.showToast({ title: paid ? '已取消，退款将原路返回' : '订单已取消', icon: 'none' });
    } catch {
      // cancelOrder() already told the user; the order may have moved on.
      void reload();
    } finally {
      setCancelling(false);
    }
  };

  const { actions } = order;
  const hasActions = actions.pay || actions.reschedule || actions.cancel;
  return (
    <View className="order-detail">
      <View className={`order-status order-status--${order.status}`}>
        <Text className="order-status__text">{order.statusText}</Text>
        {order.refundStatus === 'refunding' && (
          <Text className="order-refund order-refund--refunding">退款中</Text>
        )}
        {order.refundStatus === 'partially_refunded' && (
          <Text className="order-refund">已退款 {formatFen(order.refundedFen)}</Text>
        )}
        {order.status === 'pending_payment' && order.expiresAt && (
          <PayCountdown expiresAt={order.expiresAt} onExpired={onExpired} />
        )}
      </View>

      <DeliveryCodeCard order={order} />

      <Delivery order={order} />

      <View className="detail-section">
        <Text className="detail-section__title">商品</Text>
        {order.items.map((item) => (
          <View key={item.productId} className="order-item">
            <Image className="order-item__image" src={assetUrl(item.image)} mode="aspectFill" />
            <View className="order-item__body">
              <Text className="order-item__name">{item.name}</Text>
              <View className="order-item__foot">
                <Text>{formatFen(item.priceFen)}</Text>
                <Text className="order-item__qty">×{item.quantity}</Text>
              </View>
            </View>
          </View>
        ))}
        <View className="order-amount">
          <Text>商品金额</Text>
          <Text>{formatFen(order.itemsTotalFen)}</Text>
        </View>
        <View className="order-amount">
          <Text>配送费</Text>
          <Text>{formatFen(order.deliveryFeeFen)}</Text>
        </View>
        <View className="order-amount order-amount--total">
          <Text>{order.paidAt ? '实付' : '应付'}</Text>
          <Text className="order-total">{formatFen(order.totalFen)}</Text>
        </View>
      </View>

      <View className="detail-section">
        <Text className="detail-section__title">订单信息</Text>
        <Text className="order-meta">订单号：{order.orderNo}</Text>
        <Text className="order-meta">下单时间：{formatDateTime(order.createdAt)}</Text>
        {order.paidAt && <Text className="order-meta">支付时间：{formatDateTime(order.paidAt)}</Text>}
        {order.note && <Text className="order-meta">备注：{order.note}</Text>}
      </View>

      <View className="detail-section">
        <Text className="detail-section__title">订单进度</Text>
        <Timeline events={order.timeline} />
      </View>

      {order.courier && <CourierCard order={order} />}

      <View className="order-help">
        <ActionButton size="small" className="contact-support-order" onClick={() => void openChat(order.id)}>
          联系客服
        </ActionButton>
        {order.status !== 'pending_payment' &&
          order.status !== 'cancelled' &&
          order.status !== 'refunded' && (
            <ActionButton
              size="small"
              className="apply-aftersales"
              onClick={() => void Taro.navigateTo({ url: `/pages/aftersales/new/index?orderId=${order.id}` })}
            >
              申请售后
            </ActionButton>
          )}
      </View>

      {hasActions && (
        <View className="order-actions">
          {actions.cancel && (
            <ActionButton className="cancel-button" disabled={cancelling} onClick={() => void cancel()}>
              取消订单
            </ActionButton>
          )}
          {actions.reschedule && (
            <ActionButton className="reschedule-button" onClick={() => setRescheduling(true)}>
              改约时间
            </ActionButton>
          )}
          {actions.pay && (
            <ActionButton
              kind="primary"
              className="pay-button"
              disabled={payment.starting}
              onClick={() => void payment.start(order.id)}
            >
              去支付 {formatFen(order.totalFen)}
            </ActionButton>
          )}
        </View>
      )}

      <RescheduleSheet
        order={order}
        open={rescheduling}
        onClose={() => setRescheduling(false)}
        onDone={(updated) => {
          setRescheduling(false);
          replace(updated);
        }}
      />
      <MockPaySheet
        open={payment.sheet !== null}
        amountFen={payment.sheet?.amountFen ?? order.totalFen}
        busy={payment.sheet?.busy ?? false}
        onConfirm={() => void payment.confirm()}
        onCancel={payment.cancel}
      />
    </View>
  );
}
