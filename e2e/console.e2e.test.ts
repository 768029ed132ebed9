import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import type {
  CourierRoute,
  DashboardResponse,
  DispatchBoard,
  FaqListResponse,
  LoginResponse,
  NotifyTemplateListResponse,
  ProductDetail,
  ProductListResponse,
} from '@omni/shared-types';
import sharp from 'sharp';
import { freshMysqlDatabase } from '../bff/test/harness';
import { systemClock } from '../bff/src/clock';
import { createTxRunner } from '../bff/src/db/tx';
import { AdminUsersService } from '../bff/src/modules/backoffice/admin-users.service';
import { ARTIFACTS, E2E_OPENID, api, settle, shanghaiTomorrow, startStack, type Stack } from './stack';

// Across both apps: the brand's admin works in the console (1440×900), a customer and a courier in
// the H5 mini-program (phone-sized), on one BFF. The first demo store (id 1) delivers around 静安寺.
const STORE_ID = 1;
const ADMIN = { username: 'e2e-admin', password: 'E2e-Console-Pass-1' };
const SHOTS = join(ARTIFACTS, '..', 'console');
const targets = [{ name: 'sqlite' }, ...(process.env.TEST_DATABASE_URL ? [{ name: 'mysql' }] : [])];

/** Console errors and uncaught exceptions of a page, for the "no console errors" assertion. */
function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('response', (r) => {
    if (r.status() >= 500) errors.push(`${r.status()} ${r.url()}`);
  });
  return errors;
}

/** Polls `read` until it answers `want` (the console refreshes on its own clock), else fails with the last value. */
async function eventually<T>(read: () => Promise<T>, want: T, ms = 20_000): Promise<void> {
  const until = Date.now() + ms;
  let last: T = await read();
  while (last !== want && Date.now() < until) {
    await new Promise((r) => setTimeout(r, 400));
    last = await read();
  }
  expect(last).toBe(want);
}

/** The header's store picker keeps its choice in local storage; set it and reload the page. */
async function pickStore(page: Page, storeId: number): Promise<void> {
  await page.evaluate((id) => localStorage.setItem('omni.admin.storeId', String(id)), storeId);
  await page.reload({ waitUntil: 'networkidle' });
  await settle(page, 600);
}

async function courierToken(base: string, courierId: number): Promise<string> {
  const res = await api<LoginResponse>(base, '/auth/dev', {
    method: 'POST',
    body: { role: 'courier', courierId },
  });
  return res.token;
}

async function menu(page: Page, label: string): Promise<void> {
  await page.locator('.ant-menu-item', { hasText: label }).first().click();
  await page.waitForLoadState('networkidle');
  await settle(page, 600);
}

