import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import type { Order, ProductDetail, ProductListResponse, SlotsResponse } from '@omni/shared-types';
import { stores } from '@omni/mock/data/stores';
import { ARTIFACTS, api, devLoginToken, settle, shanghaiTomorrow, startStack, type Stack } from './stack';

// 500 m north of the first demo store: inside its delivery zone.
const POINT = { lat: stores[0].lat + 0.0045, lng: stores[0].lng };
const AGENT_REPLY = '您好，我是客服小王';

/** Places and pays a delivery order for the H5 demo consumer through the API. */
async function paidDeliveryOrder(base: string, token: string): Promise<{ order: Order; slotLabel: string }> {
  const date = shanghaiTomorrow();
  const slots = await api<SlotsResponse>(base, `/slots?lat=${POINT.lat}&lng=${POINT.lng}&date=${date}`, {
    token,
  });
  const slot = slots.slots.find((s) => s.bookable);
  if (!slot) throw new Error(`no bookable slot on ${date}`);
  const list = await api<ProductListResponse>(base, '/products?pageSize=20');
  let productId = 0;
  for (const summary of list.items) {
    const detail = await api<ProductDetail>(base, `/products/${summary.id}`);
    if (detail.stock.some((s) => s.storeName === slots.zone.storeName && s.quantity >= 1)) {
      productId = detail.id;
      break;
    }
  }
  const res = await fetch(`${base}/api/v1/orders`, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/json',
      Authorization: `Bearer ${token}`,
      'Idempotency-Key': `e2e-support-${Date.now()}`,
    },
    body: JSON.stringify({
      type: 'delivery',
      items: [{ productId, quantity: 1 }],
      slotId: slot.id,
      address: {
        contactName: '王小美',
        phone: '13800138000',
        address: '南京西路1515号',
        lat: POINT.lat,
        lng: POINT.lng,
      },
    }),
  });
  if (res.status !== 201 && res.status !== 200)
    throw new Error(`POST /orders → ${res.status}: ${await res.text()}`);
  const created = (await res.json()) as Order;
  await api(base, `/dev/mock-pay/${created.id}`, { method: 'POST', token });
  return { order: await api<Order>(base, `/orders/${created.id}`, { token }), slotLabel: slot.label };
}

/** Types a message on the chat page and waits until the BFF stored it (no 发送中… left). */
async function say(page: Page, text: string): Promise<void> {
  await page.locator('.chat-input').fill(text);
  await page.locator('.chat-send').click();
  await page.locator('.chat-bubble--customer', { hasText: text }).last().waitFor();
  await page.locator('.chat-pending').waitFor({ state: 'detached' });
}

