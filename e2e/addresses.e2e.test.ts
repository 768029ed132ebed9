import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type {
  AddressListResponse,
  Order,
  ProductDetail,
  ProductListResponse,
  SavedAddress,
} from '@omni/shared-types';
import { ARTIFACTS, api, devLoginToken, settle, shanghaiTomorrow, startStack, type Stack } from './stack';

// 静安寺 lies inside the delivery zone of 静安嘉里中心店; 天安门 (Beijing) is outside every zone.
const ADDRESS = '静安寺';
const ZONE_STORE = '静安嘉里中心店';
const BEIJING = { lat: 39.9087, lng: 116.3975 };

describe('H5 address book in Chromium: save once, order without retyping, preselected next time', () => {
  let stack: Stack;
  let page: Page;
  let product: ProductDetail;
  let token: string;
  let savedId = 0;
  const tomorrow = shanghaiTomorrow();

  /** Opens 结算 for one unit of the product via 立即购买. */
  async function buyNow(): Promise<void> {
    await page.goto(`${stack.base}/#/pages/product/index?id=${product.id}`);
    await page.locator('.buy-now:visible').click();
    await page.locator('.mode-delivery:visible').waitFor();
  }

  beforeAll(async () => {
    stack = await startStack();
    page = await (await stack.context()).newPage();
    token = await devLoginToken(stack.base);
    const list = await api<ProductListResponse>(stack.base, '/products?pageSize=20');
    for (const summary of list.items) {
      const detail = await api<ProductDetail>(stack.base, `/products/${summary.id}`);
      if (detail.stock.some((s) => s.storeName === ZONE_STORE && s.quantity >= 3)) {
        product = detail;
        break;
      }
    }
    expect(product).toBeDefined();
  });
  afterAll(async () => {
    await stack?.close();
  });

  it('saves an address in 我的 → 收货地址', async () => {
    await page.goto(`${stack.base}/#/pages/me/index`);
    await page.locator('.login-button').click();
    await page.locator('.user-nickname').waitFor();
    await page.locator('.my-addresses').click();
    await page.locator('.address-add:visible').waitFor();
    await page.locator('.empty-state:visible').waitFor();
    await page.locator('.address-add:visible').click();

    await page.locator('.address-name-input:visible').fill('王小美');
    await page.locator('.address-phone-input:visible').fill('13800138000');
    await page.locator('.address-address-input:visible').fill(ADDRESS);
    await page.locator('.address-locate:visible').click();
    await page.locator('.address-located:visible').waitFor();
    await page.locator('.address-room-input:visible').fill('3 号楼 501');
    await page.locator('.address-tag[data-tag="家"]:visible').click();
    await settle(page);
    await page.screenshot({ path: join(ARTIFACTS, 'address-edit.png'), fullPage: true });
    await page.locator('.address-save:visible').click();

    const item = page.locator('.address-item:visible').first();
    await item.waitFor();
    expect(await item.locator('.address-default-badge').innerText()).toBe('默认');
    expect(await item.innerText()).toContain('138****8000');
    expect(await item.innerText()).toContain('3 号楼 501');
    savedId = Number(await item.getAttribute('data-id'));
    await settle(page);
    await page.screenshot({ path: join(ARTIFACTS, 'address-list.png'), fullPage: true });

    const book = await api<AddressListResponse>(stack.base, '/me/addresses', { token });
    expect(book.items).toEqual([
      expect.objectContaining({
        id: savedId,
        contactName: '王小美',
        tag: '家',
        isDefault: true,
        phone: '138****8000',
      }),
    ]);
  });

  it('refuses an emoji in the address beside the field and keeps the book unchanged', async () => {
    await page.locator('.address-add:visible').click();
    await page.locator('.address-name-input:visible').fill('李雷');
    await page.locator('.address-phone-input:visible').fill('13900139000');
    await page.locator('.address-address-input:visible').fill('静安寺🏠');
    await page.locator('.address-save:visible').click();
    const error = page.locator('.address-field-error[data-field="address"]:visible');
    await error.waitFor();
    expect(await error.innerText()).toBe('地址不能包含表情符号');
    const book = await api<AddressListResponse>(stack.base, '/me/addresses', { token });
    expect(book.items).toHaveLength(1);
  });

  it('places a delivery order with the saved address at checkout, without retyping', async () => {
    await buyNow();
    const chosen = page.locator('.checkout-address:visible');
    await chosen.waitFor();
    expect(Number(await chosen.getAttribute('data-id'))).toBe(savedId);
    expect(await chosen.innerText()).toContain('王小美');
    expect(await page.locator('.contact-name-input:visible').count()).toBe(0);

    await page.locator(`.slot-day[data-date="${tomorrow}"]:visible`).click();
    await page.locator(`.slot-day--active[data-date="${tomorrow}"]:visible`).waitFor();
    const chip = page.locator('.slot-chip:visible:not(.slot-chip--disabled)').first();
    await chip.waitFor();
    await chip.click();
    await page.locator('.slot-chip--selected:visible').waitFor();
    await settle(page);
    await page.screenshot({ path: join(ARTIFACTS, 'address-checkout.png'), fullPage: true });

    await page.locator('.submit-order:visible').click();
    await page.locator('.mock-pay-sheet').waitFor();
    await page.locator('.mock-pay-confirm').click();
    await page.locator('.order-status:visible', { hasText: '已支付' }).waitFor();
    const shipTo = await page.locator('.order-address:visible').innerText();
    expect(shipTo).toContain('王小美');
    expect(shipTo).toContain('3 号楼 501');

    const orders = await api<{ items: Order[] }>(stack.base, '/orders', { token });
    expect(orders.items[0]).toMatchObject({ type: 'delivery', status: 'paid' });
    const [used] = (await api<AddressListResponse>(stack.base, '/me/addresses', { token })).items;
    expect(used.lastUsedAt).not.toBeNull();
  });

  it('preselects the same address at the next checkout', async () => {
    await buyNow();
    const chosen = page.locator('.checkout-address:visible');
    await chosen.waitFor();
    expect(Number(await chosen.getAttribute('data-id'))).toBe(savedId);
    await page.locator('.slot-chip:visible').first().waitFor();
  });

  it('says an address outside every zone cannot be delivered before the slot step', async () => {
    const far = await api<SavedAddress>(stack.base, '/me/addresses', {
      token,
      method: 'POST',
      body: {
        contactName: '王小美',
        phone: '13800138000',
        address: '北京市东城区天安门',
        ...BEIJING,
        tag: '公司',
      },
    });
    await page.locator('.checkout-address-change:visible').click();
    const farItem = page.locator(`.address-item[data-id="${far.id}"]:visible`);
    await farItem.waitFor();
    await page.locator(`.address-item--selected[data-id="${savedId}"]:visible`).waitFor();
    await farItem.click();

    const notice = page.locator('.address-out-of-zone:visible');
    await notice.waitFor();
    expect(await notice.innerText()).toContain('不在配送范围');
    expect(Number(await page.locator('.checkout-address:visible').getAttribute('data-id'))).toBe(far.id);
    expect(await page.locator('.slot-picker:visible').count()).toBe(0);
    expect(await page.locator('.slot-chip:visible').count()).toBe(0);
    await settle(page);
    await page.screenshot({ path: join(ARTIFACTS, 'address-out-of-zone.png'), fullPage: true });

    await notice.locator('.switch-to-pickup').click();
    await page.locator('.mode-pickup.mode-tab--active:visible').waitFor();
  });
});
