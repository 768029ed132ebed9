import { apiRouters } from '../src/app';
import { startTestApp, type TestApp } from './harness';

// The document at /api/v1/openapi.json is written by hand beside the routers; this keeps the two
// in step: every route a router registers is documented, and every documented route is served.

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ name: 'sqlite' });
});
afterAll(() => t.close());

const METHODS = ['get', 'post', 'put', 'patch', 'delete'];

/** `METHOD /path` of every route the `/api/v1` routers register, `:name` written `{name}` as OpenAPI does. */
function servedRoutes(): string[] {
  const out = new Set<string>();
  for (const router of apiRouters(t.container)) {
    for (const layer of router.stack) {
      // A RegExp path is left as it is, so it shows up as undocumented rather than vanishing.
      const path =
        typeof layer.path === 'string'
          ? layer.path.replace(/:(\w+)(\([^)]*\))?\??/g, '{$1}')
          : String(layer.path);
      for (const m of layer.methods) {
        // @koa/router answers HEAD for every GET by itself; that is not a route of its own.
        if (m === 'HEAD' && layer.methods.includes('GET')) continue;
        out.add(`${m} ${path}`);
      }
    }
  }
  return [...out].sort();
}

/** `METHOD /path` of every operation in the served document. */
async function documentedRoutes(): Promise<string[]> {
  const res = await t.http.get('/api/v1/openapi.json').expect(200);
  const paths = (res.body as { paths: Record<string, Record<string, unknown>> }).paths;
  return Object.entries(paths)
    .flatMap(([path, ops]) =>
      Object.keys(ops)
        .filter((m) => METHODS.includes(m))
        .map((m) => `${m.toUpperCase()} ${path}`),
    )
    .sort();
}

describe('the OpenAPI document', () => {
  it('is compared with the routes the app really mounts', () => {
    expect(servedRoutes()).toEqual(
      expect.arrayContaining(['POST /orders', 'GET /orders/{id}', 'POST /payments/wechat/notify']),
    );
  });

  it('documents every route the API serves', async () => {
    const documented = new Set(await documentedRoutes());
    expect(servedRoutes().filter((r) => !documented.has(r))).toEqual([]);
  });

  it('documents no route the API does not serve', async () => {
    const served = new Set(servedRoutes());
    expect((await documentedRoutes()).filter((r) => !served.has(r))).toEqual([]);
  });
});
