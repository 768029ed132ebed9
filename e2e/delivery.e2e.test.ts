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

// The first demo store (静安嘉里中心店, id 1) delivers and offers pickup.
const STORE_ID = 1;

/** `POST /orders` with an Idempotency-Key. */
async function placeOrder(base: string, token: string, body: object): Promise<Order> {
  const res = await fetch(`${base}/api/v1/orders`, {
    method: 'POST',
    headers: {
      Accept: 'application/json',
      'Content-Type': 'application/json',
      Authorization: `Bearer ${token}`,
      'Idempotency-Key': `e2e-delivery-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`,
    },
    body: JSON.stringify(body),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`POST /orders → ${res.status}: ${text}`);
  return JSON.parse(text) as Order;
}

/** Marks the page so that a reload (which would lose the mark) is noticed. */
async function markNoReload(page: Page): Promise<void> {
  await page.evaluate(() => {
    (window as unknown as { __noReload?: boolean }).__noReload = true;
  });
}
async function stillNoReload(page: Page): Promise<boolean> {
  return page.evaluate(() => (window as unknown as { __noReload?: boolean }).__noReload === true);
}

describe('delivery code and live order status in Chromium', () => {
  let stack: Stack;
  let customer: Page;
  let courierPage: Page;
  let consumer: string;
  let staff: string;
  let productId: number;
  let delivery: Order;
  let courierId: number;
  const tomorrow = shanghaiTomorrow();

  beforeAll(async () => {
    stack = await startStack();
    consumer = await devLoginToken(stack.base);
    staff = (
      await api<LoginResponse>(stack.base, '/auth/dev', {
        method: 'POST',
        body: { role: 'staff', storeId: STORE_ID },
      })
    ).token;
    const list = await api<ProductListResponse>(stack.base, '/products?pageSize=20');
    for (const summary of list.items) {
      const detail = await api<ProductDetail>(stack.base, `/products/${summary.id}`);
      if (detail.stock.some((s) => s.storeId === STORE_ID && s.quantity >= 3)) {
        productId = detail.id;
        break;
      }
    }
    expect(productId).toBeGreaterThan(0);
    customer = await (await stack.context()).newPage();
    await customer.goto(`${stack.base}/#/pages/me/index`);
    await customer.locator('.login-button').click();
    await customer.locator('.user-nickname').waitFor();
  });
  afterAll(async () => {
    await stack?.close();
  });

  it('shows the customer the 收货码 of a paid delivery order, with 复制', async () => {
    const store = await api<Store>(stack.base, `/stores/${STORE_ID}`);
    const point = { lat: +(store.lat + 0.0045).toFixed(6), lng: store.lng };
    const slots = await api<SlotsResponse>(
      stack.base,
      `/slots?lat=${point.lat}&lng=${point.lng}&date=${tomorrow}`,
      { token: consumer },
    );
    const slot = slots.slots.find((s) => s.bookable)!;
    const placed = await placeOrder(stack.base, consumer, {
      type: 'delivery',
      slotId: slot.id,
      items: [{ productId, quantity: 1 }],
      address: {
        contactName: '收货人',
        phone: '13800138123',
        address: '南京西路 1601 号',
        detail: '8 楼',
        lat: point.lat,
        lng: point.lng,
      },
    });
    await api(stack.base, `/dev/mock-pay/${placed.id}`, { token: consumer, method: 'POST' });
    delivery = await api<Order>(stack.base, `/orders/${placed.id}`, { token: consumer });
    expect(delivery.deliveryCode).toMatch(/^\d{4}$/);

    await customer.goto(`${stack.base}/#/pages/order-detail/index?id=${delivery.id}`);
    await customer.locator('.order-status:visible', { hasText: '已支付' }).waitFor();
    const card = customer.locator('.delivery-code:visible');
    expect(await card.locator('.delivery-code__digits').innerText()).toBe(delivery.deliveryCode);
    expect(await card.innerText()).toContain('当面告诉骑手');
    expect(await customer.locator('.delivery-code--active').count()).toBe(0);
    expect(await customer.locator('.delivery-code-copy:visible').count()).toBe(1);
    expect(await customer.locator('.cancel-button:visible').count()).toBe(1);
    await markNoReload(customer);
    await settle(customer);
    await customer.screenshot({ path: join(ARTIFACTS, 'delivery-code-customer.png'), fullPage: true });
  });

  it('follows the plan live on the open order page (待配送, no reload)', async () => {
    const plan = await api<DispatchPlan>(stack.base, '/dispatch/plan', {
      token: staff,
      method: 'POST',
      body: { date: tomorrow },
    });
    const route = plan.routes.find((r) => r.stops.some((s) => s.orderId === delivery.id))!;
    courierId = route.courierId;
    await customer.locator('.order-status:visible', { hasText: '待配送' }).waitFor();
    expect(await stillNoReload(customer)).toBe(true);
  });

  it('lets the courier, in another browser, arrive and type the code the customer reads out', async () => {
    courierPage = await (await stack.context()).newPage();
    await courierPage.goto(`${stack.base}/#/subpackages/courier/pages/route/index?date=${tomorrow}`);
    await courierPage.locator(`.courier-option[data-id="${courierId}"]`).click();
    await courierPage.locator('.courier-login-button').click();
    const courier = await api<LoginResponse>(stack.base, '/auth/dev', {
      method: 'POST',
      body: { role: 'courier', courierId },
    });
    const route = await api<CourierRoute>(stack.base, `/courier/route?date=${tomorrow}`, {
      token: courier.token,
    });
    const stop = route.stops.find((s) => s.orderId === delivery.id)!;
    await courierPage.locator(`.courier-stop[data-id="${stop.stopId}"]`).click();
    await courierPage.locator('.stop-customer:visible').waitFor();
    await courierPage.locator('.stop-arrive:visible').click();
    await courierPage.locator('.stop-card:visible .stop-status', { hasText: '已到达' }).waitFor();

    // The customer's page, still open, now says the courier is on the way and offers no cancel.
    await customer.locator('.order-status:visible', { hasText: '配送中' }).waitFor();
    await customer.locator('.delivery-code--active:visible', { hasText: '骑手正在配送' }).waitFor();
    expect(await customer.locator('.cancel-button:visible').count()).toBe(0);
    expect(await customer.locator('.reschedule-button:visible').count()).toBe(0);
    await settle(customer);
    await customer.screenshot({ path: join(ARTIFACTS, 'delivery-code-active.png'), fullPage: true });

    const told = await customer.locator('.delivery-code__digits:visible').innerText();
    const field = courierPage.locator('.delivery-code-input:visible');
    expect(await field.getAttribute('maxlength')).toBe('4');
    await field.fill(told);
    await courierPage.locator('.stop-deliver:visible').click();
    await courierPage.locator('.stop-done:visible', { hasText: '已送达' }).waitFor();
    await settle(courierPage);
    await courierPage.screenshot({ path: join(ARTIFACTS, 'delivery-code-courier.png'), fullPage: true });
  });

  it("changes the customer's open order page to 已送达 without a reload and hides the code", async () => {
    await customer.locator('.order-status:visible', { hasText: '已送达' }).waitFor();
    await customer.locator('.delivery-code:visible').waitFor({ state: 'detached' });
    expect(await customer.locator('.delivery-code:visible').count()).toBe(0);
    expect(await stillNoReload(customer)).toBe(true);
    expect((await api<Order>(stack.base, `/orders/${delivery.id}`, { token: consumer })).status).toBe(
      'delivered',
    );
    await settle(customer);
    await customer.screenshot({ path: join(ARTIFACTS, 'delivery-code-delivered.png'), fullPage: true });
  });

  it('shows a pickup collected by staff live: 已取货, no 取消订单 or 我在路上', async () => {
    const placed = await placeOrder(stack.base, consumer, {
      type: 'pickup',
      storeId: STORE_ID,
      items: [{ productId, quantity: 1 }],
    });
    await api(stack.base, `/dev/mock-pay/${placed.id}`, { token: consumer, method: 'POST' });
    await customer.goto(`${stack.base}/#/pages/order-detail/index?id=${placed.id}`);
    await customer.locator('.order-status:visible', { hasText: '已支付' }).waitFor();
    await customer.locator('.cancel-button:visible').waitFor();
    await customer.locator('.on-my-way-button:visible').waitFor();
    expect(await customer.locator('.delivery-code:visible').count()).toBe(0);
    await markNoReload(customer);

    await api(stack.base, `/staff/orders/${placed.id}/ready`, { token: staff, method: 'POST', body: {} });
    await customer.locator('.order-status:visible', { hasText: '待取货' }).waitFor();
    await api(stack.base, `/staff/orders/${placed.id}/picked-up`, { token: staff, method: 'POST', body: {} });
    await customer.locator('.order-status:visible', { hasText: '已取货' }).waitFor();
    expect(await customer.locator('.cancel-button:visible').count()).toBe(0);
    expect(await customer.locator('.on-my-way-button:visible').count()).toBe(0);
    expect(await stillNoReload(customer)).toBe(true);
    await settle(customer);
    await customer.screenshot({ path: join(ARTIFACTS, 'delivery-pickup-live.png'), fullPage: true });
  });
});