describe('H5 smart customer service in Chromium: bot answers, reschedules, hands over to a live agent', () => {
  let stack: Stack;
  let consumer: Page;
  let staff: Page;
  let staffContext: BrowserContext;
  let order: Order;
  let token: string;

  beforeAll(async () => {
    // The BFF's real clock decides whether people are on duty; keep them on duty all day.
    stack = await startStack({ env: { SUPPORT_HUMAN_HOURS: '00:00-23:59' } });
    token = await devLoginToken(stack.base);
    ({ order } = await paidDeliveryOrder(stack.base, token));
    consumer = await (await stack.context()).newPage();
    staffContext = await stack.context();
    staff = await staffContext.newPage();
  });
  afterAll(async () => {
    await stack?.close();
  });

  it('asks where the order is and gets its number, 已支付 and the slot', async () => {
    await consumer.goto(`${stack.base}/#/pages/me/index`);
    await consumer.locator('.login-button').click();
    await consumer.locator('.user-nickname').waitFor();
    await consumer.goto(`${stack.base}/#/pages/chat/index`);
    await consumer.locator('.chat-input').waitFor();
    await consumer.locator('.chat-status', { hasText: '品牌小助手' }).waitFor();

    await say(consumer, '我的订单到哪了');
    const answer = consumer.locator('.chat-bubble--bot', { hasText: order.orderNo }).last();
    await answer.waitFor();
    const text = await answer.innerText();
    expect(text).toContain('已支付');
    expect(text).toContain(order.slot!.label);
    expect(await answer.locator('.chat-order-card').innerText()).toContain(order.orderNo);
    await settle(consumer);
    await consumer.screenshot({ path: join(ARTIFACTS, 'support-order-status.png') });
  });

  it('offers slots for 后天下午 and moves the order to the tapped one', async () => {
    await say(consumer, '改到后天下午');
    const option = consumer.locator('.slot-option:not(.slot-option--disabled)').first();
    await option.waitFor();
    const slotId = Number(await option.getAttribute('data-id'));
    const label = (await option.getAttribute('data-label')) ?? '';
    expect(slotId).not.toBe(order.slot!.id);
    expect(Number(label.slice(0, 2))).toBeGreaterThanOrEqual(12);
    await settle(consumer);
    await consumer.screenshot({ path: join(ARTIFACTS, 'support-slot-options.png') });

    await option.click();
    await consumer.locator('.chat-bubble--bot', { hasText: `已改到` }).waitFor();
    const moved = await api<Order>(stack.base, `/orders/${order.id}`, { token });
    expect(moved.slot?.id).toBe(slotId);
    expect(moved.slot?.label).toBe(label);
    expect(await consumer.locator('.chat-bubble--bot', { hasText: '已改到' }).last().innerText()).toContain(
      label,
    );
  });

  it('hands over on 转人工 with the bot going quiet', async () => {
    await say(consumer, '转人工');
    await consumer.locator('.chat-bubble--bot', { hasText: '转接人工客服' }).waitFor();
    await consumer.locator('.chat-status', { hasText: '正在为你转接人工客服' }).waitFor();
    await settle(consumer);
    await consumer.screenshot({ path: join(ARTIFACTS, 'support-handoff.png') });
  });

  it('shows the waiting conversation with the bot summary in the store console, and claims it', async () => {
    await staff.goto(`${stack.base}/#/subpackages/staff/pages/console/index`);
    await staff.locator(`.store-option[data-id="${order.storeId}"]`).click();
    await staff.locator('.staff-login-button').click();
    const item = staff.locator('.queue-item[data-status="waiting"]').first();
    await item.waitFor();
    expect(await item.locator('.queue-item__waited').innerText()).toContain('已等待');
    await item.click();

    const summary = staff.locator('.handoff-summary');
    await summary.waitFor();
    expect(await summary.innerText()).toContain(order.orderNo);
    expect(await summary.innerText()).toContain('转人工');
    await staff.locator('.customer-order', { hasText: order.orderNo }).waitFor();
    await staff.locator('.chat-bubble--customer', { hasText: '改到后天下午' }).waitFor();
    await settle(staff);
    await staff.screenshot({ path: join(ARTIFACTS, 'support-console-queue.png'), fullPage: true });

    await staff.locator('.claim-conversation').click();
    await staff.locator('.agent-input').waitFor();
    await staff.locator('.chat-bubble--system', { hasText: '为你服务' }).waitFor();
    expect(await staff.locator('.canned-reply').count()).toBeGreaterThan(0);
  });

  it('delivers the agent reply live to the customer, and the bot stays quiet afterwards', async () => {
    await staff.locator('.agent-input').fill(AGENT_REPLY);
    await staff.locator('.agent-send').click();
    await staff.locator('.chat-bubble--agent', { hasText: AGENT_REPLY }).waitFor();

    const reply = consumer.locator('.chat-bubble--agent', { hasText: AGENT_REPLY });
    await reply.waitFor();
    expect(await reply.locator('.chat-bubble__name').innerText()).toBe('客服');
    await consumer.locator('.chat-status', { hasText: '人工客服为你服务' }).waitFor();
    // The agent has seen the customer's messages: they show 已读.
    await consumer.locator('.chat-read').first().waitFor();

    const botsBefore = await consumer.locator('.chat-bubble--bot').count();
    await say(consumer, '好的，我的快递能快点送吗');
    await staff.locator('.chat-bubble--customer', { hasText: '我的快递能快点送吗' }).waitFor();
    await settle(consumer, 1500);
    expect(await consumer.locator('.chat-bubble--bot').count()).toBe(botsBefore);
    await consumer.screenshot({ path: join(ARTIFACTS, 'support-agent-live.png') });
    await staff.screenshot({ path: join(ARTIFACTS, 'support-console-chat.png'), fullPage: true });
  });

  it('closes the conversation and the customer rates it with stars', async () => {
    await staff.locator('.close-conversation').click();
    const stars = consumer.locator('.csat-star');
    await stars.first().waitFor();
    await consumer.locator('.chat-status', { hasText: '本次服务已结束' }).waitFor();
    await stars.nth(4).click();
    await consumer.locator('.csat__thanks').waitFor();
    expect(await consumer.locator('.csat-star--on').count()).toBe(5);
    await settle(consumer);
    await consumer.screenshot({ path: join(ARTIFACTS, 'support-csat.png') });
  });

  it('applies for a refund on 申请售后 and follows it on 售后详情 and 我的售后', async () => {
    await consumer.goto(`${stack.base}/#/pages/aftersales/new/index?orderId=${order.id}`);
    await consumer.locator('.case-type[data-type="refund"]').click();
    await consumer.locator('.case-line').first().waitFor();
    await consumer.locator('.case-reason-input').fill('买错了，不想要了');
    await settle(consumer);
    await consumer.screenshot({ path: join(ARTIFACTS, 'support-case-new.png') });
    await consumer.locator('.case-submit').click();

    await consumer.locator('.case-status:visible', { hasText: '已提交' }).waitFor();
    expect(await consumer.locator('.case-timeline-item:visible').count()).toBeGreaterThanOrEqual(1);
    expect(await consumer.locator('.case-sla:visible').innerText()).toContain('前处理');
    const caseNo = (await consumer.locator('.case-no:visible').innerText()).trim();
    await settle(consumer);
    await consumer.screenshot({ path: join(ARTIFACTS, 'support-case-detail.png') });

    await consumer.goto(`${stack.base}/#/pages/aftersales/index`);
    await consumer.locator('.case-row:visible', { hasText: caseNo }).waitFor();
  });
});
