import { DB_TARGETS, startTestApp, type TestApp } from './harness';

describe.each(DB_TARGETS)('HTTP edge on $name', (target) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(target, { seed: false, env: { BODY_LIMIT_KB: '1' } });
  });
  afterAll(async () => {
    await t.close();
  });

  it('answers /healthz with the database kind', async () => {
    const res = await t.http.get('/healthz').expect(200);
    expect(res.body).toEqual({ status: 'ok', db: target.name, redis: false });
  });

  it('answers an unknown route with 404 JSON and echoes a request id', async () => {
    const res = await t.http.get('/api/v1/nope').expect(404);
    expect(res.body.error.code).toBe('ROUTE_NOT_FOUND');
    expect(res.headers['x-request-id']).toBe(res.body.error.requestId);
  });

  it('answers a wrong method with 405 JSON', async () => {
    const res = await t.http.delete('/api/v1/products').expect(405);
    expect(res.body.error.code).toBe('METHOD_NOT_ALLOWED');
  });

  it('answers an oversized body with 413', async () => {
    const res = await t.http
      .post('/api/v1/auth/wechat')
      .send({ code: 'x', pad: 'y'.repeat(4096) })
      .expect(413);
    expect(res.body.error.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('serves an OpenAPI document generated from the shared schemas', async () => {
    const res = await t.http.get('/api/v1/openapi.json').expect(200);
    expect(res.body.openapi).toMatch(/^3\./);
    const op = res.body.paths['/products'].get;
    expect(op.parameters.map((p: { name: string }) => p.name)).toEqual(
      expect.arrayContaining(['q', 'page', 'pageSize']),
    );
  });
});