describe.each(targets)('console and mini-program together on $name', ({ name }) => {
  let stack: Stack;
  let dropDb: (() => Promise<void>) | null = null;
  let adminCtx: BrowserContext;
  let admin: Page;
  let adminErrors: string[];
  let adminToken: string;
  const tomorrow = shanghaiTomorrow();
  const sku = `E2E-${name.toUpperCase()}-${Date.now().toString(36).toUpperCase()}`;
  const productName = `控制台新品${name === 'mysql' ? '乙' : '甲'}护手霜`;
  let ordersBefore = 0;
  let orderId = 0;

  beforeAll(async () => {
    let env: Record<string, string> = {};
    if (name === 'mysql') {
      const fresh = await freshMysqlDatabase();
      dropDb = fresh.drop;
      env = { DATABASE_URL: fresh.url };
    }
    stack = await startStack({ env });
    const db = stack.container.db;
    await new AdminUsersService({
      db,
      tx: createTxRunner(db, name === 'mysql' ? 'mysql' : 'sqlite'),
      clock: systemClock,
    }).createOrReset({ username: ADMIN.username, password: ADMIN.password, role: 'admin' });
    mkdirSync(SHOTS, { recursive: true });
    adminCtx = await stack.browser.newContext({
      viewport: { width: 1440, height: 900 },
      locale: 'zh-CN',
      timezoneId: 'Asia/Shanghai',
    });
    admin = await adminCtx.newPage();
    adminErrors = watchErrors(admin);
  });
  afterAll(async () => {
    await stack?.close();
    await dropDb?.();
  });

  it('signs the admin in on the console and lands on the dashboard', async () => {
    await admin.goto(`${stack.base}/admin/`);
    await admin.getByLabel('用户名').fill(ADMIN.username);
    await admin.getByLabel('密码').fill(ADMIN.password);
    await admin.keyboard.press('Enter');
    await admin.locator('.ant-menu-item', { hasText: '看板' }).waitFor();
    adminToken = await admin.evaluate(() => localStorage.getItem('omni.admin.token') ?? '');
    expect(adminToken).not.toBe('');
    const board = await api<DashboardResponse>(stack.base, `/admin/dashboard?storeId=${STORE_ID}`, {
      token: adminToken,
    });
    ordersBefore = board.cards.find((c) => c.key === 'orders')?.value ?? 0;
  });

  it('creates a product with a photo in the console and sets its stock at the store inline', async () => {
    await pickStore(admin, STORE_ID);
    await menu(admin, '商品');
    await admin.getByRole('button', { name: /新建商品/ }).click();
    const drawer = admin.locator('.ant-drawer-section', { hasText: '新建商品' });
    await drawer.getByLabel('SKU').fill(sku);
    await drawer.getByLabel('商品名称').fill(productName);
    await drawer.getByLabel('分类').click();
    await admin.locator('.ant-select-dropdown:visible .ant-select-item-option').first().click();
    await drawer.getByLabel('售价（元）').fill('88');
    await drawer.getByLabel('单位').fill('支');
    // The photo goes up through the BFF (/admin/uploads), as from the brand's own disk.
    const photo = await sharp({
      create: { width: 640, height: 640, channels: 3, background: { r: 230, g: 120, b: 150 } },
    })
      .png()
      .toBuffer();
    await drawer
      .locator('input[type=file]')
      .setInputFiles({ name: 'hand-cream.png', mimeType: 'image/png', buffer: photo });
    await drawer.locator('.ant-upload-list-item-done').first().waitFor();
    await drawer.getByRole('button', { name: /保\s*存/ }).click();
    await admin.getByText('商品已创建').waitFor();
    const created = await api<ProductListResponse>(
      stack.base,
      `/products?q=${encodeURIComponent(productName)}`,
    );
    const product = created.items.find((p) => p.name === productName);
    expect(product?.priceFen).toBe(8800);
    const detail = await api<ProductDetail>(stack.base, `/products/${product!.id}`);
    expect(detail.images).toHaveLength(1);
    const image = await fetch(new URL(detail.images[0], stack.base));
    expect(image.status).toBe(200);
    expect(image.headers.get('content-type')).toMatch(/^image\//);
    await admin.keyboard.press('Escape');

    await menu(admin, '库存');
    await admin.getByPlaceholder('名称或 SKU').fill(sku);
    await admin.getByPlaceholder('名称或 SKU').press('Enter');
    const row = admin.locator('.ant-table-row', { hasText: productName });
    await row.waitFor();
    const qty = row.getByLabel(`${productName} 在库数量`);
    await qty.fill('12');
    await qty.press('Enter');
    await eventually(async () => {
      const stock = await api<{ items: Array<{ productId: number; onHand: number }> }>(
        stack.base,
        `/admin/stores/${STORE_ID}/stock?q=${encodeURIComponent(sku)}`,
        { token: adminToken },
      );
      return stock.items.find((r) => r.productId === product!.id)?.onHand ?? -1;
    }, 12);
    await admin.screenshot({ path: join(SHOTS, `${name}-stock.png`) });
  });

  it('lets the customer find it by search in the H5 shop and order it in a slot', async () => {
    const page = await (await stack.context({ consent: 'manual' })).newPage();
    await page.goto(`${stack.base}/#/pages/me/index`);
    await page.locator('.login-button').click();
    await page.locator('.user-nickname').waitFor();
    await page.goto(`${stack.base}/`);
    await page.locator('.search-input').fill(productName);
    await page.locator('.search-button').click();
    await page.locator('.product-name', { hasText: productName }).first().click();
    await page.locator('.detail-name', { hasText: productName }).waitFor();
    await page.locator('.add-to-cart').click();
    await page.locator('.cart-badge', { hasText: '1' }).waitFor();
    await page.locator('.cart-entry').click();
    await page.locator('.checkout-button').click();
    await page.locator('.contact-name-input').fill('控制台顾客');
    await page.locator('.phone-input').fill('13800138123');
    await page.locator('.address-input').fill('静安寺');
    await page.locator('.geocode-button').click();
    await page.locator('.address-resolved').waitFor();
    await page.locator(`.slot-day[data-date="${tomorrow}"]`).click();
    await page.locator(`.slot-day--active[data-date="${tomorrow}"]`).waitFor();
    await page.locator('.slot-chip:not(.slot-chip--disabled)').first().click();
    await page.locator('.slot-chip--selected').waitFor();
    await page.locator('.submit-order').click();
    // The H5 stand-in for WeChat's subscription sheet: she allows the notifications.
    const sheet = page.locator('.taro-modal__content', { hasText: '接收通知' });
    await sheet.waitFor();
    await sheet.getByText('允许', { exact: true }).click();
    await sheet.waitFor({ state: 'hidden' });
    await page.locator('.mock-pay-confirm').click();
    await page.locator('.order-status', { hasText: '已支付' }).waitFor();
    orderId = Number(new URL(page.url().replace('/#/', '/')).searchParams.get('id'));
    expect(orderId).toBeGreaterThan(0);
    // She allowed the notifications on 提交订单 (the H5 stand-in for WeChat's sheet): exactly one
    // "order paid" message reached WeChat, opening her order.
    const paidTemplate = (
      await api<NotifyTemplateListResponse>(stack.base, '/admin/notification-templates', {
        token: adminToken,
      })
    ).items.find((x) => x.event === 'order_paid')!.templateId;
    const wechat = stack.container.mocks.wechat!;
    await eventually(async () => {
      await stack.container.services.jobs.runDue(); // the stack runs jobs only when asked
      return wechat.messages.filter((m) => m.touser === E2E_OPENID && m.template_id === paidTemplate).length;
    }, 1);
    const paid = wechat.messages.find((m) => m.touser === E2E_OPENID && m.template_id === paidTemplate)!;
    expect(paid.page).toBe(`pages/order-detail/index?id=${orderId}`);
    await page.context().close();
  });

  it("counts the order on the store's dashboard", async () => {
    await menu(admin, '看板');
    const card = admin.locator('[data-kpi="orders"] [data-value]');
    await card.waitFor();
    await eventually(async () => {
      await admin.reload({ waitUntil: 'networkidle' });
      await card.waitFor();
      return Number(await card.getAttribute('data-value'));
    }, ordersBefore + 1);
    expect(await admin.locator('canvas').count()).toBeGreaterThan(0);
    // The 通知 page shows what was sent for the order.
    await menu(admin, '通知');
    await admin.getByRole('tab', { name: '发送记录' }).click();
    await admin.getByLabel('订单 ID').fill(String(orderId));
    await admin.getByLabel('订单 ID').press('Enter');
    await admin
      .locator('.ant-table-row', { hasText: '订单支付成功' })
      .filter({ hasText: '已发送' })
      .waitFor();
    await admin.screenshot({ path: join(SHOTS, `${name}-notifications.png`) });
  });

  it("edits a FAQ answer and the bot in the customer's chat answers with the new text", async () => {
    const answer = `本店支持开具电子发票，下单后在订单详情点“申请发票”即可（${name} 控制台更新）`;
    await menu(admin, '知识库');
    await admin.getByPlaceholder('问题、答案或关键词').fill('怎么开发票');
    await admin.getByPlaceholder('问题、答案或关键词').press('Enter');
    const row = admin.locator('.ant-table-row', { hasText: '怎么开发票' }).first();
    await row.waitFor();
    await row.getByRole('button', { name: /编\s*辑/ }).click();
    const dialog = admin.locator('.ant-modal', { hasText: '编辑常见问题' });
    await dialog.getByLabel('答案').fill(answer);
    await dialog.getByRole('button', { name: /保\s*存/ }).click();
    await dialog.waitFor({ state: 'hidden' });
    const faq = await api<FaqListResponse>(stack.base, `/admin/faq?q=${encodeURIComponent('发票')}`, {
      token: adminToken,
    });
    expect(faq.items.find((f) => f.question === '怎么开发票')?.answer).toBe(answer);
    const page = await (await stack.context()).newPage();
    await page.goto(`${stack.base}/#/pages/me/index`);
    await page.locator('.login-button').click();
    await page.locator('.user-nickname').waitFor();
    await page.goto(`${stack.base}/#/pages/chat/index`);
    await page.locator('.chat-input').fill('怎么开发票');
    await page.locator('.chat-send').click();
    await page
      .locator('.chat-bubble--bot', { hasText: `${name} 控制台更新` })
      .last()
      .waitFor();
    await page.context().close();
  });

  it('invites a courier who binds in the H5 mini-program, plans the day and sees the stop on the route', async () => {
    await admin.goto(`${stack.base}/admin/people?tab=invites`);
    await admin.waitForLoadState('networkidle');
    await admin.getByRole('button', { name: /创建邀请/ }).click();
    const form = admin.locator('.ant-modal', { hasText: '创建邀请' });
    await form.getByLabel('姓名').fill('控制台骑手');
    await form.getByRole('button', { name: /创\s*建/ }).click();
    const shown = admin.locator('.ant-modal', { hasText: '邀请已创建' });
    const code = (await shown.getByLabel('邀请码', { exact: true }).innerText()).replace(/\s+/g, '');
    expect(code).toMatch(/^[A-Z0-9]{8}$/);
    await shown.getByRole('img', { name: '小程序邀请二维码' }).waitFor();
    await admin.screenshot({ path: join(SHOTS, `${name}-invite.png`) });
    await shown.getByRole('button', { name: /完\s*成/ }).click();

    const courierCtx = await stack.context({ demoOpenid: null });
    const courier = await courierCtx.newPage();
    await courier.goto(`${stack.base}/#/pages/member-bind/index`);
    await courier.locator('.member-bind__code input, input.member-bind__code').first().fill(code);
    await courier.locator('.bind-button').click();
    // Bound: the page says so and goes on to the courier's route (which may already be showing).
    await courier
      .locator('.member-bind__done, .courier-route')
      .first()
      .waitFor()
      .catch(async (e: unknown) => {
        await courier.screenshot({ path: join(SHOTS, `${name}-bind-failed.png`) });
        throw e;
      });

    // The dispatcher plans tomorrow on the board and hands the customer's order to the new courier.
    await menu(admin, '调度');
    await admin.getByText('明天', { exact: true }).click();
    await admin.waitForLoadState('networkidle');
    await admin.getByRole('button', { name: /运行排线/ }).click();
    await admin.getByText(/第 1 版/).waitFor();
    let board = await api<DispatchBoard>(stack.base, `/admin/dispatch?date=${tomorrow}&storeId=${STORE_ID}`, {
      token: adminToken,
    });
    expect(board.planned).toBe(true);
    const courierId = board.couriers.find((c) => c.name === '控制台骑手')!.id;
    const orderNo = [...board.routes.flatMap((r) => r.stops), ...board.unassigned].find(
      (x) => x.orderId === orderId,
    )!.orderNo;
    const mineCard = admin.getByTestId(`courier-${courierId}`);
    await mineCard.waitFor();
    if (!(await mineCard.getByTestId(`stop-${orderId}`).count())) {
      await admin.getByLabel(new RegExp(`^(改派|分配) ${orderNo}$`)).click();
      await admin.locator('.ant-select-dropdown:visible .ant-select-item-option[title="控制台骑手"]').click();
    }
    await mineCard.getByTestId(`stop-${orderId}`).waitFor();
    board = await api<DispatchBoard>(stack.base, `/admin/dispatch?date=${tomorrow}&storeId=${STORE_ID}`, {
      token: adminToken,
    });
    const mine = board.routes.find((r) => r.courierId === courierId)!;
    expect(mine.stops.map((st) => st.orderId)).toContain(orderId);
    await settle(admin, 800);
    await admin.screenshot({ path: join(SHOTS, `${name}-dispatch.png`) });

    await courier.goto(`${stack.base}/#/subpackages/courier/pages/route/index?date=${tomorrow}`);
    await courier.locator('.courier-stop').first().waitFor();
    const token = await courierToken(stack.base, courierId);
    const route = await api<CourierRoute>(stack.base, `/courier/route?date=${tomorrow}`, { token });
    const stop = route.stops.find((s) => s.orderId === orderId);
    expect(stop).toBeDefined();
    await courier.locator(`.courier-stop[data-id="${stop!.stopId}"]`).waitFor();
    await courier.screenshot({ path: join(SHOTS, `${name}-courier-route.png`) });
    await courierCtx.close();
  });

  it('opens every section at 1440×900 without console errors', async () => {
    const sections = [
      '看板',
      '商品',
      '库存',
      '门店',
      '配送区域与时段',
      '人员',
      '知识库',
      '订单',
      '售后',
      '调度',
      '通知',
      '审计',
    ];
    for (const [i, label] of sections.entries()) {
      await menu(admin, label);
      await admin.waitForTimeout(800);
      await admin.screenshot({ path: join(SHOTS, `${name}-${String(i + 1).padStart(2, '0')}-${label}.png`) });
    }
    expect(adminErrors).toEqual([]);
  });
});
