// WeChat's subscription-message field types (the key's prefix: `thing1`, `amount2`…), the rule of
// each in Chinese, and a preview of a template with sample values roughly fitted to those rules.
// Only a preview: the BFF does the real fitting when it sends.
import { NOTIFY_EVENTS, TEMPLATE_FIELD_KEY, type NotifyEvent } from '@omni/shared-types';

export type FieldType =
  | 'thing'
  | 'number'
  | 'letter'
  | 'symbol'
  | 'character_string'
  | 'time'
  | 'date'
  | 'amount'
  | 'phone_number'
  | 'car_number'
  | 'name'
  | 'phrase';

/** The type of a WeChat field key (`character_string4` → `character_string`); null when it is not one. */
export function fieldType(key: string | undefined | null): FieldType | null {
  const m = TEMPLATE_FIELD_KEY.exec((key ?? '').trim());
  return m ? (m[1] as FieldType) : null;
}

/** What WeChat accepts in a field of each type (shown under the key). */
export const FIELD_RULE_TEXT: Record<FieldType, string> = {
  thing: '事物：20 个字以内',
  phrase: '短语：5 个汉字以内',
  amount: '金额：如 ¥12.50',
  time: '时间：如 2026年12月8日 18:00',
  date: '日期：如 2026年12月8日',
  character_string: '字符串：32 位以内字母数字',
  number: '数字：32 位以内数字',
  letter: '字母：32 位以内字母',
  symbol: '符号：5 位以内符号',
  name: '姓名：10 个汉字以内（纯字母 20 位以内）',
  phone_number: '电话：17 位以内数字、符号',
  car_number: '车牌：8 位以内，如 沪A12345',
};

export const KEY_MESSAGE = '字段名须为微信模板的关键词，如 thing1、amount2';

/** Sample values of the events' variables, for the preview (per-event ones first). */
const SAMPLE: Record<string, string> = {
  orderNo: '2026120812345678',
  items: '草莓奶油蛋糕 等 2 件',
  amount: '¥128.00',
  slot: '12月8日 18:00–20:00',
  oldSlot: '12月8日 16:00–18:00',
  store: '徐汇旗舰店',
  paidAt: '2026年12月8日 15:32',
  courier: '王师傅',
  courierPhone: '138****5678',
  eta: '12月8日 18:40',
  status: '配送中',
  deliveredAt: '2026年12月8日 18:36',
  hint: '蛋糕请尽快冷藏，两小时内食用风味最佳，祝您用餐愉快',
  reason: '联系不上收货人',
  next: '门店将与您联系重新安排配送',
  at: '2026年12月8日 18:50',
  address: '上海市徐汇区漕溪北路 88 号',
  pickupCode: '6813',
  by: '门店',
  caseNo: 'AS202612080001',
  kind: '退款',
  note: '门店已确认，退款将原路返回',
  result: '已退款',
  agent: '客服小米',
  reply: '您好，订单已为您加急处理，预计今晚 8 点前送达，请留意电话',
  customer: '张女士',
  date: '2026年12月9日',
  stops: '18',
  firstEta: '2026年12月9日 09:20',
};

const SAMPLE_BY_EVENT: Partial<Record<NotifyEvent, Record<string, string>>> = {
  delivered: { status: '已送达' },
  delivery_failed: { status: '配送未成功' },
  ready_for_pickup: { status: '待自提' },
  aftersales_opened: { status: '待处理' },
  aftersales_updated: { status: '处理中' },
  aftersales_resolved: { amount: '¥36.00' },
  staff_lbs_event: { kind: '顾客到店自提' },
};

/** The preview's sample value of an event's variable. */
export const sampleValue = (event: NotifyEvent, variable: string): string =>
  SAMPLE_BY_EVENT[event]?.[variable] ??
  SAMPLE[variable] ??
  `示例${NOTIFY_EVENTS[event]?.vars[variable] ?? ''}`;

const chars = (s: string) => [...s];
const cut = (s: string, n: number, ellipsis = false) => {
  const c = chars(s);
  if (c.length <= n) return s;
  return ellipsis ? `${c.slice(0, n - 1).join('')}…` : c.slice(0, n).join('');
};

/** A value roughly fitted to a field type's rule (thing: 20 chars with …, phrase: 5, amount: ¥x.xx…). */
export function fitValue(type: FieldType | null, value: string): string {
  const v = value.trim();
  switch (type) {
    case 'thing':
      return cut(v, 20, true);
    case 'phrase':
      return cut(v.replace(/[^\u4e00-\u9fff]/g, ''), 5);
    case 'symbol':
      return cut(v, 5);
    case 'character_string':
    case 'letter':
      return cut(v.replace(/\s+/g, ''), 32);
    case 'number': {
      const n = /[0-9]+(\.[0-9]+)?/.exec(v);
      return n ? cut(n[0], 32) : v;
    }
    case 'amount': {
      const n = /[0-9]+(\.[0-9]+)?/.exec(v.replace(/,/g, ''));
      return n ? `¥${Number(n[0]).toFixed(2)}` : v;
    }
    case 'time':
    case 'date':
      // A range is written with "~" in WeChat's time fields.
      return v.replace(/\s*[–—-]\s*/g, '~');
    case 'name':
      return /[\u4e00-\u9fff]/.test(v) ? cut(v, 10) : cut(v, 20);
    case 'phone_number':
      return cut(v.replace(/\s+/g, ''), 17);
    case 'car_number':
      return cut(v.replace(/\s+/g, ''), 8);
    default:
      return v;
  }
}

export interface FieldRow {
  key?: string;
  var?: string;
}

export interface PreviewLine {
  key: string;
  /** The variable's Chinese label (the line's caption). */
  label: string;
  value: string;
  /** True when fitting changed the sample (truncated or reformatted). */
  fitted: boolean;
}

/** The lines of the preview card: one per complete row, the sample value fitted to the key's type. */
export function previewLines(event: NotifyEvent, rows: (FieldRow | undefined)[] | undefined): PreviewLine[] {
  const vars = NOTIFY_EVENTS[event]?.vars ?? {};
  return (rows ?? []).flatMap((r) => {
    const key = r?.key?.trim();
    if (!key || !r?.var) return [];
    const raw = sampleValue(event, r.var);
    const value = fitValue(fieldType(key), raw);
    return [{ key, label: vars[r.var] ?? r.var, value, fitted: value !== raw }];
  });
}
