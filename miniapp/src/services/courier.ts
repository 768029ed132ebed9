import { z } from 'zod';
import Taro from '@tarojs/taro';
import {
  CourierRoute,
  LoginResponse,
  PhotoUploadResponse,
  StopActionResponse,
  type DeliveryProof,
} from '@omni/shared-types';
import { ApiError, request, requestBinary, type RequestOptions } from './request';

/** A courier's session, kept apart from the shopper's (`omni.session`) so one device can be both. */
export type CourierSession = LoginResponse;

type Listener = (session: CourierSession | null) => void;

const SESSION_KEY = 'omni.courier-session';
const ROUTE_CACHE_KEY = 'omni.courier-route';
const listeners = new Set<Listener>();

/** The stored courier session; null when absent, malformed, expired or not a courier token. */
export function getCourierSession(): CourierSession | null {
  let raw: unknown;
  try {
    raw = Taro.getStorageSync(SESSION_KEY);
  } catch {
    return null;
  }
  const parsed = LoginResponse.safeParse(raw);
  if (!parsed.success || parsed.data.user.role !== 'courier' || parsed.data.user.courierId === null) {
    return null;
  }
  return Date.parse(parsed.data.expiresAt) > Date.now() ? parsed.data : null;
}

/** Stores a courier session and tells every listener. */
export function saveCourierSession(session: CourierSession): void {
  Taro.setStorageSync(SESSION_KEY, session);
  listeners.forEach((l) => l(session));
}

/** Signs the courier out on this device (the queued stop actions stay, keyed by courier). */
export function clearCourierSession(): void {
  Taro.removeStorageSync(SESSION_KEY);
  listeners.forEach((l) => l(null));
}

/** Calls `listener` on every courier sign-in and sign-out; returns the unsubscribe function. */
export function onCourierSessionChange(listener: Listener): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

/** A courier call: the courier token instead of the shopper's, never a toast (pages show errors). */
async function courierRequest<T>(options: RequestOptions<T>): Promise<T> {
  const session = getCourierSession();
  if (!session) throw new ApiError('UNAUTHENTICATED', '请先以骑手身份登录', 401);
  try {
    return await request({
      ...options,
      silent: true,
      headers: { ...options.headers, Authorization: `Bearer ${session.token}` },
    });
  } catch (err) {
    if (err instanceof ApiError && (err.code === 'TOKEN_INVALID' || err.code === 'TOKEN_EXPIRED')) {
      clearCourierSession();
    }
    throw err;
  }
}

/** Dev sign-in as courier `courierId` (demo and tests; only where the BFF allows dev login). */
export async function courierDevLogin(courierId: number): Promise<CourierSession> {
  const session = await request({
    method: 'POST',
    path: '/auth/dev',
    data: { role: 'courier', courierId },
    schema: LoginResponse,
    silent: true,
  });
  saveCourierSession(session);
  return session;
}

function routeCacheKey(courierId: number, date: string): string {
  return `${ROUTE_CACHE_KEY}.${courierId}.${date}`;
}

