import { randomBytes } from 'node:crypto';
import sharp from 'sharp';
import type { AdminProduct, AdminUploadResponse, AuditListResponse } from '@omni/shared-types';
import { DB_TARGETS, startTestApp, type TestApp } from './harness';

const PASSWORD = 'uploads-admin-42';

/** A real image made in memory: a colour gradient with a stripe, so it does not compress to nothing. */
function picture(width: number, height: number): ReturnType<typeof sharp> {
  const raw = Buffer.alloc(width * height * 3);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 3;
      raw[i] = (x * 255) / width;
      raw[i + 1] = (y * 255) / height;
      raw[i + 2] = x % 50 < 25 ? 200 : 40;
    }
  }
  return sharp(raw, { raw: { width, height, channels: 3 } });
}

describe.each(DB_TARGETS)('product images uploaded through the BFF on $name', (target) => {
  let t: TestApp;
  let admin: string;
  let manager: string;
  let png: Buffer;
  let jpegWithExif: Buffer;

  const backoffice = async (username: string, role: 'admin' | 'store_manager', storeId?: number) => {
    await t.container.services.adminUsers.createOrReset({ username, password: PASSWORD, role, storeId });
    const res = await t.http
      .post('/api/v1/admin/auth/login')
      .send({ username, password: PASSWORD })
      .expect(200);
    return `Bearer ${res.body.token as string}`;
  };
  const upload = (bytes: Buffer, type: string, auth = admin) =>
    t.http.post('/api/v1/admin/uploads').set('Authorization', auth).set('Content-Type', type).send(bytes);

  beforeAll(async () => {
    t = await startTestApp(target, { env: { JOBS_INTERVAL_S: '0' } });
    admin = await backoffice(`up-admin-${target.name}`, 'admin');
    const store = (await t.http.get('/api/v1/stores/nearby?lat=31.23&lng=121.47').expect(200)).body.items[0];
    manager = await backoffice(`up-manager-${target.name}`, 'store_manager', store.id as number);
    png = await picture(2000, 1000).png().toBuffer();
    jpegWithExif = await picture(800, 600)
      .jpeg()
      .withExif({ IFD0: { Copyright: 'secret-owner', Artist: 'phone' } })
      .toBuffer();
  });
  afterAll(async () => {
    await t.close();
  });

  it('stores a PNG scaled to 1200 px on its long side and serves it at the url it answers', async () => {
    const res = await upload(png, 'image/png').expect(201);
    const body = res.body as AdminUploadResponse;
    expect(body).toMatchObject({ width: 1200, height: 600, contentType: 'image/png' });
    expect(body.url).toMatch(/^\/assets\/uploads\/products\/[0-9a-f]{32}\.png$/);
    const served = await t.http.get(body.url).buffer(true).expect(200);
    expect(served.headers['content-type']).toBe('image/png');
    const bytes = served.body as Buffer;
    expect(bytes.length).toBe(body.bytes);
    const meta = await sharp(bytes).metadata();
    expect([meta.format, meta.width, meta.height]).toEqual(['png', 1200, 600]);
    // The same picture again is the same file.
    expect(((await upload(png, 'image/png').expect(201)).body as AdminUploadResponse).url).toBe(body.url);
  });

  it('keeps a small JPEG its size and drops its EXIF metadata', async () => {
    expect((await sharp(jpegWithExif).metadata()).exif).toBeDefined();
    const body = (await upload(jpegWithExif, 'image/jpeg; charset=binary').expect(201))
      .body as AdminUploadResponse;
    expect(body).toMatchObject({ width: 800, height: 600, contentType: 'image/jpeg' });
    expect(body.url).toMatch(/\.jpg$/);
    const bytes = (await t.http.get(body.url).buffer(true).expect(200)).body as Buffer;
    const meta = await sharp(bytes).metadata();
    expect(meta.format).toBe('jpeg');
    expect(meta.exif).toBeUndefined();
    expect(bytes.includes(Buffer.from('secret-owner'))).toBe(false);
  });

  it('takes WebP as WebP', async () => {
    const webp = await picture(300, 1500).webp().toBuffer();
    const body = (await upload(webp, 'image/webp').expect(201)).body as AdminUploadResponse;
    expect(body).toMatchObject({ width: 240, height: 1200, contentType: 'image/webp' });
    const served = await t.http.get(body.url).buffer(true).expect(200);
    expect((await sharp(served.body as Buffer).metadata()).format).toBe('webp');
  });

  it('refuses bytes that are not what their Content-Type says (415)', async () => {
    const spoofed = await upload(png, 'image/jpeg').expect(415);
    expect(spoofed.body.error).toMatchObject({ code: 'UNSUPPORTED_MEDIA_TYPE' });
    expect(spoofed.body.error.message).toContain('image/png');
    const text = await upload(Buffer.from('just some text, not a picture\n'), 'image/png').expect(415);
    expect(text.body.error.code).toBe('UNSUPPORTED_MEDIA_TYPE');
    const gif = Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64');
    expect((await upload(gif, 'image/gif').expect(415)).body.error.code).toBe('UNSUPPORTED_MEDIA_TYPE');
    expect((await upload(gif, 'image/png').expect(415)).body.error.code).toBe('UNSUPPORTED_MEDIA_TYPE');
    const json = await t.http
      .post('/api/v1/admin/uploads')
      .set('Authorization', admin)
      .send({ url: 'x' })
      .expect(415);
    expect(json.body.error.code).toBe('UNSUPPORTED_MEDIA_TYPE');
    expect((await upload(Buffer.alloc(0), 'image/png').expect(415)).body.error.code).toBe(
      'UNSUPPORTED_MEDIA_TYPE',
    );
  });

  it('refuses more than 2 MB (413) and a damaged picture (422)', async () => {
    const big = Buffer.concat([png.subarray(0, 64), randomBytes(2 * 1024 * 1024)]);
    const res = await upload(big, 'image/png').expect(413);
    expect(res.body.error.code).toBe('PAYLOAD_TOO_LARGE');
    const broken = Buffer.concat([png.subarray(0, 200), Buffer.alloc(200)]);
    const bad = await upload(broken, 'image/png').expect(422);
    expect(bad.body.error.code).toBe('IMAGE_UNREADABLE');
  });

  it('is for admins only: 401 without a token, 403 for a store manager', async () => {
    await t.http.post('/api/v1/admin/uploads').set('Content-Type', 'image/png').send(png).expect(401);
    expect((await upload(png, 'image/png', manager).expect(403)).body.error.code).toBe('FORBIDDEN');
  });

  it('gives urls the product admin API takes as images, shown in the shop, and audited', async () => {
    const { url } = (await upload(jpegWithExif, 'image/jpeg').expect(201)).body as AdminUploadResponse;
    const category = (await t.http.get('/api/v1/categories').expect(200)).body.items[0].id as string;
    const created = await t.http
      .post('/api/v1/admin/products')
      .set('Authorization', admin)
      .send({
        sku: `UP-${target.name}-1`,
        name: '上传图片测试商品',
        categoryId: category,
        priceFen: 1990,
        unit: '件',
        images: [url],
      })
      .expect(201);
    const product = created.body as AdminProduct;
    expect(product.images).toEqual([url]);
    const shown = await t.http.get(`/api/v1/products/${product.id}`).expect(200);
    expect(shown.body.images).toEqual([url]);
    const audit = (
      await t.http
        .get('/api/v1/admin/audit')
        .query({ entity: 'upload', entityId: url.replace('/assets/uploads/', '') })
        .set('Authorization', admin)
        .expect(200)
    ).body as AuditListResponse;
    expect(audit.items[0]).toMatchObject({ action: 'upload', role: 'admin' });
    expect(audit.items[0].after).toMatchObject({ url, contentType: 'image/jpeg' });
  });
});
