import { ApiError, messageFor } from '../../services/request';

/** What the checkout does after a failed 提交订单. */
export type RecoveryAction = 'reload-slots' | 'pick-address' | 'suggest-pickup' | 'retry' | 'none';

/** A failed order explained for the buyer. */
export interface OrderFailure {
  message: string;
  action: RecoveryAction;
}

interface ShortItem {
  productId?: unknown;
  name?: unknown;
  requested?: unknown;
  available?: unknown;
  max?: unknown;
}

function detailItems(details: unknown): ShortItem[] {
  const items = (details as { items?: unknown } | null | undefined)?.items;
  return Array.isArray(items) ? (items as ShortItem[]) : [];
}

function nameOf(item: ShortItem, names: Map<number, string>): string {
  if (typeof item.name === 'string' && item.name) return item.name;
  return (typeof item.productId === 'number' && names.get(item.productId)) || '部分商品';
}

const FIELD_TEXT: Record<string, string> = {
  contactName: '收货人',
  phone: '手机号',
  address: '收货地址',
  detail: '门牌号',
  note: '备注',
  slotId: '配送时段',
  storeId: '自提门店',
};

function fieldNames(details: unknown): string[] {
  const fields = (details as { fields?: unknown } | null | undefined)?.fields;
  if (!Array.isArray(fields)) return [];
  const out = new Set<string>();
  fields.forEach((f) => {
    const path = String((f as { path?: unknown })?.path ?? '');
    const key = Object.keys(FIELD_TEXT).find((k) => path.split('.').includes(k));
    if (key) out.add(FIELD_TEXT[key]);
  });
  return [...out];
}

/** Turns a failed `POST /orders` into Chinese text naming what is wrong, and the next step. */
export function explainOrderError(err: unknown, names: Map<number, string>): OrderFailure {
  if (!(err instanceof ApiError)) return { message: messageFor('INTERNAL'), action: 'retry' };
  switch (err.code) {
    case 'OUT_OF_STOCK': {
      const items = detailItems(err.details);
      if (!items.length) return { message: '部分商品库存不足，请减少数量后重试', action: 'none' };
      const parts = items.map((i) =>
        typeof i.available === 'number' ? `${nameOf(i, names)}（仅剩 ${i.available} 件）` : nameOf(i, names),
      );
      return { message: `库存不足：${parts.join('、')}，请修改数量或换个门店`, action: 'none' };
    }
    case 'QUANTITY_LIMIT': {
      const items = detailItems(err.details);
      const parts = items.map((i) =>
        typeof i.max === 'number' ? `${nameOf(i, names)} 每单限购 ${i.max} 件` : nameOf(i, names),
      );
      return {
        message: parts.length ? `超出限购：${parts.join('、')}` : messageFor('QUANTITY_LIMIT'),
        action: 'none',
      };
    }
    case 'PRODUCT_NOT_FOUND':
      return { message: '部分商品已下架，请返回购物车修改后重试', action: 'none' };
    case 'SLOT_FULL':
      return { message: '该时段刚刚约满了，已为你刷新时段，请重新选择', action: 'reload-slots' };
    case 'SLOT_CUTOFF_PASSED':
      return { message: '该时段已截止预约，已为你刷新时段，请重新选择', action: 'reload-slots' };
    case 'SLOT_NOT_FOUND':
    case 'SLOT_ZONE_MISMATCH':
      return { message: '配送时段与收货地址不匹配，请重新选择时段', action: 'reload-slots' };
    case 'OUT_OF_DELIVERY_AREA':
      return { message: '该地址不在配送范围内，可以改为到店自提', action: 'suggest-pickup' };
    case 'STORE_NOT_FOUND':
      return { message: '该门店暂不支持自提，请选择其他门店', action: 'none' };
    case 'VALIDATION_FAILED': {
      const fields = fieldNames(err.details);
      return {
        message: fields.length ? `请检查：${fields.join('、')}` : '订单信息有误，请检查后重试',
        action: 'none',
      };
    }
    case 'NETWORK_ERROR':
    case 'TIMEOUT':
    case 'INTERNAL':
    case 'BAD_RESPONSE':
    case 'IDEMPOTENCY_IN_PROGRESS':
      return { message: `${err.message}（再次提交不会重复下单）`, action: 'retry' };
    default:
      return { message: err.message, action: 'none' };
  }
}
