import Taro from '@tarojs/taro';
import { ERROR_CODES, type ErrorCode } from '@omni/shared-types';
import type { z } from 'zod';
import { API_BASE, API_PREFIX, REQUEST_TIMEOUT_MS } from '../config';
import { clearSession, getSession } from './session';

/** Failures detected by the client itself, before or after the BFF answered. */
export type ClientErrorCode = 'NETWORK_ERROR' | 'TIMEOUT' | 'BAD_RESPONSE';

/** Every code an API call can fail with; pages switch on it, never on the text. */
export type ApiErrorCode = ErrorCode | ClientErrorCode;

/** A failed API call; `message` is Chinese text fit to show to the user. */
export class ApiError extends Error {
  constructor(
    readonly code: ApiErrorCode,
    message: string,
    /** HTTP status, 0 when no answer arrived. */
    readonly status: number,
    readonly details?: unknown,
    readonly requestId?: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

const MESSAGES: Partial<Record<ApiErrorCode, string>> = {
  NETWORK_ERROR: '网络不给力，请检查网络后重试',
  TIMEOUT: '请求超时，请稍后重试',
  BAD_RESPONSE: '服务返回异常，请稍后重试',
  VALIDATION_FAILED: '请求参数有误',
  BAD_JSON: '请求参数有误',
  ROUTE_NOT_FOUND: '请求的内容不存在',
  RATE_LIMITED: '操作太频繁，请稍后再试',
  INTERNAL: '服务开小差了，请稍后再试',
  UNAUTHENTICATED: '请先登录',
  TOKEN_INVALID: '登录已失效，请重新登录',
  TOKEN_EXPIRED: '登录已过期，请重新登录',
  FORBIDDEN: '没有权限进行此操作',
  DEV_LOGIN_DISABLED: '体验登录未开启',
  WECHAT_CODE_INVALID: '微信登录失败，请重试',
  WECHAT_RATE_LIMITED: '微信登录太频繁，请稍后再试',
  WECHAT_UNAVAILABLE: '微信服务暂不可用，请稍后再试',
  PRODUCT_NOT_FOUND: '商品不存在或已下架',
  STORE_NOT_FOUND: '门店不存在',
  CATEGORY_NOT_FOUND: '分类不存在',
  ADDRESS_NOT_FOUND: '没有找到这个地址，请写得更具体些',
  SAVED_ADDRESS_NOT_FOUND: '收货地址不存在或已删除',
  ADDRESS_INVALID: '收货地址填写有误，请检查标红的内容',
  ADDRESS_LIMIT: '最多保存 20 个收货地址，请先删除不用的地址',
  DEFAULT_ADDRESS_REQUIRED: '默认地址不能取消，请把另一个地址设为默认',
  OUT_OF_STOCK: '商品库存不足',
  QUANTITY_LIMIT: '超出限购数量',
  SLOT_NOT_FOUND: '配送时段不存在，请重新选择',
  SLOT_FULL: '该时段已约满，请选择其他时段',
  SLOT_CUTOFF_PASSED: '该时段已截止预约，请选择其他时段',
  SLOT_ZONE_MISMATCH: '该时段不属于收货地址所在的配送区，请重新选择',
  OUT_OF_DELIVERY_AREA: '该地址不在配送范围内，可以选择到店自提',
  IDEMPOTENCY_IN_PROGRESS: '订单正在提交，请稍候',
  IDEMPOTENCY_KEY_REUSED: '订单信息有变化，请重新提交',
  ORDER_NOT_FOUND: '订单不存在',
  INVALID_STATE: '订单状态已变化，请刷新后重试',
  PAYMENT_UNAVAILABLE: '支付服务暂不可用，请稍后再试',
};

const SESSION_ENDING_CODES: ReadonlySet<ApiErrorCode> = new Set([
  'UNAUTHENTICATED',
  'TOKEN_INVALID',
  'TOKEN_EXPIRED',
]);
const KNOWN_CODES: ReadonlySet<string> = new Set(ERROR_CODES);

/** The Chinese text shown for an error code. */
export function messageFor(code: ApiErrorCode): string {
  return MESSAGES[code] ?? '服务开小差了，请稍后再试';
}

function codeForStatus(status: number): ErrorCode {
  if (status === 400) return 'VALIDATION_FAILED';
  if (status === 401) return 'UNAUTHENTICATED';
  if (status === 403) return 'FORBIDDEN';
  if (status === 404) return 'ROUTE_NOT_FOUND';
  if (status === 429) return 'RATE_LIMITED';
  return 'INTERNAL';
}

/** Maps a non-2xx answer to an ApiError; bodies that are not `{ error: { code } }` fall back to the status. */
export function toApiError(status: number, body: unknown): ApiError {
  const error = (body as { error?: { code?: unknown; details?: unknown; requestId?: unknown } } | null)
    ?.error;
  const rawCode = typeof error?.code === 'string' ? error.code : '';
  // A code newer than this build still gets a sensible status-based meaning.
  const code: ErrorCode = KNOWN_CODES.has(rawCode) ? (rawCode as ErrorCode) : codeForStatus(status);
  const requestId = typeof error?.requestId === 'string' ? error.requestId : undefined;
  return new ApiError(code, messageFor(code), status, error?.details, requestId);
}

/** Query values; undefined, null and '' are left out of the URL. */
export type Query = Record<string, string | number | undefined | null>;

/** Builds the absolute URL of an API path. */
export function apiUrl(path: string, query?: Query): string {
  const pairs = Object.entries(query ?? {})
    .filter(([, value]) => value !== undefined && value !== null && value !== '')
    .map(([key, value]) => `${encodeURIComponent(key)}=${encodeURIComponent(String(value))}`);
  return `${API_BASE}${API_PREFIX}${path}${pairs.length ? `?${pairs.join('&')}` : ''}`;
}

/** One API call. */
export interface RequestOptions<T> {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** Path under `/api/v1`, starting with '/'. */
  path: string;
  query?: Query;
  /** JSON body. */
  data?: Record<string, unknown>;
  /** Extra request headers (e.g. `Idempotency-Key`). */
  headers?: Record<string, string>;
  /** Schema of a 2xx answer; the parsed value is what the caller gets. */
  schema: z.ZodType<T>;
  /** No toast: the caller shows the error itself (e.g. an inline error state with 重试). */
  silent?: boolean;
}

function isTimeout(err: unknown): boolean {
  const text = `${(err as { errMsg?: string })?.errMsg ?? ''} ${(err as Error)?.message ?? ''} ${(err as Error)?.name ?? ''}`;
  return /timeout|abort/i.test(text);
}

function fail(error: ApiError, silent: boolean | undefined, ownToken: boolean): ApiError {
  // A staff or courier call carries its own token: its expiry must not sign the shopper out.
  if (ownToken && SESSION_ENDING_CODES.has(error.code) && getSession()) clearSession();
  if (!silent) void Taro.showToast({ title: error.message, icon: 'none', duration: 2500 });
  return error;
}

/**
 * Calls the BFF: adds the base URL and the bearer token, validates the answer with `schema`,
 * and turns every failure into an ApiError (with a toast unless `silent`).
 */
export async function request<T>(options: RequestOptions<T>): Promise<T> {
  const { method = 'GET', path, query, data, schema, silent, headers } = options;
  const header: Record<string, string> = { Accept: 'application/json', ...headers };
  if (data !== undefined) header['Content-Type'] = 'application/json';
  const session = getSession();
  const ownToken = !header.Authorization;
  if (session && ownToken) header.Authorization = `Bearer ${session.token}`;

  let response: Taro.request.SuccessCallbackResult;
  try {
    response = await Taro.request({
      url: apiUrl(path, query),
      method,
      data,
      header,
      dataType: 'json',
      timeout: REQUEST_TIMEOUT_MS,
    });
  } catch (err) {
    const code: ClientErrorCode = isTimeout(err) ? 'TIMEOUT' : 'NETWORK_ERROR';
    throw fail(new ApiError(code, messageFor(code), 0), silent, ownToken);
  }

  const status = response.statusCode;
  if (status < 200 || status >= 300) throw fail(toApiError(status, response.data), silent, ownToken);

  const parsed = schema.safeParse(response.data);
  if (!parsed.success) {
    throw fail(
      new ApiError('BAD_RESPONSE', messageFor('BAD_RESPONSE'), status, parsed.error.issues),
      silent,
      ownToken,
    );
  }
  return parsed.data;
}

/**
 * A GET to a third-party JSON API (AMap) with no token; the answer is validated with `schema`.
 * Kept here so this file stays the only caller of Taro.request.
 */
export async function requestExternal<T>(url: string, query: Query, schema: z.ZodType<T>): Promise<T> {
  const pairs = Object.entries(query)
    .filter(([, value]) => value !== undefined && value !== null && value !== '')
    .map(([key, value]) => `${encodeURIComponent(key)}=${encodeURIComponent(String(value))}`);
  const response = await Taro.request({
    url: `${url}?${pairs.join('&')}`,
    method: 'GET',
    timeout: REQUEST_TIMEOUT_MS,
  });
  const parsed = schema.safeParse(response.data);
  if (!parsed.success)
    throw new ApiError('BAD_RESPONSE', messageFor('BAD_RESPONSE'), response.statusCode, parsed.error.issues);
  return parsed.data;
}

/**
 * POSTs raw bytes (a proof photo) under `/api/v1` with the caller's token; the JSON answer is
 * validated with `schema`. JSON calls use `request`.
 */
export async function requestBinary<T>(opts: {
  path: string;
  bytes: ArrayBuffer;
  contentType: string;
  token: string;
  schema: z.ZodType<T>;
}): Promise<T> {
  let response: Taro.request.SuccessCallbackResult;
  try {
    response = await Taro.request({
      url: apiUrl(opts.path),
      method: 'POST',
      data: opts.bytes,
      header: {
        Accept: 'application/json',
        'Content-Type': opts.contentType,
        Authorization: `Bearer ${opts.token}`,
      },
      dataType: 'json',
      timeout: REQUEST_TIMEOUT_MS,
    });
  } catch {
    throw new ApiError('NETWORK_ERROR', messageFor('NETWORK_ERROR'), 0);
  }
  if (response.statusCode < 200 || response.statusCode >= 300)
    throw toApiError(response.statusCode, response.data);
  const parsed = opts.schema.safeParse(response.data);
  if (!parsed.success)
    throw new ApiError('BAD_RESPONSE', messageFor('BAD_RESPONSE'), response.statusCode, parsed.error.issues);
  return parsed.data;
}
