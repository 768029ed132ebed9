import { startAmapMock, type AmapMock } from '@omni/mock/amap';
import { AmapGeoProvider, type AmapGeoProviderOptions } from './amap-geo-provider';
import { OfflineGeoProvider } from './offline-geo-provider';

const PEOPLES_SQUARE = { lat: 31.2317, lng: 121.4752 };
const PEARL = { lat: 31.239703, lng: 121.499718 };
const offline = new OfflineGeoProvider();

let mock: AmapMock;

beforeAll(async () => {
  mock = await startAmapMock({ key: 'test-key' });
});
afterAll(() => mock.close());
beforeEach(() => {
  mock.resetCalls();
  mock.setMode({});
});

function setup(overrides: Partial<AmapGeoProviderOptions> = {}) {
  const clock = { nowMs: 0 };
  const sleeps: number[] = [];
  const warnings: Array<Record<string, unknown>> = [];
  const geo = new AmapGeoProvider({
    key: 'test-key',
    baseUrl: mock.url,
    now: () => clock.nowMs,
    sleep: async (ms) => {
      sleeps.push(ms);
    },
    random: () => 1,
    backoffBaseMs: 100,
    maxRetries: 3,
    failureThreshold: 2,
    coolDownMs: 10_000,
    authCoolDownMs: 60_000,
    log: { warn: (obj) => warnings.push(obj as Record<string, unknown>) },
    ...overrides,
  });
  return { geo, clock, sleeps, warnings };
}

describe('AmapGeoProvider when AMap misbehaves', () => {
  it('retries a QPS-limit answer with exponential back-off, then succeeds', async () => {
    mock.setMode({ qpsExceededNext: 2 });
    const { geo, sleeps, warnings } = setup();
    const route = await geo.route(PEOPLES_SQUARE, PEARL, 'driving');
    expect(mock.calls.map((c) => c.infocode)).toEqual(['10021', '10021', '10000']);
    expect(sleeps).toEqual([100, 200]);
    expect(route.polyline.length).toBeGreaterThan(2); // AMap's answer, not the offline straight line
    expect(warnings).toHaveLength(0);
    expect(geo.circuitState).toBe('closed');
  });

  it('gives up after the retry budget, answers offline, and opens the circuit after repeated failures', async () => {
    mock.setMode({ qpsExceededNext: 100, qpsInfocode: '10019' });
    const { geo, sleeps, warnings } = setup();
    const first = await geo.route(PEOPLES_SQUARE, PEARL, 'ebike');
    expect(mock.calls).toHaveLength(4);
    expect(sleeps).toEqual([100, 200, 400]);
    expect(first).toEqual(await offline.route(PEOPLES_SQUARE, PEARL, 'ebike'));
    expect(geo.circuitState).toBe('closed');
    await geo.route(PEOPLES_SQUARE, PEARL, 'ebike');
    expect(geo.circuitState).toBe('open');
    expect(warnings.map((w) => w.infocode)).toEqual(['10019', '10019']);
  });

  it.each([
    ['an invalid key', { invalidKey: true }, '10001'],
    ['an exhausted daily quota', { dailyQuotaExceeded: true }, '10003'],
  ])('does not retry %s: the circuit opens and offline answers follow', async (_name, failures, infocode) => {
    mock.setMode(failures);
    const { geo, sleeps } = setup();
    const matrix = await geo.matrix([PEOPLES_SQUARE], [PEARL], 'ebike');
    expect(mock.calls.map((c) => c.infocode)).toEqual([infocode]);
    expect(sleeps).toEqual([]);
    expect(geo.circuitState).toBe('open');
    expect(matrix).toEqual(await offline.matrix([PEOPLES_SQUARE], [PEARL], 'ebike'));
    // While open, nothing reaches AMap.
    expect(await geo.geocode('东方明珠')).toEqual(await offline.geocode('东方明珠'));
    expect(await geo.reverseGeocode(PEARL)).toEqual(await offline.reverseGeocode(PEARL));
    expect(mock.calls).toHaveLength(1);
  });

  it('half-opens after the cool-down and closes again once AMap answers', async () => {
    mock.setMode({ invalidKey: true });
    const { geo, clock } = setup();
    await geo.geocode('东方明珠');
    expect(geo.circuitState).toBe('open');
    mock.setMode({});
    clock.nowMs = 59_999;
    await geo.geocode('人民广场');
    expect(mock.calls).toHaveLength(1);
    clock.nowMs = 60_000;
    expect(geo.circuitState).toBe('half-open');
    expect(await geo.geocode('人民广场')).toMatchObject({ formattedAddress: '上海市黄浦区人民广场' });
    expect(mock.calls).toHaveLength(2);
    expect(geo.circuitState).toBe('closed');
  });

  it('re-opens when the half-open trial fails again', async () => {
    mock.setMode({ invalidKey: true });
    const { geo, clock } = setup();
    await geo.geocode('东方明珠');
    clock.nowMs = 60_000;
    await geo.geocode('东方明珠');
    expect(mock.calls).toHaveLength(2);
    expect(geo.circuitState).toBe('open');
  });

  it('times out a slow answer, retries within budget, then answers offline promptly', async () => {
    mock.setMode({ delayMs: 2_000 });
    const { geo, warnings } = setup({ timeoutMs: 200, maxRetries: 1 });
    const startedMs = Date.now();
    const hit = await geo.geocode('东方明珠');
    expect(Date.now() - startedMs).toBeLessThan(1_500);
    expect(mock.calls).toHaveLength(2);
    expect(hit).toEqual(await offline.geocode('东方明珠'));
    expect(warnings[0]).toMatchObject({ op: 'geocode', infocode: 'TIMEOUT', kind: 'transient' });
  });

  it('answers a route AMap cannot plan from the offline provider without counting it against AMap', async () => {
    const { geo } = setup({ failureThreshold: 1 });
    const beijing = { lat: 39.9087, lng: 116.3975 };
    const route = await geo.route(PEOPLES_SQUARE, beijing, 'walking'); // beyond AMap's 100 km walking range
    expect(mock.calls.map((c) => c.infocode)).toEqual(['20803']);
    expect(route).toEqual(await offline.route(PEOPLES_SQUARE, beijing, 'walking'));
    expect(geo.circuitState).toBe('closed');
  });
});
