import { randomInt } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

/** What a route answers: JSON (platform-signed), or a raw file that WeChat does not sign (bill downloads). */
export interface Answer {
  status: number;
  body?: unknown;
  file?: { contentType: string; text: string };
}

/** A WeChat APIv3 error answer `{ code, message }`. */
export const fail = (status: number, code: string, message: string): Answer => ({
  status,
  body: { code, message },
});

/** `n` random decimal digits (WeChat ids are long digit strings). */
export const digits = (n: number): string => Array.from({ length: n }, () => randomInt(10)).join('');

/** Whether `v` is a positive whole number of fen. */
export const isFen = (v: unknown): v is number => Number.isSafeInteger(v) && (v as number) > 0;

/** Whether `v` is a non-empty string of at most `max` characters. */
export const isText = (v: unknown, max: number): v is string =>
  typeof v === 'string' && v.length > 0 && [...v].length <= max;

/** Whether `v` is an absolute http(s) URL without query or fragment, as WeChat wants notify_url. */
export const isNotifyUrl = (v: unknown): v is string =>
  typeof v === 'string' && /^https?:\/\/[^?#\s]+$/.test(v);

/** RFC 3339 in Beijing time, as WeChat writes times. */
export function rfc3339(date: Date): string {
  return new Date(date.getTime() + 8 * 3600_000).toISOString().slice(0, 19) + '+08:00';
}

/** Parses a JSON object body, or the PARAM_ERROR answer that refuses it. */
export function jsonObject(
  raw: string,
): { ok: true; value: Record<string, unknown> } | { ok: false; answer: Answer } {
  let b: unknown;
  try {
    b = JSON.parse(raw);
  } catch {
    return { ok: false, answer: fail(400, 'PARAM_ERROR', '请求体不是合法的 JSON') };
  }
  if (typeof b !== 'object' || b === null || Array.isArray(b)) {
    return { ok: false, answer: fail(400, 'PARAM_ERROR', '请求体必须是 JSON 对象') };
  }
  return { ok: true, value: b as Record<string, unknown> };
}

/** The whole request body as UTF-8. */
export async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** POSTs a notify the way WeChat does (10 s timeout) and returns the receiver's answer. */
export async function postNotify(n: {
  url: string;
  headers: Record<string, string>;
  body: string;
}): Promise<{ status: number; body: string }> {
  const res = await fetch(n.url, {
    method: 'POST',
    headers: n.headers,
    body: n.body,
    signal: AbortSignal.timeout(10_000),
  });
  return { status: res.status, body: await res.text() };
}
