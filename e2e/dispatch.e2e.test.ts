import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type {
  CourierRoute,
  DispatchPlan,
  LoginResponse,
  Order,
  ProductDetail,
  ProductListResponse,
  SlotsResponse,
  Store,
} from '@omni/shared-types';
import { ARTIFACTS, api, devLoginToken, settle, shanghaiTomorrow, startStack, type Stack } from './stack';

// The first demo store (静安嘉里中心店, id 1) delivers; its couriers are ids 1 and 2.
const STORE_ID = 1;
const ORDERS = 3;

/** `POST /orders` with an Idempotency-Key (the shared `api()` helper sends no extra headers). */
async function placeOrder(base: string, token: string, body: object, key: string): Promise<Order> {
  const res = await fetch(`${base}/api/v1/orders`, {
    method: 'POST',
    headers: {
      Accept: 'application/json',
      'Content-Type': 'application/json',
      Authorization: `Bearer ${token}`,
      'Idempotency-Key': key,
    },
    body: JSON.stringify(body),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`POST /orders → ${res.status}: ${text}`);
  return JSON.parse(text) as Order;
}

describe('courier route in Chromium: paid orders → dispatch plan → deliver with the code', () => {
  let stack: Stack;
  let page: Page;
  let consumer: string;
  let plan: DispatchPlan;
  let courierId: number;
  let route: CourierRoute;
  const tomorrow = shanghaiTomorrow();
  const orders: Order[] = [];

  beforeAll(async () => {
    stack = await startStack();
    page = await (await stack.context()).newPage();
    // The H5 build's own consumer, so the order detail page can show the order afterwards.
    consumer = await devLoginToken(stack.base);
  });
  afterAll(async () => {
    await stack?.close();
  });

  it('places paid delivery orders for tomorrow around the first store (API)', async () => {
    const store = await api<Store>(stack.base, `/stores/${STORE_ID}`);
    const list = await api<ProductListResponse>(stack.base, '/products?pageSize=20');
    let product: ProductDetail | undefined;
    for (const summary of list.items) {
      const detail = await api<ProductDetail>(stack.base, `/products/${summary.id}`);
      if (detail.stock.some((s) => s.storeId === STORE_ID && s.quantity >= ORDERS)) {
        product = detail;
        break;
      }
    }
    expect(product).toBeDefined();
    for (let i = 0; i < ORDERS; i++) {
      // ~500 m north of the store, spread a little east–west so the stops differ.
      const point = { lat: +(store.lat + 0.0045).toFixed(6), lng: +(store.lng + (i - 1) * 0.002).toFixed(6) };
      const slots = await api<SlotsResponse>(
        stack.base,
        `/slots?lat=${point.lat}&lng=${point.lng}&date=${tomorrow}`,
        { token: consumer },
      );
      expect(slots.zone.storeId).toBe(STORE_ID);
      const slot = slots.slots.find((s) => s.bookable);
      expect(slot).toBeDefined();
      const order = await placeOrder(
        stack.base,
        consumer,
        {
          type: 'delivery',
          slotId: slot!.id,
          items: [{ productId: product!.id, quantity: 1 }],
          address: {
            contactName: `顾客${i + 1}`,
            phone: `1380013${String(8000 + i)}`,
            address: `南京西路 ${1500 + i * 10} 号`,
            detail: `${i + 1} 楼`,
            lat: point.lat,
            lng: point.lng,
          },
        },
        `e2e-dispatch-${Date.now().toString(36)}-${i}`,
      );
      await api(stack.base, `/dev/mock-pay/${order.id}`, { token: consumer, method: 'POST' });
      orders.push(await api<Order>(stack.base, `/orders/${order.id}`, { token: consumer }));
    }
    expect(orders.map((o) => o.status)).toEqual(Array(ORDERS).fill('paid'));
  });

  it("lets the store's staff plan tomorrow: every order assigned to a courier (API)", async () => {
    const staff = await api<LoginResponse>(stack.base, '/auth/dev', {
      method: 'POST',
      body: { role: 'staff', storeId: STORE_ID },
    });
    plan = await api<DispatchPlan>(stack.base, '/dispatch/plan', {
      token: staff.token,
      method: 'POST',
      body: { date: tomorrow },
    });
    const planned = plan.routes.flatMap((r) => r.stops.map((s) => s.orderId));
    expect(plan.unassigned).toEqual([]);
    expect(planned.sort()).toEqual(orders.map((o) => o.id).sort());
    for (const o of orders) {
      expect((await api<Order>(stack.base, `/orders/${o.id}`, { token: consumer })).status).toBe('assigned');
    }
    const busiest = [...plan.routes].sort((a, b) => b.stops.length - a.stops.length)[0];
    courierId = busiest.courierId;
  });

  it('shows the courier the route on the map and the stops in order', async () => {
    await page.goto(`${stack.base}/#/subpackages/courier/pages/route/index?date=${tomorrow}`);
    await page.locator(`.courier-option[data-id="${courierId}"]`).click();
    await page.locator('.courier-login-button').click();
    const planned = plan.routes.find((r) => r.courierId === courierId)!.stops;
    await page
      .locator('.courier-stop')
      .nth(planned.length - 1)
      .waitFor();
    await page.locator(`.route-day--active[data-date="${tomorrow}"]`).waitFor();
    await settle(page);

    const courier = await api<LoginResponse>(stack.base, '/auth/dev', {
      method: 'POST',
      body: { role: 'courier', courierId },
    });
    route = await api<CourierRoute>(stack.base, `/courier/route?date=${tomorrow}`, { token: courier.token });
    const ids = await page
      .locator('.courier-stop')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-id')));
    expect(ids).toEqual(route.stops.map((s) => String(s.stopId)));
    expect(await page.locator('.route-pin').count()).toBe(route.stops.length);
    expect(await page.locator('.route-line').count()).toBe(1);
    const first = page.locator('.courier-stop').first();
    expect(await first.locator('.courier-stop__window').innerText()).toMatch(
      /^时段 \d{2}:\d{2}-\d{2}:\d{2}$/,
    );
    expect(await first.locator('.courier-stop__eta').innerText()).toMatch(/^预计 \d{2}:\d{2}$/);
    expect(await first.locator('.stop-status').innerText()).toBe('待配送');
    await page.screenshot({ path: join(ARTIFACTS, 'dispatch-route.png'), fullPage: true });
  });

  it('opens the first stop, arrives and delivers with the customer code', async () => {
    const stop = route.stops[0];
    await page.locator(`.courier-stop[data-id="${stop.stopId}"]`).click();
    await page.locator('.stop-customer:visible').waitFor();
    await settle(page);
    expect(await page.locator('.stop-customer:visible').innerText()).toBe(stop.customerName);
    expect(await page.locator('.stop-phone:visible').innerText()).toMatch(/^\d{3}\*{4}\d{4}$/);
    await page.screenshot({ path: join(ARTIFACTS, 'dispatch-stop.png'), fullPage: true });

    await page.locator('.stop-arrive:visible').click();
    await page.locator('.stop-card:visible .stop-status', { hasText: '已到达' }).waitFor();

    const owned = await api<Order>(stack.base, `/orders/${stop.orderId}`, { token: consumer });
    expect(owned.status).toBe('out_for_delivery');
    expect(owned.deliveryCode).toMatch(/^\d{4}$/);
    await page.locator('.delivery-code-input:visible').fill(owned.deliveryCode!);
    await page.locator('.stop-deliver:visible').click();
    await page.locator('.stop-done:visible', { hasText: '已送达' }).waitFor();
    expect(await page.locator('.pending-sync').count()).toBe(0);
    await settle(page);
    await page.screenshot({ path: join(ARTIFACTS, 'dispatch-delivered.png'), fullPage: true });
  });

  it("shows 已送达 on the customer's order, through the API and on the order page", async () => {
    const orderId = route.stops[0].orderId;
    const after = await api<Order>(stack.base, `/orders/${orderId}`, { token: consumer });
    expect(after.status).toBe('delivered');
    expect(after.statusText).toBe('已送达');

    const shopper = await (await stack.context()).newPage();
    await shopper.goto(`${stack.base}/#/pages/me/index`);
    await shopper.locator('.login-button').click();
    await shopper.locator('.user-nickname').waitFor();
    await shopper.goto(`${stack.base}/#/pages/order-detail/index?id=${orderId}`);
    await shopper.locator('.order-status:visible', { hasText: '已送达' }).waitFor();
    await settle(shopper);
    await shopper.screenshot({ path: join(ARTIFACTS, 'dispatch-customer-delivered.png'), fullPage: true });
    await shopper.close();
  });

  it('shows the delivered stop on the route when the courier goes back', async () => {
    await page.goBack();
    await page
      .locator(`.courier-stop[data-id="${route.stops[0].stopId}"] .stop-status`, { hasText: '已送达' })
      .waitFor();
    await settle(page);
    await page.screenshot({ path: join(ARTIFACTS, 'dispatch-route-after.png'), fullPage: true });
  });

  it('keeps a delivery tapped offline as 待同步 and sends it once when the network is back', async () => {
    const stop = route.stops[1];
    const { deliveryCode } = await api<Order>(stack.base, `/orders/${stop.orderId}`, { token: consumer });
    await page.locator(`.courier-stop[data-id="${stop.stopId}"]`).click();
    await page.locator('.stop-customer:visible', { hasText: stop.customerName }).waitFor();
    await settle(page);

    await page.context().setOffline(true);
    await page.locator('.delivery-code-input:visible').fill(deliveryCode!);
    await page.locator('.stop-deliver:visible').click();
    await page.locator('.stop-notice:visible', { hasText: '已保存在本机' }).waitFor();
    await page.locator('.stop-card:visible .stop-sync').waitFor();
    await page.screenshot({ path: join(ARTIFACTS, 'dispatch-offline-queued.png'), fullPage: true });
    await page.goBack();
    await page.locator('.pending-sync', { hasText: '待同步 1' }).waitFor();
    expect((await api<Order>(stack.base, `/orders/${stop.orderId}`, { token: consumer })).status).toBe(
      'out_for_delivery',
    );
    await settle(page);
    await page.screenshot({ path: join(ARTIFACTS, 'dispatch-offline-route.png'), fullPage: true });

    // Back online: the queue replays by itself (network change or its 15 s timer).
    await page.context().setOffline(false);
    await page.locator('.pending-sync').waitFor({ state: 'detached', timeout: 30_000 });
    await page
      .locator(`.courier-stop[data-id="${stop.stopId}"] .stop-status`, { hasText: '已送达' })
      .waitFor();
    const after = await api<Order>(stack.base, `/orders/${stop.orderId}`, { token: consumer });
    expect(after.status).toBe('delivered');
    expect(after.timeline.filter((e) => e.status === 'delivered')).toHaveLength(1);
  });
});
