/**
 * Order numbers: 12-20 digits, or a letter prefix O / DD / NO plus 6-20 digits (O20261124088), or any
 * 1-20 digit number right after a word like 订单 / 单号 / order.
 */
const PREFIXED_ORDER = /(?<![a-z0-9])(?:o|dd|no)[-_]?(\d{6,20})(?!\d)/g;
const LONG_ORDER = /(?<![a-z0-9])\d{12,20}(?!\d)/g;
const AFTER_ORDER_WORD =
  /(?:订单号?|单号|单子|order(?:\s*(?:no\.?|number|id))?)\s*(?:是|为|:|#|号)?\s*(\d{1,20})(?!\d)/g;

/** Mainland mobile numbers, optionally +86 / 86 prefixed, with optional spaces or dashes as 3-4-4. */
const MOBILE = /(?<!\d)(?:\+?86[-\s]?)?(1[3-9]\d)[-\s]?(\d{4})[-\s]?(\d{4})(?!\d)/g;

/** Order numbers mentioned in canonical text, upper-cased, in order of appearance, without duplicates. */
export function extractOrderIds(canonical: string): string[] {
  const found: { at: number; end: number; id: string }[] = [];
  for (const m of canonical.matchAll(PREFIXED_ORDER)) {
    found.push({ at: m.index, end: m.index + m[0].length, id: m[0].replace(/[-_]/, '').toUpperCase() });
  }
  for (const m of canonical.matchAll(LONG_ORDER)) {
    // 86 + a mobile number is a phone, not an order.
    if (!/^861[3-9]\d{9}$/.test(m[0])) found.push({ at: m.index, end: m.index + m[0].length, id: m[0] });
  }
  for (const m of canonical.matchAll(AFTER_ORDER_WORD)) {
    const at = m.index + m[0].length - m[1].length;
    // An 11-digit mobile number after 订单 is still a phone number, not an order.
    if (!/^1[3-9]\d{9}$/.test(m[1])) found.push({ at, end: at + m[1].length, id: m[1] });
  }
  found.sort((a, b) => a.at - b.at);
  const ids: string[] = [];
  let coveredTo = -1;
  for (const { at, end, id } of found) {
    if (at < coveredTo) continue;
    coveredTo = end;
    if (!ids.includes(id)) ids.push(id);
  }
  return ids;
}

/** Mainland mobile numbers in canonical text as 11 plain digits, in order, without duplicates. */
export function extractPhones(canonical: string): string[] {
  const phones: string[] = [];
  for (const m of canonical.matchAll(MOBILE)) {
    const phone = `${m[1]}${m[2]}${m[3]}`;
    if (!phones.includes(phone)) phones.push(phone);
  }
  return phones;
}

/** Masks a phone number for logs, keeping the first 3 and last 4 digits: 13812345678 -> 138****5678. */
export function maskPhone(phone: string): string {
  const digits = phone.replace(/\D/g, '').replace(/^86(?=1\d{10}$)/, '');
  if (digits.length < 7) return '*'.repeat(digits.length);
  return `${digits.slice(0, 3)}${'*'.repeat(digits.length - 7)}${digits.slice(-4)}`;
}

/** Replaces every mobile number in free text with its masked form, for logging chat messages. */
export function maskPhonesInText(text: string): string {
  return text.replace(MOBILE, (_m, a: string, b: string, c: string) => maskPhone(`${a}${b}${c}`));
}
