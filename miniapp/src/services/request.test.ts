import Taro from '@tarojs/taro';
import { z } from 'zod';
import { ApiError, apiUrl, request } from './request';
import { getSession, saveSession } from './session';

const mockRequest = Taro.request as unknown as jest.Mock;
const mockToast = Taro.showToast as unknown as jest.Mock;

const Pong = z.object({ ok: z.boolean() });

function answer(statusCode: number, data: unknown) {
  mockRequest.mockResolvedValueOnce({ statusCode, data, header: {}, errMsg: 'request:ok' });
}

function session(token = 'tok-1') {
  return {
    token,
    expiresAt: new Date(Date.now() + 3_600_000).toISOString(),
    user: {
      id: 7,
      role: 'consumer' as const,
      nickname: '体验用户',
      avatarUrl: null,
      storeId: null,
      courierId: null,
      createdAt: '2026-11-25T00:00:00.000Z',
    },
  };
}

async function failure(promise: Promise<unknown>): Promise<ApiError> {
  try {
    await promise;
  } catch (err) {
    if (err instanceof ApiError) return err;
    throw err;
  }
  throw new Error('expected the call to fail');
}

describe('request', () => {
  it('returns the validated body of a 2xx answer', async () => {
    answer(200, { ok: true, extra: 'ignored' });
    await expect(request({ path: '/ping', schema: Pong })).resolves.toEqual({ ok: true });
    expect(mockRequest.mock.calls[0][0]).toMatchObject({ url: '/api/v1/ping', method: 'GET' });
    expect(mockToast).not.toHaveBeenCalled();
  });

  it('sends the stored token as a bearer header', async () => {
    saveSession(session('abc'));
    answer(200, { ok: true });
    await request({ path: '/ping', schema: Pong });
    expect(mockRequest.mock.calls[0][0].header.Authorization).toBe('Bearer abc');
  });

  it('maps an error body to its code and a Chinese message, and toasts it', async () => {
    answer(404, { error: { code: 'PRODUCT_NOT_FOUND', message: 'product 9 not found', requestId: 'r-1' } });
    const err = await failure(request({ path: '/products/9', schema: Pong }));
    expect(err).toMatchObject({
      code: 'PRODUCT_NOT_FOUND',
      status: 404,
      message: '商品不存在或已下架',
      requestId: 'r-1',
    });
    expect(mockToast).toHaveBeenCalledWith(
      expect.objectContaining({ title: '商品不存在或已下架', icon: 'none' }),
    );
  });

  it('stays quiet when the caller shows the error itself', async () => {
    answer(429, { error: { code: 'RATE_LIMITED', message: 'slow down' } });
    const err = await failure(request({ path: '/ping', schema: Pong, silent: true }));
    expect(err.code).toBe('RATE_LIMITED');
    expect(mockToast).not.toHaveBeenCalled();
  });

  it.each([
    [502, '<html>Bad Gateway</html>', 'INTERNAL'],
    [404, null, 'ROUTE_NOT_FOUND'],
    [401, { error: { code: 'SOMETHING_NEWER', message: '?' } }, 'UNAUTHENTICATED'],
    [400, { error: 'bad' }, 'VALIDATION_FAILED'],
  ])('falls back to the HTTP status %i when the body has no known code', async (status, body, code) => {
    answer(status, body);
    const err = await failure(request({ path: '/ping', schema: Pong }));
    expect(err.code).toBe(code);
    expect(err.status).toBe(status);
  });

  it('forgets the session when the BFF says the token expired', async () => {
    saveSession(session());
    answer(401, { error: { code: 'TOKEN_EXPIRED', message: 'expired' } });
    const err = await failure(request({ path: '/ping', schema: Pong }));
    expect(err.message).toBe('登录已过期，请重新登录');
    expect(getSession()).toBeNull();
  });

  it("sends a caller's own token (staff) and keeps the shopper signed in when it expires", async () => {
    saveSession(session('shopper'));
    answer(401, { error: { code: 'TOKEN_EXPIRED', message: 'expired' } });
    await failure(
      request({ path: '/staff/events', schema: Pong, headers: { Authorization: 'Bearer staff' } }),
    );
    expect(mockRequest.mock.calls[0][0].header.Authorization).toBe('Bearer staff');
    expect(getSession()?.token).toBe('shopper');
  });

  it('keeps the session on errors unrelated to the token', async () => {
    saveSession(session());
    answer(500, { error: { code: 'INTERNAL', message: 'boom' } });
    await failure(request({ path: '/ping', schema: Pong }));
    expect(getSession()).not.toBeNull();
  });

  it('reports a network failure and a timeout differently', async () => {
    mockRequest.mockRejectedValueOnce({ errMsg: 'request:fail ' });
    expect((await failure(request({ path: '/ping', schema: Pong }))).code).toBe('NETWORK_ERROR');
    mockRequest.mockRejectedValueOnce({ errMsg: 'request:fail timeout' });
    const timeout = await failure(request({ path: '/ping', schema: Pong }));
    expect(timeout).toMatchObject({ code: 'TIMEOUT', status: 0, message: '请求超时，请稍后重试' });
  });

  it('rejects a 2xx answer that breaks the contract', async () => {
    answer(200, { ok: 'yes' });
    const err = await failure(request({ path: '/ping', schema: Pong }));
    expect(err.code).toBe('BAD_RESPONSE');
  });

  it('sends a JSON body with POST', async () => {
    answer(201, { ok: true });
    await request({ method: 'POST', path: '/auth/dev', data: { role: 'consumer' }, schema: Pong });
    expect(mockRequest.mock.calls[0][0]).toMatchObject({
      method: 'POST',
      data: { role: 'consumer' },
      header: { 'Content-Type': 'application/json' },
    });
  });
});

describe('apiUrl', () => {
  it('encodes the query and leaves out empty values', () => {
    expect(apiUrl('/products', { q: '面霜 补水', category: undefined, page: 2, pageSize: 20, x: '' })).toBe(
      '/api/v1/products?q=%E9%9D%A2%E9%9C%9C%20%E8%A1%A5%E6%B0%B4&page=2&pageSize=20',
    );
  });
});
