import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { AftersalesCase, Order } from '@omni/shared-types';
import { ARTIFACTS, api, devLoginToken, settle, startStack, type Stack } from './stack';

describe('H5 staff app in Chromium: 门店工作台, 售后 resolved with a refund, 在线客服 reachable', () => {
  let stack: Stack;
  let staff: Page;
  let customer: Page;
  let order: Order;
  let kase: AftersalesCase;
  const STORE_ID = 1;

  beforeAll(async () => {
    stack = await startStack();
    const token = await devLoginToken(stack.base);
    const res = await fetch(`${stack.base}/api/v1/orders`, {
      method: 'POST',
      headers: {
        Authorization: `Bearer ${token}`,
        'Content-Type': 'application/json',
        'Idempotency-Key': `staff-e2e-${Date.now()}`,
      },
      body: JSON.stringify({ type: 'pickup', storeId: STORE_ID, items: [{ productId: 2, quantity: 1 }] }),
    });
    order = (await res.json()) as Order;
    await api(stack.base, `/dev/mock-pay/${order.id}`, { token, method: 'POST' });
    kase = await api<AftersalesCase>(stack.base, '/aftersales', {
      token,
      method: 'POST',
      body: { orderId: order.id, type: 'refund', reason: '包装破损', lines: [{ productId: 2, quantity: 1 }] },
    });
    staff = await (await stack.context()).newPage();
    customer = await (await stack.context()).newPage();
  });
  afterAll(async () => {
    await stack?.close();
  });

  it('opens 门店工作台 from 我的 with a badge for the open case', async () => {
    await staff.goto(`${stack.base}/#/pages/me/index`);
    await staff.locator('.login-button').click();
    await staff.locator('.user-nickname').waitFor();
    await staff.locator('.staff-workbench').click();
    await staff.locator(`.store-option[data-id="${STORE_ID}"]`).click();
    await staff.locator('.staff-login-button').click();
    await staff.locator('.staff-home').waitFor();
    await staff.locator('.staff-entry[data-key="aftersales"] .staff-entry__badge').waitFor();
    expect(await staff.locator('.staff-entry[data-key="aftersales"] .staff-entry__badge').innerText()).toBe(
      '1',
    );
    expect(await staff.locator('.staff-entry').count()).toBe(4);
    await settle(staff);
    await staff.screenshot({ path: join(ARTIFACTS, 'staff-home.png') });
  });

  it('approves and resolves the case from 售后; the customer sees 退款中, then 已完成', async () => {
    await staff.locator('.staff-entry[data-key="aftersales"]').click();
    const row = staff.locator(`.staff-case-row[data-id="${kase.id}"]:visible`);
    await row.waitFor();
    expect(await row.locator('.staff-case-sla').innerText()).toMatch(/^剩余/);
    expect(await row.innerText()).toContain(order.orderNo);
    await row.click();
    const detail = staff.locator(`.staff-case-detail[data-id="${kase.id}"]:visible`);
    await detail.waitFor();
    expect(await detail.locator('.staff-case-reason').innerText()).toBe('包装破损');
    await detail.locator('.staff-case-note').fill('同意退款，包装破损属实');
    await detail.locator('.staff-case-approve').click();
    await staff.locator(`.staff-case-detail[data-status="approved"]:visible`).waitFor();
    // The picture shows the page, not the 已更新 toast over its buttons.
    await staff.getByText('已更新', { exact: true }).waitFor({ state: 'hidden' });
    await settle(staff);
    await staff.screenshot({ path: join(ARTIFACTS, 'staff-aftersales.png') });
    await detail.locator('.staff-case-resolve').click();
    await staff.locator('.taro__modal .taro-model__btn').last().click(); // 确定 on the refund confirm
    await staff.locator(`.staff-case-detail[data-status="refunding"]:visible`).waitFor();

    await customer.goto(`${stack.base}/#/pages/me/index`);
    await customer.locator('.login-button').click();
    await customer.locator('.user-nickname').waitFor();
    await customer.goto(`${stack.base}/#/pages/aftersales/detail/index?id=${kase.id}`);
    await customer.locator('.case-status', { hasText: '退款中' }).waitFor();
    // The staff decision, with its note, is on the customer's timeline.
    const approved = customer.locator('.case-timeline-item[data-status="approved"]');
    expect(await approved.innerText()).toContain('同意退款，包装破损属实');
    expect(await approved.innerText()).toContain('门店');

    await stack.container.services.jobs.runDue(); // WeChat Pay's mock pays the refund back
    await customer.reload();
    await customer.locator('.case-status', { hasText: '已完成' }).waitFor();
    const settled = await api<AftersalesCase>(stack.base, `/aftersales/${kase.id}`, {
      token: await devLoginToken(stack.base),
    });
    expect(settled).toMatchObject({ status: 'resolved', refundFen: order.items[0].priceFen });

    // Back on 门店工作台 nothing waits any more; 已完成 holds the case.
    await staff.locator('.staff-home-link:visible').click();
    await staff.locator('.staff-home:visible').waitFor();
    await settle(staff);
    expect(await staff.locator('.staff-home').count()).toBe(1); // back down the stack, not a second home
    await staff
      .locator('.staff-entry[data-key="aftersales"]:visible .staff-entry__badge')
      .waitFor({ state: 'detached' });
    await staff.locator('.staff-entry[data-key="aftersales"]:visible').click();
    await staff.locator('.staff-case-tab[data-key="done"]:visible').click();
    await staff.locator(`.staff-case-row[data-id="${kase.id}"][data-status="resolved"]:visible`).waitFor();
    await staff.locator('.staff-home-link:visible').click();
    await staff.locator('.staff-home:visible').waitFor();
  });

  it('reaches 在线客服 from 门店工作台, and comes back', async () => {
    await staff.locator('.staff-entry[data-key="console"]:visible').click();
    await staff.locator('.console__header:visible').waitFor();
    expect(await staff.locator('.console__store:visible').innerText()).toContain('客服工作台');
    await staff.locator('.staff-home-link:visible').click();
    await staff.locator('.staff-home:visible').waitFor();
  });
});
