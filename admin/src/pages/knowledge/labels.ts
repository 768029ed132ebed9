// Chinese names of FAQ topics, product relation kinds and the support bot's intents.
import type { FaqCategory, ProductEdgeKind } from '@omni/shared-types';

export const CATEGORY_TEXT: Record<FaqCategory, string> = {
  returns: '退换货',
  delivery: '配送',
  invoice: '发票',
  membership: '会员',
  coupons: '优惠券',
  payment: '支付',
  pickup: '自提',
  orders: '订单',
  account: '账号',
  products: '商品',
  general: '其他',
};

export const KIND_TEXT: Record<ProductEdgeKind, { text: string; color: string; hint: string }> = {
  complement: { text: '搭配', color: 'blue', hint: '一起用效果更好' },
  substitute: { text: '替代', color: 'orange', hint: '缺货时可推荐' },
  upgrade: { text: '升级', color: 'purple', hint: '更好的一款' },
  accessory: { text: '配件', color: 'cyan', hint: '附加的小件' },
  same_series: { text: '同系列', color: 'green', hint: '同一产品线' },
};

/** What the back office creates (the other kinds come from the demo graph). */
export const EDITABLE_KINDS: ProductEdgeKind[] = ['complement', 'substitute', 'upgrade'];

/** The bot's intents, as a person reads them (unknown ones show as they are). */
export const INTENT_TEXT: Record<string, string> = {
  order_status: '查询订单状态',
  change_slot: '修改配送时段',
  cancel_order: '取消订单',
  return_refund: '退货退款',
  exchange: '换货',
  invoice: '发票',
  store_hours: '门店营业时间',
  store_nearby: '附近门店',
  product_question: '商品咨询',
  product_recommend: '商品推荐',
  stock_check: '查询库存',
  delivery_fee: '配送费',
  payment_issue: '支付问题',
  complaint: '投诉',
  human_agent: '转人工',
  promotion: '优惠活动',
  address_change: '修改地址',
  greeting: '问候',
  thanks: '致谢',
  out_of_scope: '超出范围',
};
