import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import type {
  GeocodeResponse,
  Order,
  ProductDetail,
  ProductListResponse,
  SlotsResponse,
} from '@omni/shared-types';
import { ARTIFACTS, api, devLoginToken, settle, shanghaiTomorrow, startStack, type Stack } from './stack';

// 静安寺 lies inside the 3 km delivery zone of 静安嘉里中心店.
const ADDRESS = '静安寺';
const ZONE_STORE = '静安嘉里中心店';

/** The number in a chip's "剩余 N". */
async function remainingOf(chip: Locator): Promise<number> {
  const text = await chip.locator('.slot-chip__remaining').innerText();
  return Number(/剩余\s*(\d+)/.exec(text)?.[1] ?? NaN);
}

describe('H5 checkout in Chromium: cart, delivery slot, mock pay, reschedule', () => {
  let stack: Stack;
  let page: Page;
  let product: ProductDetail;
  const tomorrow = shanghaiTomorrow();
  const booked = { label: '', remaining: 0, id: 0 };

  /** Tomorrow's slots around ADDRESS, read through the API as the same consumer. */
  async function slotsViaApi(): Promise<SlotsResponse> {
    const token = await devLoginToken(stack.base);
    const hit = await api<GeocodeResponse>(
      stack.base,
      `/geo/geocode?address=${encodeURIComponent(ADDRESS)}`,
      {
        token,
      },
    );
    return api<SlotsResponse>(stack.base, `/slots?lat=${hit.lat}&lng=${hit.lng}&date=${tomorrow}`, { token });
  }

  beforeAll(async () => {
    stack = await startStack();
    page = await (await stack.context()).newPage();
    // A product the zone's store has in stock, so the delivery order can be fulfilled.
    const list = await api<ProductListResponse>(stack.base, '/products?pageSize=20');
    for (const summary of list.items) {
      const detail = await api<ProductDetail>(stack.base, `/products/${summary.id}`);
      if (detail.stock.some((s) => s.storeName === ZONE_STORE && s.quantity >= 2)) {
        product = detail;
        break;
      }
    }
    expect(product).toBeDefined();
  });
  afterAll(async () => {
    await stack?.close();
  });

  it('logs in on 我的', async () => {
    await page.goto(`${stack.base}/#/pages/me/index`);
    await page.locator('.login-button').click();
    await page.locator('.user-nickname').waitFor();
  });

  it('adds the product to the cart and shows it there', async () => {
    await page.goto(`${stack.base}/#/pages/product/index?id=${product.id}`);
    await page.locator('.detail-name').waitFor();
    await page.locator('.add-to-cart').click();
    await page.locator('.taro__toast', { hasText: '已加入购物车' }).waitFor({ state: 'attached' });
    await page.screenshot({ path: join(ARTIFACTS, 'checkout-added.png') });
    await page.locator('.cart-badge', { hasText: '1' }).waitFor();

    await page.locator('.cart-entry').click();
    const line = page.locator(`.cart-line[data-id="${product.id}"]`);
    await line.waitFor();
    await settle(page);
    expect(await line.locator('.cart-line__name').innerText()).toBe(product.name);
    expect(await page.locator('.cart-total').innerText()).toMatch(/¥\d+\.\d{2}/);
    await page.screenshot({ path: join(ARTIFACTS, 'checkout-cart.png') });
  });

  it('fills the delivery address, locates it and picks a slot of tomorrow', async () => {
    await page.locator('.checkout-button').click();
    await page.locator('.contact-name-input').waitFor();
    await page.locator('.contact-name-input').fill('王小美');
    await page.locator('.phone-input').fill('13800138000');
    await page.locator('.address-input').fill(ADDRESS);
    await page.locator('.geocode-button').click();
    await page.locator('.address-resolved').waitFor();

    await page.locator(`.slot-day[data-date="${tomorrow}"]`).click();
    const chip = page.locator('.slot-chip:not(.slot-chip--disabled)').first();
    await chip.waitFor();
    // Tomorrow's chips are loaded once their day tab is active and a chip for that day shows.
    await page.locator(`.slot-day--active[data-date="${tomorrow}"]`).waitFor();
    await settle(page);
    booked.label = (await chip.getAttribute('data-label')) ?? '';
    booked.id = Number(await chip.getAttribute('data-id'));
    booked.remaining = await remainingOf(chip);
    expect(booked.label).toMatch(/^\d{2}:\d{2}-\d{2}:\d{2}$/);
    expect(booked.remaining).toBeGreaterThan(0);
    await chip.click();
    await page.locator('.slot-chip--selected').waitFor();
    expect(await page.locator('.checkout-total').innerText()).toMatch(/¥\d+\.\d{2}/);
    await page.screenshot({ path: join(ARTIFACTS, 'checkout-slots.png'), fullPage: true });
  });

  it('submits the order, pays on the mock sheet and shows 已支付 with the slot', async () => {
    await page.locator('.submit-order').click();
    await page.locator('.mock-pay-sheet').waitFor();
    await settle(page);
    await page.screenshot({ path: join(ARTIFACTS, 'checkout-mock-pay.png') });
    await page.locator('.mock-pay-confirm').click();
    await page.locator('.order-status', { hasText: '已支付' }).waitFor();
    expect(await page.locator('.order-slot').innerText()).toContain(booked.label);
    expect(await page.locator('.timeline-item').count()).toBeGreaterThanOrEqual(2);
    await settle(page);
    await page.screenshot({ path: join(ARTIFACTS, 'checkout-paid.png'), fullPage: true });
    // The order holds one seat of the slot.
    const held = (await slotsViaApi()).slots.find((x) => x.id === booked.id);
    expect(held?.remaining).toBe(booked.remaining - 1);
  });

  it('moves the order to another slot with 改约时间', async () => {
    await page.locator('.reschedule-button').click();
    const sheet = page.locator('.reschedule-sheet');
    await sheet.waitFor();
    await sheet.locator(`.slot-day--active[data-date="${tomorrow}"]`).waitFor();
    const other = sheet.locator(`.slot-chip:not(.slot-chip--disabled):not([data-id="${booked.id}"])`).first();
    await other.waitFor();
    const newLabel = (await other.getAttribute('data-label')) ?? '';
    expect(newLabel).not.toBe(booked.label);
    await other.click();
    await settle(page, 200);
    await page.screenshot({ path: join(ARTIFACTS, 'checkout-reschedule.png') });
    await sheet.locator('.reschedule-confirm').click();
    await sheet.waitFor({ state: 'detached' });
    await page.locator('.order-slot', { hasText: newLabel }).waitFor();
    await page.locator('.timeline-item', { hasText: '已改约配送时间' }).waitFor();
    await settle(page);
    await page.screenshot({ path: join(ARTIFACTS, 'checkout-rescheduled.png'), fullPage: true });
  });

  it('gave the first slot its seat back (checked through the API)', async () => {
    const slots = await slotsViaApi();
    const first = slots.slots.find((s) => s.id === booked.id);
    expect(first?.label).toBe(booked.label);
    expect(first?.remaining).toBe(booked.remaining);
    const token = await devLoginToken(stack.base);
    const orders = await api<{ items: Order[] }>(stack.base, '/orders', { token });
    expect(orders.items[0]).toMatchObject({ status: 'paid', type: 'delivery' });
    expect(orders.items[0].slot?.id).not.toBe(booked.id);
  });

  it('lists the order under 我的 → 我的订单', async () => {
    await page.goto(`${stack.base}/#/pages/me/index`);
    await page.locator('.my-orders').click();
    const card = page.locator('.order-card').first();
    await card.waitFor();
    expect(await card.locator('.order-card__status').innerText()).toBe('已支付');
    await page.locator('.order-tab', { hasText: '进行中' }).click();
    await page.locator('.order-tab--active', { hasText: '进行中' }).waitFor();
    await page.locator('.order-card').first().waitFor();
    await settle(page);
    await page.screenshot({ path: join(ARTIFACTS, 'orders-list.png') });
  });

  it('buys now for pickup at a nearby store, leaves it unpaid, then cancels it', async () => {
    await page.goto(`${stack.base}/#/pages/product/index?id=${product.id}`);
    await page.locator('.buy-now:visible').click();
    await page.locator('.mode-pickup:visible').click();
    await page.locator('.pickup-locate-input:visible').fill('南京西路');
    await page.locator('.pickup-locate-button:visible').click();
    const store = page.locator('.pickup-store:visible:not(.pickup-store--disabled)').first();
    await store.locator('.pickup-store__distance').waitFor();
    const storeName = (await store.locator('.pickup-store__name').innerText()).trim();
    await store.click();
    await page.locator('.pickup-store--selected:visible').waitFor();
    await settle(page);
    await page.screenshot({ path: join(ARTIFACTS, 'checkout-pickup.png'), fullPage: true });

    await page.locator('.submit-order:visible').click();
    await page.locator('.mock-pay-sheet').waitFor();
    await page.locator('.mock-pay-cancel').click();
    await page.locator('.mock-pay-sheet').waitFor({ state: 'detached' });
    await page.locator('.order-status:visible', { hasText: '待支付' }).waitFor();
    expect(await page.locator('.order-countdown:visible').innerText()).toMatch(/请在 1[45]:\d{2} 内完成支付/);
    expect(await page.locator('.order-store:visible').first().innerText()).toBe(storeName);
    await page.locator('.pay-button:visible').waitFor();
    await settle(page);
    await page.screenshot({ path: join(ARTIFACTS, 'order-unpaid.png'), fullPage: true });

    await page.locator('.cancel-button:visible').click();
    await page.locator('.taro__modal .taro-model__btn', { hasText: '取消订单' }).click();
    await page.locator('.order-status:visible', { hasText: '已取消' }).waitFor();
    expect(await page.locator('.order-actions:visible').count()).toBe(0);
    await settle(page);
    await page.screenshot({ path: join(ARTIFACTS, 'order-cancelled.png'), fullPage: true });
  });
});
