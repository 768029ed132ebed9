// Fits a value to what WeChat accepts in a subscription-message field of a given type (the key's
// prefix: thing1, amount2, …). WeChat rejects a whole message (47003) for one field over its rule,
// so values are shortened and cleaned here rather than sent and refused.
import { TEMPLATE_FIELD_KEY } from '@omni/shared-types';

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

/** The type of a template key, or null when it is not a WeChat field key. */
export function fieldTypeOf(key: string): FieldType | null {
  const m = TEMPLATE_FIELD_KEY.exec(key);
  return m ? (m[1] as FieldType) : null;
}

/** A value an event offers: text, money (fen), a moment, or a time range. */
export type NotifyValue =
  string | number | { fen: number } | { at: Date } | { from: Date; to: Date } | null | undefined;

// Emoji, pictographs, variation selectors, joiners and control characters: WeChat refuses them.
const UNSENDABLE =
  /\p{Extended_Pictographic}|\p{Cc}|\p{Cf}|\u{FE0E}|\u{FE0F}|\p{Emoji_Modifier}|[\u{E0020}-\u{E007F}]/gu;
const SHANGHAI_MS = 8 * 3600_000;

function clean(s: string): string {
  return s.replace(UNSENDABLE, '').replace(/\s+/g, ' ').trim();
}

/** At most `n` code points; longer text ends with "…" inside the limit. */
export function truncate(s: string, n: number): string {
  const cps = [...s];
  return cps.length <= n ? s : cps.slice(0, n - 1).join('') + '…';
}

function parts(d: Date): { y: number; mo: number; day: number; hh: string; mm: string } {
  const t = new Date(d.getTime() + SHANGHAI_MS);
  return {
    y: t.getUTCFullYear(),
    mo: t.getUTCMonth() + 1,
    day: t.getUTCDate(),
    hh: String(t.getUTCHours()).padStart(2, '0'),
    mm: String(t.getUTCMinutes()).padStart(2, '0'),
  };
}

/** `2026年12月8日 18:00` in Asia/Shanghai. */
export function shanghaiDateTime(d: Date): string {
  const p = parts(d);
  return `${p.y}年${p.mo}月${p.day}日 ${p.hh}:${p.mm}`;
}

/** `2026年12月8日 18:00~20:00` (or both dates when the range spans days). */
export function shanghaiRange(from: Date, to: Date): string {
  const a = parts(from);
  const b = parts(to);
  const sameDay = a.y === b.y && a.mo === b.mo && a.day === b.day;
  return sameDay
    ? `${a.y}年${a.mo}月${a.day}日 ${a.hh}:${a.mm}~${b.hh}:${b.mm}`
    : `${shanghaiDateTime(from)}~${shanghaiDateTime(to)}`;
}

function asText(v: NotifyValue): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return String(v);
  if ('fen' in v) return `¥${(v.fen / 100).toFixed(2)}`;
  if ('at' in v) return shanghaiDateTime(v.at);
  return shanghaiRange(v.from, v.to);
}

/** Keeps the characters `keep` matches, then at most `n` of them. */
function only(s: string, keep: RegExp, n: number): string {
  return [...s]
    .filter((c) => keep.test(c))
    .slice(0, n)
    .join('');
}

/**
 * The value to send in a field of `type`. Never empty (WeChat refuses an empty value): a value that
 * fits nothing becomes a neutral placeholder of that type.
 */
export function fitValue(type: FieldType, v: NotifyValue): string {
  const text = clean(asText(v));
  switch (type) {
    case 'thing':
      return truncate(text, 20) || '—';
    case 'phrase': {
      const han = only(text, /\p{Script=Han}/u, 5);
      return han || '通知';
    }
    case 'name': {
      const han = [...text].filter((c) => /\p{Script=Han}/u.test(c));
      if (han.length) return han.slice(0, 10).join('');
      return only(text, /[A-Za-z .·-]/, 20).trim() || '顾客';
    }
    case 'character_string':
      return only(text, /[\x21-\x7E]/, 32) || '-';
    case 'number': {
      if (typeof v === 'object' && v && 'fen' in v) return (v.fen / 100).toFixed(2);
      const m = /\d+(\.\d+)?/.exec(text.replace(/,/g, ''));
      return m ? m[0].slice(0, 32) : '0';
    }
    case 'letter':
      return only(text, /[A-Za-z]/, 32) || 'A';
    case 'symbol':
      return only(text, /[\p{P}\p{S}]/u, 5) || '-';
    case 'amount': {
      if (typeof v === 'object' && v && 'fen' in v) {
        const yuan = (Math.max(0, v.fen) / 100).toFixed(2);
        return yuan.replace('.', '').length <= 10 ? `¥${yuan}` : '¥9999999.99';
      }
      const m = /^[¥￥$]?(\d{1,8}(\.\d{1,2})?)元?$/.exec(text.replace(/,/g, ''));
      return m ? `¥${m[1]}` : '¥0.00';
    }
    case 'time':
    case 'date': {
      // A date field's range repeats the date on both ends; a time field's may give the end as HH:MM.
      if (type === 'date' && typeof v === 'object' && v && 'from' in v)
        return `${shanghaiDateTime(v.from)}~${shanghaiDateTime(v.to)}`;
      if (typeof v === 'object' && v && ('at' in v || 'from' in v)) return text;
      // Free text in a time field: only a value that already looks like a time is kept.
      return /^\d{4}年\d{1,2}月\d{1,2}日( \d{2}:\d{2})?(~.*)?$|^\d{1,2}:\d{2}(~\d{1,2}:\d{2})?$/.test(text)
        ? text
        : shanghaiDateTime(new Date());
    }
    case 'phone_number': {
      const phone = text.replace(/[\s()]/g, '');
      return /^\+?[0-9*-]{3,17}$/.test(phone) ? phone : '-';
    }
    case 'car_number': {
      const plate = text.replace(/[\s·-]/g, '').toUpperCase();
      return /^[\p{Script=Han}A-Z0-9][A-Z0-9]{0,6}[\p{Script=Han}A-Z0-9]?$/u.test(plate) &&
        [...plate].length <= 8
        ? plate
        : '无';
    }
  }
}

/**
 * The `data` of a message: each configured key filled from the event's variables. Keys whose
 * variable the event lacks are left out here and reported (the template is misconfigured).
 */
export function fitFields(
  fields: Record<string, string>,
  vars: Record<string, NotifyValue>,
): { data: Record<string, { value: string }>; missing: string[] } {
  const data: Record<string, { value: string }> = {};
  const missing: string[] = [];
  for (const [key, variable] of Object.entries(fields)) {
    const type = fieldTypeOf(key);
    if (!type || !(variable in vars)) {
      missing.push(key);
      continue;
    }
    data[key] = { value: fitValue(type, vars[variable]) };
  }
  return { data, missing };
}

/** `138****1234`: a phone number as WeChat allows it in shipping contacts. */
export function maskPhone(phone: string | null | undefined): string | undefined {
  const d = (phone ?? '').replace(/\D/g, '');
  if (d.length < 7) return undefined;
  return `${d.slice(0, 3)}****${d.slice(-4)}`;
}
