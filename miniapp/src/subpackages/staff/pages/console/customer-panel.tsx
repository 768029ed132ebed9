import { Text, View } from '@tarojs/components';
import type { Conversation, HandoffSummary } from '@omni/shared-types';
import { CASE_STATUS_TEXT, CASE_TYPE_TEXT } from '../../../../services/aftersales';
import { formatFen } from '../../../../utils/money';
import type { CustomerContext } from './use-console';

const REASON_TEXT: Record<HandoffSummary['reason'], string> = {
  low_confidence: '机器人没听懂',
  human_agent: '顾客要求转人工',
  complaint: '投诉',
  unresolved: '机器人多次未解决',
  outside_hours: '非服务时间留言',
};

/** The bot's intent labels in Chinese (unknown ones are shown as they come). */
const INTENT_TEXT: Record<string, string> = {
  order_status: '查订单',
  change_slot: '改配送时间',
  cancel_order: '取消订单',
  return_refund: '退货退款',
  exchange: '换货',
  invoice: '发票',
  store_hours: '门店营业时间',
  store_nearby: '附近门店',
  product_question: '商品咨询',
  product_recommend: '商品推荐',
  stock_check: '查库存',
  delivery_fee: '配送费',
  payment_issue: '支付问题',
  complaint: '投诉',
  human_agent: '转人工',
  promotion: '优惠活动',
  address_change: '改地址',
  greeting: '打招呼',
  thanks: '致谢',
  out_of_scope: '其他',
};

/** What the bot handed over, and the customer's order and its cases, beside the chat. */
export function CustomerPanel({
  conversation,
  context,
}: {
  conversation: Conversation;
  context: CustomerContext;
}) {
  const s = conversation.summary;
  const { order, cases } = context;
  return (
    <View className="customer-panel">
      {s && (
        <View className="handoff-summary">
          <Text className="panel-title">机器人摘要</Text>
          <Text className="handoff-summary__reason">转人工原因：{REASON_TEXT[s.reason] ?? s.reason}</Text>
          {s.intent && (
            <Text className="handoff-summary__intent">意图：{INTENT_TEXT[s.intent] ?? s.intent}</Text>
          )}
          {s.orderNo && <Text className="handoff-summary__order">订单号：{s.orderNo}</Text>}
          {s.lastCustomerMessages.length > 0 && <Text className="handoff-summary__label">顾客最近说：</Text>}
          {s.lastCustomerMessages.map((m, i) => (
            <Text key={i} className="handoff-summary__message">
              “{m}”
            </Text>
          ))}
        </View>
      )}
      {context.error && <Text className="panel-error">{context.error}</Text>}
      {order && (
        <View className="customer-order" data-id={order.id}>
          <Text className="panel-title">订单 {order.orderNo}</Text>
          <Text className="customer-order__status">
            {order.statusText} · {formatFen(order.totalFen)} · {order.type === 'delivery' ? '配送' : '自提'}
          </Text>
          {order.slot && (
            <Text className="customer-order__slot">
              配送时段 {order.slot.date} {order.slot.label}
            </Text>
          )}
          {order.items.map((i) => (
            <Text key={i.productId} className="customer-order__item">
              {i.name} ×{i.quantity}
            </Text>
          ))}
        </View>
      )}
      {order && (
        <View className="customer-cases">
          <Text className="panel-title">售后单</Text>
          {cases.length === 0 && <Text className="customer-cases__empty">暂无</Text>}
          {cases.map((c) => (
            <Text key={c.id} className="customer-case" data-id={c.id}>
              {c.caseNo} · {CASE_TYPE_TEXT[c.type]} · {CASE_STATUS_TEXT[c.status]}
              {c.overdue ? ' · 已超时' : ''}
            </Text>
          ))}
        </View>
      )}
    </View>
  );
}
