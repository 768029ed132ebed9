import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DB_TARGETS, startTestApp, type TestApp } from './harness';

// The console's build as Vite lays it out: index.html and content-hashed assets/.
const dir = mkdtempSync(join(tmpdir(), 'omni-admin-'));
mkdirSync(join(dir, 'assets'));
writeFileSync(join(dir, 'index.html'), '<!doctype html><html><body><div id="root"></div></body></html>');
writeFileSync(join(dir, 'assets', 'index-AbC123.js'), 'console.log(1)');
writeFileSync(join(dir, 'favicon.svg'), '<svg/>');

describe('the back-office console at /admin/ (SQLite)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(DB_TARGETS[0], { seed: false, env: { ADMIN_DIR: dir } });
  });
  afterAll(async () => {
    await t.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('serves index.html at /admin/, never cached', async () => {
    const res = await t.http.get('/admin/').expect(200);
    expect(res.text).toContain('<div id="root">');
    expect(res.headers['cache-control']).toBe('no-cache');
  });

  it('redirects /admin to /admin/ keeping the query', async () => {
    const res = await t.http.get('/admin?x=1').expect(302);
    expect(res.headers.location).toBe('/admin/?x=1');
  });

  it('answers client-side routes with the page (SPA fallback)', async () => {
    for (const path of ['/admin/products/deep/link', '/admin/orders/42', '/admin/login?from=%2Fstock']) {
      const res = await t.http.get(path).expect(200);
      expect(res.text).toContain('<div id="root">');
    }
  });

  it('caches hashed assets for a year and revalidates other files', async () => {
    const js = await t.http.get('/admin/assets/index-AbC123.js').expect(200);
    expect(js.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    const icon = await t.http.get('/admin/favicon.svg').expect(200);
    expect(icon.headers['cache-control']).toBe('no-cache');
  });

  it('answers a missing asset 404 instead of the page', async () => {
    await t.http.get('/admin/assets/index-Old999.js').expect(404);
    await t.http.get('/admin/missing.png').expect(404);
  });

  it('leaves the admin API and other paths alone', async () => {
    const api = await t.http.get('/api/v1/admin/me').expect(401);
    expect(api.body.error.code).toBeDefined();
    await t.http.get('/administrator').expect(404);
    await t.http.post('/admin/').expect(404);
  });
});
