import type { MpError } from './mp-token';

// 发货信息录入 (POST /wxa/sec/order/upload_shipping_info). Error codes from WeChat's table on
// https://developers.weixin.qq.com/miniprogram/dev/server/API/order_shipping/api_uploadshippinginfo.html
// (also on …/platform-capabilities/business-capabilities/order-shipping/order-shipping.html):
//        -1 system error, 系统繁忙                      10060001 支付单不存在
//  10060002 支付单已完成发货，无法继续发货                10060003 支付单已使用重新发货机会
//  10060004 支付单处于不可发货的状态                      10060005 物流类型有误
//  10060006 非快递发货时不允许分拆发货                    10060007 分拆发货模式下必须填写 is_all_delivered 字段
//  10060008 商品描述 item_desc 字段不能为空               10060009 商品描述 item_desc 字段太长
//  10060012 系统错误 (busy)    10060014 参数错误          10060019 系统错误 (busy)
//  10060020 没有任何商品描述的情况下不允许完成发货         10060023 发货信息未更新
//  10060024 物流信息列表太长 (> 15)                       10060025 物流公司编码太长
//  10060026 物流单号太长                                  10060031 该笔支付单不属于 openid 所指定的用户
// 268485194 订单单号类型非法     268485195 微信支付单号形式下 transaction_id 字段不能为空
// 268485196 商户侧单号形式下 mchid 字段不能为空      268485197 商户侧单号形式下 out_trade_no 字段不能为空
// 268485216 上传时间非法，请按照 RFC 3339 格式填写   268485224 发货模式非法
// 268485226 物流单号不能为空     268485227 物流公司编码不能为空
// 268485228 统一发货模式下，物流信息列表长度必须为1
// A body whose fields have the wrong JSON types (shipping_list an object, say) is refused by WeChat with
// 47001 "data format error" before any of these, as developers report on the community forum.

const err = (errcode: number, errmsg: string): MpError => ({ errcode, errmsg });
const FORMAT = err(47001, 'data format error');

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const text = (v: unknown): v is string => typeof v === 'string' && v.length > 0;
const bytes = (v: string): number => Buffer.byteLength(v, 'utf8');

/**
 * RFC 3339 with seconds and an offset (`2022-12-15T13:29:35.120+08:00`, `…Z`), a real instant. WeChat
 * has been seen taking `+0800` too; the mock holds clients to the documented format.
 */
export const isRfc3339 = (v: unknown): boolean =>
  typeof v === 'string' &&
  /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])T([01]\d|2[0-3]):[0-5]\d:[0-5]\d(\.\d{1,9})?(Z|[+-]([01]\d|2[0-3]):[0-5]\d)$/.test(
    v,
  ) &&
  !Number.isNaN(Date.parse(v));

/**
 * A contact as WeChat wants it: masked, the last 4 digits shown (`138****1234`, `021-****1234`). An
 * unmasked phone number is personal data WeChat refuses.
 */
const isMaskedContact = (v: unknown): boolean =>
  typeof v === 'string' && v.length <= 1024 && v.includes('*') && /^[0-9*+\- ]+$/.test(v);

/** Which payment an upload is for: the transaction id, or merchant id + out_trade_no. */
export function shippingOrderKey(b: Record<string, unknown>): string {
  const k = b.order_key as Record<string, unknown>;
  return k.order_number_type === 2
    ? `tx:${String(k.transaction_id)}`
    : `mch:${String(k.mchid)}:${String(k.out_trade_no)}`;
}

/** The id a missing-payment check looks at (transaction_id, or out_trade_no for type 1). */
export function shippingPaymentId(b: Record<string, unknown>): string {
  const k = b.order_key as Record<string, unknown>;
  return String(k.order_number_type === 2 ? k.transaction_id : k.out_trade_no);
}

/** Why WeChat refuses this upload's shape and fields (not yet whether the payment exists), or null. */
export function shippingProblem(b: unknown): MpError | null {
  if (!isObject(b) || !isObject(b.order_key) || !Array.isArray(b.shipping_list) || !isObject(b.payer)) {
    return FORMAT;
  }
  const k = b.order_key;
  if (k.order_number_type !== 1 && k.order_number_type !== 2) return err(268485194, '订单单号类型非法');
  if (k.order_number_type === 2 && !text(k.transaction_id)) {
    return err(268485195, '微信支付单号形式下 transaction_id 字段不能为空');
  }
  if (k.order_number_type === 1 && !text(k.mchid))
    return err(268485196, '商户侧单号形式下 mchid 字段不能为空');
  if (k.order_number_type === 1 && !text(k.out_trade_no)) {
    return err(268485197, '商户侧单号形式下 out_trade_no 字段不能为空');
  }
  if (![1, 2, 3, 4].includes(b.logistics_type as number)) return err(10060005, '物流类型有误');
  if (b.delivery_mode !== 1 && b.delivery_mode !== 2) return err(268485224, '发货模式非法');
  if (b.is_all_delivered !== undefined && typeof b.is_all_delivered !== 'boolean') return FORMAT;
  if (b.delivery_mode === 2 && b.logistics_type !== 1) return err(10060006, '非快递发货时不允许分拆发货');
  if (b.delivery_mode === 2 && b.is_all_delivered === undefined) {
    return err(10060007, '分拆发货模式下必须填写 is_all_delivered 字段');
  }
  const list = b.shipping_list;
  if (list.length > 15) return err(10060024, '物流信息列表太长');
  if (b.delivery_mode === 1 && list.length !== 1)
    return err(268485228, '统一发货模式下，物流信息列表长度必须为1');
  if (list.length === 0) return err(10060014, '参数错误, shipping_list 不能为空');
  for (const item of list) {
    const p = itemProblem(item, b.logistics_type === 1);
    if (p) return p;
  }
  if (!isRfc3339(b.upload_time)) return err(268485216, '上传时间非法，请按照 RFC 3339 格式填写');
  if (!text(b.payer.openid) || bytes(b.payer.openid) > 128)
    return err(10060014, '参数错误, payer.openid 不合法');
  return null;
}

/** One parcel of shipping_list; tracking number and carrier are required for express (logistics_type 1). */
function itemProblem(item: unknown, express: boolean): MpError | null {
  if (!isObject(item)) return FORMAT;
  for (const f of ['tracking_no', 'express_company', 'item_desc'] as const) {
    if (item[f] !== undefined && typeof item[f] !== 'string') return FORMAT;
  }
  const desc = item.item_desc as string | undefined;
  if (!desc || !desc.trim()) return err(10060008, '商品描述 item_desc 字段不能为空');
  if ([...desc].length > 120) return err(10060009, '商品描述 item_desc 字段太长');
  if (express && !item.tracking_no) return err(268485226, '物流单号不能为空');
  if (express && !item.express_company) return err(268485227, '物流公司编码不能为空');
  if (item.tracking_no && bytes(item.tracking_no as string) > 128) return err(10060026, '物流单号太长');
  if (item.express_company && bytes(item.express_company as string) > 128)
    return err(10060025, '物流公司编码太长');
  if (item.contact === undefined) return null;
  if (!isObject(item.contact)) return FORMAT;
  for (const f of ['consignor_contact', 'receiver_contact'] as const) {
    const v = item.contact[f];
    if (v !== undefined && !isMaskedContact(v))
      return err(10060014, `参数错误, ${f} 须掩码传输，如 138****1234`);
  }
  return null;
}
