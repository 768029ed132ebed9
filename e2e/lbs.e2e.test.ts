import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import type { LatLng, LoginResponse, NearbyStoresResponse, Order, ProductDetail } from '@omni/shared-types';
import { fromGcj02 } from '../bff/src/algorithms/geo';
import { ARTIFACTS, settle, startStack, type Stack } from './stack';

const METRES_PER_DEG_LAT = 111_195;

/** A point `distanceM` metres due north of `p` (GCJ-02 in, GCJ-02 out). */
function northOf(p: LatLng, distanceM: number): LatLng {
  return { lat: p.lat + distanceM / METRES_PER_DEG_LAT, lng: p.lng };
}

describe('LBS in Chromium: a pickup customer on the way, the store inbox live', () => {
  let stack: Stack;
  let staffContext: BrowserContext;
  let consumerContext: BrowserContext;
  let staff: Page;
  let consumer: Page;
  let store: { id: number; name: string; lat: number; lng: number };
  let consumerToken: string;
  let order: Order;

  async function api<T>(method: string, path: string, token: string | null, body?: unknown): Promise<T> {
    const res = await fetch(`${stack.base}/api/v1${path}`, {
      method,
      headers: {
        ...(token ? { Authorization: `Bearer ${token}` } : {}),
        ...(body !== undefined ? { 'Content-Type': 'application/json' } : {}),
        ...(method === 'POST' && path === '/orders' ? { 'Idempotency-Key': randomUUID() } : {}),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const json = (await res.json()) as T;
    if (!res.ok) throw new Error(`${method} ${path} → ${res.status} ${JSON.stringify(json)}`);
    return json;
  }

  /** Moves the consumer's browser to a GCJ-02 point (the browser speaks WGS-84). */
  async function moveConsumerTo(p: LatLng): Promise<void> {
    const wgs = fromGcj02(p, 'wgs84');
    await consumerContext.setGeolocation({ latitude: wgs.lat, longitude: wgs.lng, accuracy: 15 });
  }

  beforeAll(async () => {
    stack = await startStack();
    const nearby = await api<NearbyStoresResponse>(
      'GET',
      '/stores/nearby?lat=31.2304&lng=121.4737&service=pickup&limit=1',
      null,
    );
    store = nearby.items[0];

    // A paid pickup order at that store, created through the API as the app would.
    const login = await api<LoginResponse>('POST', '/auth/dev', null, {
      role: 'consumer',
      openid: 'e2e-lbs-on-my-way',
      nickname: '路上的小林',
    });
    consumerToken = login.token;
    const list = await api<{ items: Array<{ id: number }> }>('GET', '/products?pageSize=50', null);
    let productId = 0;
    for (const p of list.items) {
      const detail = await api<ProductDetail>('GET', `/products/${p.id}`, null);
      if (detail.stock.some((s) => s.storeId === store.id && s.quantity > 0)) {
        productId = p.id;
        break;
      }
    }
    expect(productId).toBeGreaterThan(0);
    order = await api<Order>('POST', '/orders', consumerToken, {
      type: 'pickup',
      storeId: store.id,
      items: [{ productId, quantity: 1 }],
    });
    await api('POST', `/dev/mock-pay/${order.id}`, consumerToken);
    expect((await api<Order>('GET', `/orders/${order.id}`, consumerToken)).status).toBe('paid');

    staffContext = await stack.context();
    staff = await staffContext.newPage();
    consumerContext = await stack.context();
    await consumerContext.grantPermissions(['geolocation'], { origin: stack.base });
    await moveConsumerTo(northOf(store, 700));
    // The consumer is signed in the way the app keeps its session (Taro storage in localStorage).
    await consumerContext.addInitScript((session: LoginResponse) => {
      localStorage.setItem('omni.session', JSON.stringify({ data: session }));
    }, login);
    consumer = await consumerContext.newPage();
  });
  afterAll(async () => {
    await stack?.close();
  });

  it('signs staff in to the store inbox, connected live', async () => {
    await staff.goto(`${stack.base}/#/subpackages/staff/pages/inbox/index`);
    await staff.locator(`.store-option[data-id="${store.id}"]`).click();
    await staff.screenshot({ path: join(ARTIFACTS, 'lbs-staff-login.png') });
    await staff.locator('.staff-login-button').click();
    await staff.locator('.realtime-status--online').waitFor();
    expect(await staff.locator('.inbox__store').innerText()).toContain(store.name);
    await settle(staff);
    await staff.screenshot({ path: join(ARTIFACTS, 'lbs-staff-inbox-empty.png') });
  });

  it('asks the customer for consent before sharing the position', async () => {
    await consumer.goto(`${stack.base}/#/pages/store-detail/index?id=${store.id}&orderId=${order.id}`);
    await consumer.locator('.on-my-way-button').click();
    await consumer.locator('.consent-dialog').waitFor();
    await settle(consumer);
    await consumer.screenshot({ path: join(ARTIFACTS, 'lbs-consent.png') });
    await consumer.locator('.consent-accept').click();
    await consumer.locator('.on-my-way-status').waitFor();
    expect(await consumer.locator('.consent-dialog').count()).toBe(0);
  });

  it('shows the arrival in the staff inbox without a reload as the customer approaches', async () => {
    // 700 m → 450 m → 200 m north of the store, a few seconds apart (a plausible e-bike speed).
    await consumer.waitForTimeout(6_000);
    await moveConsumerTo(northOf(store, 450));
    await consumer.waitForTimeout(6_000);
    await moveConsumerTo(northOf(store, 200));

    const card = staff.locator('.event-card', { hasText: '自提顾客即将到店' });
    await card.waitFor({ timeout: 20_000 });
    expect(await card.locator('.event-customer').innerText()).toContain('路上的小林');
    expect(await card.locator('.event-items').innerText()).toContain(order.orderNo);
    expect(await card.locator('.event-distance').innerText()).toMatch(/距门店 \d+ m/);
    expect(await staff.locator('.inbox-badge').innerText()).toBe('1');
    await settle(staff);
    await staff.screenshot({ path: join(ARTIFACTS, 'lbs-staff-inbox-arrival.png') });
  });

  it('lets staff claim it, and the customer sees the store acknowledged', async () => {
    const card = staff.locator('.event-card', { hasText: '自提顾客即将到店' });
    const eventId = Number(await card.getAttribute('data-id'));
    await card.locator('.claim-button').click();
    await staff.locator('.inbox-tab[data-tab="claimed"]').click();
    await staff.locator(`.event-card[data-id="${eventId}"] .resolve-note`).waitFor();

    await consumer.locator('.store-acknowledged').waitFor({ timeout: 10_000 });
    expect(await consumer.locator('.store-acknowledged').innerText()).toBe('门店已收到你的到店提醒');
    expect((await api<Order>('GET', `/orders/${order.id}`, consumerToken)).staffAcknowledged).toBe(true);
    await settle(consumer);
    await consumer.screenshot({ path: join(ARTIFACTS, 'lbs-consumer-acknowledged.png') });

    // A colleague who taps 认领 a moment later loses: 409 ALREADY_CLAIMED.
    const colleague = await api<LoginResponse>('POST', '/auth/dev', null, {
      role: 'staff',
      storeId: store.id,
      openid: 'e2e-lbs-colleague',
    });
    const res = await fetch(`${stack.base}/api/v1/staff/events/${eventId}/claim`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${colleague.token}` },
    });
    expect(res.status).toBe(409);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('ALREADY_CLAIMED');

    await staff.locator(`.event-card[data-id="${eventId}"] .resolve-note`).fill('已备好，顾客到店取走');
    await staff.locator(`.event-card[data-id="${eventId}"] .resolve-button`).click();
    await staff.locator('.inbox-tab[data-tab="done"]').click();
    await staff.locator(`.event-card[data-id="${eventId}"] .event-note`).waitFor();
    await settle(staff);
    await staff.screenshot({ path: join(ARTIFACTS, 'lbs-staff-resolved.png') });
  });

  it('marks the order ready and picked up, which ends the sharing on the phone', async () => {
    await staff.locator('.staff-orders-link').click();
    const row = staff.locator(`.staff-order-card[data-id="${order.id}"]`);
    await row.locator('.mark-ready').click();
    await staff.locator('.staff-order-tab[data-status="ready_for_pickup"]').click();
    await row.locator('.mark-picked-up').click();
    await staff.locator('.staff-order-tab[data-status="picked_up"]').click();
    await row.waitFor();
    await settle(staff);
    await staff.screenshot({ path: join(ARTIFACTS, 'lbs-staff-orders.png') });

    await consumer.locator('.on-my-way-note', { hasText: '订单已完成' }).waitFor({ timeout: 10_000 });
    expect((await api<Order>('GET', `/orders/${order.id}`, consumerToken)).status).toBe('picked_up');
  });

  it('shows the stores around the customer by distance with the SVG map', async () => {
    await consumer.goto(`${stack.base}/#/pages/stores/index`);
    await consumer.locator('.store-card').first().waitFor();
    await consumer.locator('.store-map .user-dot').waitFor();
    const distances = await consumer.locator('.store-distance').allInnerTexts();
    const metres = distances.map((d) => (d.endsWith('km') ? parseFloat(d) * 1000 : parseFloat(d)));
    expect(metres).toEqual([...metres].sort((a, b) => a - b));
    expect(await consumer.locator('.store-card').first().getAttribute('data-id')).toBe(String(store.id));
    // The SVG map fits the nearest five stores; farther ones show only when they fall inside.
    const pins = await consumer.locator('.store-marker').count();
    expect(pins).toBeGreaterThanOrEqual(Math.min(5, distances.length));
    expect(pins).toBeLessThanOrEqual(distances.length);
    await settle(consumer);
    await consumer.screenshot({ path: join(ARTIFACTS, 'lbs-stores.png') });

    await consumer.locator('.store-card').first().click();
    await consumer.locator('.hours-row--today').waitFor();
    await settle(consumer);
    await consumer.screenshot({ path: join(ARTIFACTS, 'lbs-store-detail.png') });
  });
});
