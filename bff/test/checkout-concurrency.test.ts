import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SlotEntity } from '../src/modules/slots/slot.entity';
import { StockEntity } from '../src/modules/catalog/catalog.entity';
import { OrderEntity } from '../src/modules/orders/order.entity';
import { DB_TARGETS, startTestApp, type TestApp } from './harness';
import { DAY, MORNING, MutableClock, address, zonePoint } from './fixtures';

const ATTEMPTS = 200;
const CLIENTS = 50;
const CAPACITY = 20;
const STOCK = 30;

describe.each(DB_TARGETS)('concurrent checkout on $name', (target) => {
  let t: TestApp;
  let server: Server;
  let base: string;

  beforeAll(async () => {
    t = await startTestApp(target, {
      clock: new MutableClock(new Date(MORNING)),
      env: { JOBS_INTERVAL_S: '0' },
    });
    server = createServer(t.callback);
    await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    if (server) await new Promise<void>((ok) => server.close(() => ok()));
    await t?.close();
  });

  it(`never oversells ${STOCK} units or overbooks ${CAPACITY} seats under ${ATTEMPTS} concurrent attempts`, async () => {
    const here = zonePoint(0);
    const tokens = await Promise.all(
      Array.from(
        { length: CLIENTS },
        async (_, i) => (await t.login('consumer', { openid: `load-${i}` })).token,
      ),
    );
    const auth = { Authorization: `Bearer ${tokens[0]}` };
    const slots = (await (
      await fetch(`${base}/api/v1/slots?lat=${here.lat}&lng=${here.lng}&date=${DAY}`, { headers: auth })
    ).json()) as { slots: Array<{ id: number }>; zone: { storeId: number } };
    const slotId: number = slots.slots[3].id;
    const storeId: number = slots.zone.storeId;
    const productId = (
      await t.container.db.getRepository(StockEntity).findOneByOrFail({ storeId, productId: 1 })
    ).productId;
    await t.container.db.getRepository(StockEntity).update({ storeId, productId }, { quantity: STOCK });
    await t.container.db.getRepository(SlotEntity).update({ id: slotId }, { capacity: CAPACITY, booked: 0 });

    // Each attempt buys 1 or 2 units; every 10th repeats an earlier attempt's key and body.
    const attempts = Array.from({ length: ATTEMPTS }, (_, i) => ({
      client: i % CLIENTS,
      key: `conc-${i}-key`,
      quantity: 1 + (i % 2),
    }));
    const retries = attempts.filter((_, i) => i % 10 === 0).map((a) => ({ ...a }));
    const post = (a: { client: number; key: string; quantity: number }) =>
      fetch(`${base}/api/v1/orders`, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          Authorization: `Bearer ${tokens[a.client]}`,
          'Idempotency-Key': a.key,
        },
        body: JSON.stringify({
          type: 'delivery',
          slotId,
          address: address(here),
          items: [{ productId, quantity: a.quantity }],
        }),
      }).then(async (r) => ({
        status: r.status,
        body: (await r.json()) as { id: number; error: { code: string } },
        key: a.key,
      }));
    const results = await Promise.all([...attempts, ...retries].map(post));

    const statuses = new Set(results.map((r) => r.status));
    expect([...statuses].every((s) => [200, 201, 409].includes(s))).toBe(true);
    const codes = new Set(results.filter((r) => r.status === 409).map((r) => r.body.error.code));
    expect([...codes].every((c) => c === 'SLOT_FULL' || c === 'OUT_OF_STOCK')).toBe(true);

    const orders = await t.container.db.getRepository(OrderEntity).findBy({ slotId });
    const slot = await t.container.db.getRepository(SlotEntity).findOneByOrFail({ id: slotId });
    const stock = await t.container.db.getRepository(StockEntity).findOneByOrFail({ storeId, productId });
    const sold = (
      await t.container.db.query(
        'SELECT COALESCE(SUM(i.quantity), 0) AS n FROM order_items i JOIN orders o ON o.id = i.order_id WHERE o.slot_id = ?',
        [slotId],
      )
    )[0].n;

    expect(slot.booked).toBeLessThanOrEqual(CAPACITY);
    expect(slot.booked).toBe(orders.length);
    expect(Number(sold)).toBeLessThanOrEqual(STOCK);
    expect(stock.quantity).toBe(STOCK - Number(sold));
    expect(stock.quantity).toBeGreaterThanOrEqual(0);
    // Something was sold, and the limit that binds was reached.
    expect(orders.length).toBeGreaterThan(0);
    expect(slot.booked === CAPACITY || stock.quantity < 2).toBe(true);
    // One order per key, and every retry that succeeded answered with its original order.
    const keys = orders.map((o) => `${o.userId}:${o.idempotencyKey}`);
    expect(new Set(keys).size).toBe(keys.length);
    const created = new Map(results.filter((r) => r.status === 201).map((r) => [r.key, r.body.id]));
    for (const r of results.filter((x) => x.status === 200))
      expect(created.get(r.key) ?? r.body.id).toBe(r.body.id);
  });
});
