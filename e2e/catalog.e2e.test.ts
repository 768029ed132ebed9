import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { ARTIFACTS, settle, startStack, type Stack } from './stack';

describe('H5 shop in Chromium: browse, search, product, login', () => {
  let stack: Stack;
  let page: Page;

  beforeAll(async () => {
    stack = await startStack();
    page = await (await stack.context()).newPage();
  });
  afterAll(async () => {
    await stack?.close();
  });

  it('opens the home page with products', async () => {
    await page.goto(`${stack.base}/`);
    await page.locator('.product-card').first().waitFor();
    expect(await page.locator('.product-card').count()).toBeGreaterThanOrEqual(10);
  });

  it('searches 面霜 and finds face creams', async () => {
    await page.locator('.search-input').fill('面霜');
    await page.locator('.search-button').click();
    await page.locator('.product-name', { hasText: '面霜' }).first().waitFor();
    await settle(page);
    const names = await page.locator('.product-name').allInnerTexts();
    expect(names.length).toBeGreaterThanOrEqual(3);
    expect(names.filter((n) => n.includes('面霜')).length).toBeGreaterThanOrEqual(3);
    await page.screenshot({ path: join(ARTIFACTS, 'catalog-search.png') });
  });

  it('opens a product and shows its name and ¥ price', async () => {
    const card = page
      .locator('.product-card')
      .filter({ has: page.locator('.product-name', { hasText: '面霜' }) })
      .first();
    const name = (await card.locator('.product-name').innerText()).trim();
    await card.click();
    await page.locator('.detail-name').waitFor();
    await settle(page);
    expect((await page.locator('.detail-name').innerText()).trim()).toBe(name);
    expect(await page.locator('.detail-price').innerText()).toMatch(/¥\s?\d+\.\d{2}/);
    expect(await page.locator('.stock-row').count()).toBeGreaterThan(0);
    await page.screenshot({ path: join(ARTIFACTS, 'catalog-product.png') });
  });

  it('logs in on 我的', async () => {
    await page.goto(`${stack.base}/#/pages/me/index`);
    await page.locator('.login-button').waitFor();
    await page.locator('.login-button').click();
    await page.locator('.user-nickname').waitFor();
    expect(await page.locator('.user-nickname').innerText()).toContain('体验用户');
    await settle(page);
    await page.screenshot({ path: join(ARTIFACTS, 'me-logged-in.png') });
  });
});
