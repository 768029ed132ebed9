// WeChat's rules for the values of a subscription message (订阅消息参数值内容限制说明), by the key's
// prefix (`thing1`, `character_string4`, …), as listed under subscribeMessage.send:
// https://developers.weixin.qq.com/miniprogram/dev/OpenApiDoc/mp-message-management/subscribe-message/sendMessage.html
// Lengths count code points, as WeChat counts characters (a Chinese character is one).

/** A data key WeChat knows: a field-type prefix and its 1–3 digit number. */
export const MP_FIELD_KEY =
  /^(thing|number|letter|symbol|character_string|time|date|amount|phone_number|car_number|name|phrase)[0-9]{1,3}$/;

const HAN = /^\p{Script=Han}$/u;
const LETTER = /^[A-Za-z]$/;
const ALNUM = /^[A-Za-z0-9]$/;
// Emoji, flags, variation selectors, control and zero-width characters: WeChat refuses them in text fields.
const NOT_TEXT = /[\p{Cc}\p{Cf}\p{Extended_Pictographic}\p{Regional_Indicator}\u{FE0E}\u{FE0F}\u{20E3}]/u;
const SYMBOLS = /^[\p{P}\p{S}]+$/u;

const chars = (v: string): string[] => [...v];
const all = (v: string, re: RegExp): boolean => chars(v).every((c) => re.test(c));

// A date as WeChat shows it (`2019年10月1日`); the ISO-like `2019-10-01` and `2019/10/01` are accepted too.
const DATE = String.raw`(\d{4})(?:年(\d{1,2})月(\d{1,2})日|-(\d{1,2})-(\d{1,2})|/(\d{1,2})/(\d{1,2}))`;
// 24-hour time, seconds optional.
const TIME = String.raw`([01]?\d|2[0-3]):[0-5]\d(?::[0-5]\d)?`;
const TIME_POINT = new RegExp(String.raw`^(?:${DATE}\s*)?${TIME}$`);
const DATE_POINT = new RegExp(String.raw`^${DATE}(?:\s*${TIME})?$`);

/** Whether a matched date has a real month (1–12) and day (1–31). */
function calendarOk(m: RegExpExecArray): boolean {
  if (m[1] === undefined) return true; // time without a date
  const month = Number(m[2] ?? m[4] ?? m[6]);
  const day = Number(m[3] ?? m[5] ?? m[7]);
  return month >= 1 && month <= 12 && day >= 1 && day <= 31;
}

/** One point in time, or a range of two joined with `~`. */
function pointOrRange(v: string, point: RegExp): boolean {
  const parts = v.split('~');
  if (parts.length > 2) return false;
  return parts.every((p) => {
    const m = point.exec(p.trim());
    return m !== null && calendarOk(m);
  });
}

const RULES: Record<string, (v: string) => boolean> = {
  // 20 characters or fewer: Chinese, letters, digits, symbols.
  thing: (v) => chars(v).length <= 20 && !NOT_TEXT.test(v),
  // 32 digits or fewer, a decimal part allowed.
  number: (v) => /^\d+(\.\d+)?$/.test(v) && v.replace('.', '').length <= 32,
  letter: (v) => v.length <= 32 && all(v, LETTER),
  symbol: (v) => chars(v).length <= 5 && SYMBOLS.test(v) && !NOT_TEXT.test(v),
  // 32 or fewer digits, letters or (ASCII) symbols; no Chinese, no spaces.
  character_string: (v) => /^[\x21-\x7e]{1,32}$/.test(v),
  // `15:01`, `2019年10月1日 15:01`, `15:01~16:01` (a date is optional).
  time: (v) => pointOrRange(v, TIME_POINT),
  // `2019年10月1日`, `2019年10月1日 15:01`, `2019年10月1日~2019年10月2日` (a time is optional).
  date: (v) => pointOrRange(v, DATE_POINT),
  // One currency symbol, up to 10 digits, up to 2 decimals, an optional trailing 元: `¥12.50`, `￥8元`.
  amount: (v) => /^[¥￥$]\d{1,10}(\.\d{1,2})?元?$/.test(v),
  // 17 or fewer digits and ASCII symbols: `+86-0766-66888866`, `138****1234`.
  phone_number: (v) => /^[0-9\x21-\x2f\x3a-\x40\x5b-\x60\x7b-\x7e]{1,17}$/.test(v),
  // 8 or fewer; the first and the last may be Chinese, the others letters or digits: `粤A8Z888挂`.
  car_number: (v) => {
    const c = chars(v);
    return (
      c.length <= 8 && c.every((ch, i) => ALNUM.test(ch) || ((i === 0 || i === c.length - 1) && HAN.test(ch)))
    );
  },
  // 10 or fewer Chinese characters (mixed with letters counts as Chinese), or 20 or fewer letters/symbols.
  name: (v) => {
    const c = chars(v);
    if (c.some((ch) => HAN.test(ch)))
      return c.length <= 10 && c.every((ch) => HAN.test(ch) || LETTER.test(ch) || ch === '·');
    return c.length <= 20 && /^[A-Za-z \p{P}\p{S}]+$/u.test(v) && !NOT_TEXT.test(v);
  },
  // 5 or fewer Chinese characters only: `配送中`.
  phrase: (v) => chars(v).length <= 5 && all(v, HAN),
};

/**
 * Why WeChat refuses `value` for the data key `key`: `empty` (missing or blank), `invalid` (breaks the
 * rule of the key's prefix, or the key has no known prefix), or null when it is accepted.
 */
export function fieldValueProblem(key: string, value: unknown): 'empty' | 'invalid' | null {
  if (value === undefined || value === null || value === '') return 'empty';
  const m = MP_FIELD_KEY.exec(key);
  if (!m || typeof value !== 'string') return 'invalid';
  return RULES[m[1]!]!(value) ? null : 'invalid';
}