/** The route last fetched on this device for `date`, shown while offline; null when none. */
export function cachedRoute(courierId: number, date: string): CourierRoute | null {
  try {
    const parsed = CourierRoute.safeParse(Taro.getStorageSync(routeCacheKey(courierId, date)));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** Keeps `route` on the device so the stop pages still open without a connection. */
export function cacheRoute(route: CourierRoute): void {
  try {
    Taro.setStorageSync(routeCacheKey(route.courierId, route.date), route);
  } catch {
    // A full storage only costs the offline copy.
  }
}

/** The signed-in courier's route of `date` (`YYYY-MM-DD`, Shanghai); `planned: false` before planning. */
export async function fetchRoute(date: string): Promise<CourierRoute> {
  const route = await courierRequest({ path: '/courier/route', query: { date }, schema: CourierRoute });
  cacheRoute(route);
  return route;
}

/** Reports where the courier is (shown to the customers still waiting); GCJ-02 or raw GPS. */
export function reportCourierPosition(fix: {
  lat: number;
  lng: number;
  coord: 'gcj02' | 'wgs84';
}): Promise<{ customersTold: number }> {
  return courierRequest({
    method: 'POST',
    path: '/courier/position',
    data: { lat: fix.lat, lng: fix.lng, coord: fix.coord },
    schema: z.object({ customersTold: z.number().int() }),
    silent: true,
  });
}

/** One stop action as the courier tapped it; `clientEventId` makes a resend harmless. */
export type StopAction =
  | { kind: 'arrive'; stopId: number; clientEventId: string }
  | { kind: 'deliver'; stopId: number; clientEventId: string; proof: DeliveryProof }
  | { kind: 'fail'; stopId: number; clientEventId: string; reason: string };

/** Sends one stop action; a replay of the same `clientEventId` answers the first result. */
export function sendStopAction(action: StopAction): Promise<StopActionResponse> {
  const { kind, stopId, ...body } = action;
  return courierRequest({
    method: 'POST',
    path: `/courier/stops/${stopId}/${kind}`,
    data: body,
    schema: StopActionResponse,
  });
}

function readFileBytes(filePath: string): Promise<ArrayBuffer> {
  return new Promise((resolve, reject) => {
    Taro.getFileSystemManager().readFile({
      filePath,
      success: (res) => resolve(res.data as ArrayBuffer),
      fail: (err) => reject(new Error(err.errMsg)),
    });
  });
}

/**
 * Uploads a proof photo (JPEG/PNG, ≤ 2 MB) from a local temp file as the raw request body, as
 * `POST /courier/uploads` expects (`Taro.uploadFile` would send multipart, which it refuses).
 */
export async function uploadProofPhoto(filePath: string): Promise<PhotoUploadResponse> {
  const bytes = await readFileBytes(filePath);
  return uploadProofBytes(bytes, /\.png$/i.test(filePath) ? 'image/png' : 'image/jpeg');
}

/** Uploads proof photo bytes already in memory (the H5 camera, compressed to JPEG in the browser). */
export function uploadProofBytes(
  bytes: ArrayBuffer,
  contentType: 'image/jpeg' | 'image/png',
): Promise<PhotoUploadResponse> {
  const session = getCourierSession();
  if (!session) return Promise.reject(new ApiError('UNAUTHENTICATED', '请先以骑手身份登录', 401));
  return requestBinary({
    path: '/courier/uploads',
    bytes,
    contentType,
    token: session.token,
    schema: PhotoUploadResponse,
  });
}

const COURIER_MESSAGES: Partial<Record<string, string>> = {
  ROUTE_NOT_PLANNED: '当天还没有排线',
  STOP_NOT_FOUND: '该站点不在你的路线上',
  DELIVERY_CODE_INVALID: '收货码不正确，请向顾客核对',
  DELIVERY_CODE_LOCKED: '已锁定，请联系门店',
  PHOTO_NOT_FOUND: '照片不存在，请重新拍照上传',
  INVALID_STATE: '该站点状态已变化，请刷新',
  IDEMPOTENCY_KEY_REUSED: '该操作编号已被使用，请重试',
  COURIER_NOT_FOUND: '骑手不存在',
  PAYLOAD_TOO_LARGE: '照片不能超过 2 MB',
  UNSUPPORTED_MEDIA_TYPE: '照片必须是 JPEG 或 PNG',
  FORBIDDEN: '仅骑手可用',
};

/** Chinese text for a failed courier call (codes request.ts has no text for get one here). */
export function courierErrorMessage(err: unknown): string {
  if (err instanceof ApiError) {
    const left = codeAttemptsLeftOf(err);
    if (err.code === 'DELIVERY_CODE_INVALID' && left !== null && left > 0) {
      return `收货码不正确，还可以再试 ${left} 次`;
    }
    return COURIER_MESSAGES[err.code] ?? err.message;
  }
  if (err instanceof Error && /[\u4e00-\u9fa5]/.test(err.message)) return err.message;
  return '操作失败，请稍后重试';
}

/** Wrong codes still allowed after a refused deliver (0 once locked); null for other failures. */
export function codeAttemptsLeftOf(err: unknown): number | null {
  if (!(err instanceof ApiError)) return null;
  if (err.code === 'DELIVERY_CODE_LOCKED') return 0;
  if (err.code !== 'DELIVERY_CODE_INVALID') return null;
  const left = (err.details as { attemptsLeft?: unknown } | undefined)?.attemptsLeft;
  return typeof left === 'number' ? left : null;
}

/** The store's phone the BFF sent with a locked delivery code, if any. */
export function storePhoneOf(err: unknown): string | null {
  const phone =
    err instanceof ApiError ? (err.details as { storePhone?: unknown } | undefined)?.storePhone : null;
  return typeof phone === 'string' && phone ? phone : null;
}
