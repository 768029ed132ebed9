import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { createApp } from '../bff/src/app';
import { loadConfig } from '../bff/src/config';
import { createContainer, type Container } from '../bff/src/container';
import { createLogger } from '../bff/src/logger';
import type { Clock } from '../bff/src/clock';

const ROOT = join(__dirname, '..');
/** Where screenshots go (git-ignored). */
export const ARTIFACTS = join(ROOT, 'artifacts', 'e2e');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** A real BFF serving the H5 build on a random port, and a headless Chromium. */
export interface Stack {
  base: string;
  container: Container;
  browser: Browser;
  server: Server;
  /**
   * A fresh browser context (own storage) with a phone-sized viewport, signed in (on 登录) as the
   * demo customer `demoOpenid` (default E2E_OPENID, the one `devLoginToken` acts as); `null`
   * leaves the H5 build to make its own random demo customer, as for a real visitor.
   */
  /** `consent: 'manual'`: the test answers the H5 subscription dialog itself (default: 允许 as soon as it shows). */
  context(opts?: { demoOpenid?: string | null; consent?: 'accept' | 'manual' }): Promise<BrowserContext>;
  close(): Promise<void>;
}

/** Starts the stack on a fresh in-memory SQLite database seeded with the demo data. */
export async function startStack(opts: { clock?: Clock; env?: Record<string, string> } = {}): Promise<Stack> {
  const h5 = join(ROOT, 'miniapp', 'dist', 'h5');
  if (!existsSync(join(h5, 'index.html')))
    throw new Error('H5 build missing: run `npm run build:h5` (npm test does)');
  mkdirSync(ARTIFACTS, { recursive: true });
  const config = loadConfig({
    NODE_ENV: 'test',
    DATABASE_URL: 'sqlite::memory:',
    JWT_SECRET: 'e2e-secret-0123456789abcdef',
    ALLOW_DEV_LOGIN: '1',
    JOBS_INTERVAL_S: '0',
    H5_DIR: h5,
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    ...opts.env,
  });
  const container = await createContainer(config, createLogger(config.logLevel), { clock: opts.clock });
  const app = createApp(container);
  const server = createServer(app.callback());
  // socket.io on the same origin, as bff/src/server.ts does (live inbox, order pushes).
  container.realtime.attach(server);
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  return {
    base,
    container,
    browser,
    server,
    context: async (opts = {}) => {
      const ctx = await browser.newContext({
        viewport: { width: 390, height: 844 },
        deviceScaleFactor: 1,
        locale: 'zh-CN',
        timezoneId: 'Asia/Shanghai',
      });
      // The H5 demo stands in for WeChat's subscription sheet with a Taro dialog (接收通知) at
      // checkout, handoff and after-sales; a customer here answers 允许 as soon as it shows.
      if (opts.consent !== 'manual') {
        await ctx.addInitScript(() => {
          const answer = () => {
            for (const box of Array.from(document.querySelectorAll('.taro-modal__content'))) {
              if (!box.textContent?.includes('接收通知')) continue;
              const allow = Array.from(box.querySelectorAll('.taro-modal__foot *')).find(
                (el) => el.textContent?.trim() === '允许' && el.children.length === 0,
              ) as HTMLElement | undefined;
              allow?.click();
            }
          };
          new MutationObserver(answer).observe(document, {
            childList: true,
            subtree: true,
            attributes: true,
            characterData: true,
          });
        });
      }
      const openid = opts.demoOpenid === undefined ? E2E_OPENID : opts.demoOpenid;
      // Taro's H5 storage keeps `{ data }` in localStorage (services/auth.ts reads omni.demoOpenid).
      if (openid !== null) {
        await ctx.addInitScript((id) => {
          localStorage.setItem('omni.demoOpenid', JSON.stringify({ data: id }));
        }, openid);
      }
      return ctx;
    },
    close: async () => {
      await browser.close();
      await container.realtime.close();
      server.closeAllConnections();
      await new Promise<void>((ok) => server.close(() => ok()));
      await container.close();
    },
  };
}

/** Waits out an H5 page transition (~300 ms) before asserting or taking a screenshot. */
export async function settle(page: Page, ms = 400): Promise<void> {
  await page.waitForTimeout(ms);
}

/** Calls the stack's HTTP API directly (checks behind the UI); throws with the body on non-2xx. */
export async function api<T>(
  base: string,
  path: string,
  opts: { token?: string; method?: string; body?: unknown } = {},
): Promise<T> {
  const res = await fetch(`${base}/api/v1${path}`, {
    method: opts.method ?? 'GET',
    headers: {
      Accept: 'application/json',
      ...(opts.body !== undefined ? { 'Content-Type': 'application/json' } : {}),
      ...(opts.token ? { Authorization: `Bearer ${opts.token}` } : {}),
    },
    body: opts.body !== undefined ? JSON.stringify(opts.body) : undefined,
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${opts.method ?? 'GET'} ${path} → ${res.status}: ${text}`);
  return JSON.parse(text) as T;
}

/** The demo customer the browser contexts of `Stack.context()` sign in as. */
export const E2E_OPENID = 'h5-0000e2e0e2e0e2e0';

/** A token of the consumer the H5 build signs in as (the same openid, so the same orders). */
export async function devLoginToken(base: string, openid = E2E_OPENID): Promise<string> {
  const body = await api<{ token: string }>(base, '/auth/dev', {
    method: 'POST',
    body: { role: 'consumer', openid, nickname: '体验用户' },
  });
  return body.token;
}

/** Tomorrow's date in Shanghai, `YYYY-MM-DD` (slots there are past no cut-off yet). */
export function shanghaiTomorrow(now = Date.now()): string {
  return new Date(now + 8 * 3_600_000 + 86_400_000).toISOString().slice(0, 10);
}
