import type {
  CourierRoute,
  NotificationListResponse,
  NotificationRow,
  NotifyPreferencesResponse,
  NotifyTemplate,
  OfferedTemplatesResponse,
  Order,
  SlotsResponse,
  SubscribeConsentResponse,
} from '@omni/shared-types';
import { destinationPoint } from '../src/algorithms/geo';
import { StockEntity } from '../src/modules/catalog/catalog.entity';
import { createTxRunner } from '../src/db/tx';
import { JobEntity } from '../src/modules/jobs/job.entity';
import { NotificationEntity, NotifyAllowanceEntity } from '../src/modules/notifications/notify.entity';
import { CourierEntity } from '../src/modules/stores/store.entity';
import { DB_TARGETS, startTestApp, type TestApp } from './harness';
import { DAY, MORNING, MutableClock, address, key, zonePoint } from './fixtures';

// Subscription messages through the outbox against the WeChat mock: consent, fitting, retries,
// token refresh, dead letters, leases, and the shipping-info upload of a dispatched order.
describe.each(DB_TARGETS)('notifications on $name', (target) => {
  let t: TestApp;
  let clock: MutableClock;
  let admin: string;
  let storeId: number;
  let productId: number;
  const here = zonePoint(0);
  const wechat = () => t.container.mocks.wechat!;
  const run = () => t.container.services.jobs.runDue();
  let n = 0;

  const consumer = async (tag: string) => {
    const openid = `notify-${target.name}-${tag}-${++n}`;
    return { auth: `Bearer ${(await t.login('consumer', { openid })).token}`, openid };
  };
  const offer = async (auth: string, scene: string, orderType?: string) =>
    (
      await t.http
        .get('/api/v1/notifications/templates')
        .query({ scene, ...(orderType ? { orderType } : {}) })
        .set('Authorization', auth)
        .expect(200)
    ).body as OfferedTemplatesResponse;
  const consent = async (auth: string, scene: string, results: Record<string, string>) =>
    (
      await t.http
        .post('/api/v1/notifications/consents')
        .set('Authorization', auth)
        .send({ scene, results })
        .expect(200)
    ).body as SubscribeConsentResponse;
  /** Offers the checkout templates and accepts them all, as the mini-program would on 提交订单. */
  const acceptCheckout = async (auth: string, orderType = 'pickup') => {
    const o = await offer(auth, 'checkout', orderType);
    return consent(auth, 'checkout', Object.fromEntries(o.items.map((i) => [i.templateId, 'accept'])));
  };
  const pickupOrder = async (auth: string): Promise<Order> => {
    const o = (
      await t.http
        .post('/api/v1/orders')
        .set('Authorization', auth)
        .set('Idempotency-Key', key('n'))
        .send({ type: 'pickup', storeId, items: [{ productId, quantity: 1 }] })
        .expect(201)
    ).body as Order;
    await t.http.post(`/api/v1/dev/mock-pay/${o.id}`).set('Authorization', auth).expect(200);
    return o;
  };
  const rows = async (q: Record<string, string | number>) =>
    (
      await t.http
        .get('/api/v1/admin/notifications')
        .query({ pageSize: 200, ...q })
        .set('Authorization', admin)
        .expect(200)
    ).body as NotificationListResponse;
  const paidRowOf = async (orderId: number): Promise<NotificationRow> =>
    (await rows({ orderId, event: 'order_paid' })).items[0];
  const sentTo = (openid: string) => wechat().messages.filter((m) => m.touser === openid);

  beforeAll(async () => {
    clock = new MutableClock(new Date(MORNING));
    t = await startTestApp(target, { clock, env: { JOBS_INTERVAL_S: '0' } });
    admin = `Bearer ${(await t.login('admin')).token}`;
    storeId = (await t.container.db.query('SELECT id FROM stores WHERE code = ?', [here.storeCode]))[0].id;
    productId = (
      await t.container.db.getRepository(StockEntity).find({ where: { storeId }, order: { id: 'ASC' } })
    ).find((s) => s.quantity >= 50)!.productId;
  }, 120_000);
  afterAll(async () => {
    await t.close();
  });
  beforeEach(async () => {
    await run(); // leftovers of the previous test
    wechat().reset();
  });

  it('sends exactly one "order paid" message, with fitted fields and the order page, to a customer who accepted', async () => {
    const alice = await consumer('alice');
    const offered = await offer(alice.auth, 'checkout', 'pickup');
    expect(offered.items.map((i) => i.event)).toEqual(['order_paid', 'ready_for_pickup']);
    const c = await consent(
      alice.auth,
      'checkout',
      Object.fromEntries(offered.items.map((i) => [i.templateId, 'accept'])),
    );
    expect(c.accepted).toBe(2);
    expect(c.allowances.map((a) => a.remaining)).toEqual([1, 1]);

    const order = await pickupOrder(alice.auth);
    expect((await paidRowOf(order.id)).status).toBe('pending');
    await run();
    await run(); // a second pass finds nothing more to send
    const sent = sentTo(alice.openid);
    expect(sent).toHaveLength(1);
    const m = sent[0];
    expect(m.template_id).toBe(offered.items[0].templateId);
    expect(m.page).toBe(`pages/order-detail/index?id=${order.id}`);
    expect(m.miniprogram_state).toBe('developer');
    expect(m.data.character_string1.value).toBe(order.orderNo);
    expect(m.data.amount3.value).toBe(`¥${(order.totalFen / 100).toFixed(2)}`);
    expect([...m.data.thing2.value].length).toBeLessThanOrEqual(20);
    // A pickup order has no slot: the time it became collectable (paid), in Asia/Shanghai.
    expect(m.data.time4.value).toMatch(/^\d{4}年\d{1,2}月\d{1,2}日 \d{2}:\d{2}$/);
    const row = await paidRowOf(order.id);
    expect(row).toMatchObject({ status: 'sent', attempts: 1, templateId: m.template_id, errcode: 0 });
    // The allowance was spent: a second paid order of hers is skipped.
    const allowance = await t.container.db
      .getRepository(NotifyAllowanceEntity)
      .findOneByOrFail({ templateId: m.template_id });
    expect(allowance.remaining).toBe(0);
    const again = await pickupOrder(alice.auth);
    await run();
    expect((await paidRowOf(again.id)).status).toBe('skipped_no_consent');
    expect(sentTo(alice.openid)).toHaveLength(1);
  });

  it('sends nothing to a customer who did not accept, and records why', async () => {
    const bob = await consumer('bob');
    const offered = await offer(bob.auth, 'checkout', 'pickup');
    const c = await consent(bob.auth, 'checkout', {
      [offered.items[0].templateId]: 'reject',
      [offered.items[1].templateId]: 'ban',
    });
    expect(c.accepted).toBe(0);
    const order = await pickupOrder(bob.auth);
    await run();
    const row = await paidRowOf(order.id);
    expect(row.status).toBe('skipped_no_consent');
    expect(row.lastError).toContain('订阅');
    expect(sentTo(bob.openid)).toHaveLength(0);
  });

  it('trusts only template ids it offered, each offer once, and caps what accepts add', async () => {
    const eve = await consumer('eve');
    const forged = await consent(eve.auth, 'checkout', { 'forged-template-id': 'accept' });
    expect(forged).toMatchObject({ accepted: 0, ignored: ['forged-template-id'] });
    const offered = await offer(eve.auth, 'checkout', 'pickup');
    const tid = offered.items[0].templateId;
    expect((await consent(eve.auth, 'checkout', { [tid]: 'accept' })).accepted).toBe(1);
    // The same answer replayed: the offer is used up.
    const replay = await consent(eve.auth, 'checkout', { [tid]: 'accept' });
    expect(replay).toMatchObject({ accepted: 0, ignored: [tid] });
    // Another scene's offer does not cover checkout templates.
    await offer(eve.auth, 'handoff');
    expect((await consent(eve.auth, 'checkout', { [tid]: 'accept' })).accepted).toBe(0);
    for (let i = 0; i < 15; i++) await acceptCheckout(eve.auth);
    const row = await t.container.db
      .getRepository(NotifyAllowanceEntity)
      .findOneByOrFail({ templateId: tid, remaining: 10 });
    expect(row.remaining).toBe(10);
    const bad = await t.http
      .post('/api/v1/notifications/consents')
      .set('Authorization', eve.auth)
      .send({ scene: 'nowhere', results: {} })
      .expect(400);
    expect(bad.body.error.code).toBe('VALIDATION_FAILED');
  });

  it('refreshes an expired token once for the whole batch and sends everything once', async () => {
    const people = [];
    for (let i = 0; i < 4; i++) {
      const p = await consumer(`batch${i}`);
      await acceptCheckout(p.auth);
      people.push({ ...p, order: await pickupOrder(p.auth) });
    }
    const before = wechat().stats().tokensIssued;
    wechat().expireToken();
    await run();
    for (const p of people) expect(sentTo(p.openid)).toHaveLength(1);
    expect(wechat().stats().tokensIssued - before).toBe(1);
    expect(wechat().stats().rejected['42001']).toBe(1);
  });

  it('retries a send that met 5xx twice and sends it once on the third try', async () => {
    const p = await consumer('flaky');
    await acceptCheckout(p.auth);
    wechat().fault('send', 'http5xx', 2);
    const order = await pickupOrder(p.auth);
    await run();
    let row = await paidRowOf(order.id);
    expect(row).toMatchObject({ status: 'retrying', attempts: 1 });
    expect(row.lastError).toContain('503');
    expect(Date.parse(row.nextAttemptAt!)).toBeGreaterThan(clock.now().getTime());
    clock.advanceMin(1);
    await run();
    expect((await paidRowOf(order.id)).status).toBe('retrying');
    clock.advanceMin(2);
    await run();
    row = await paidRowOf(order.id);
    expect(row).toMatchObject({ status: 'sent', attempts: 3 });
    expect(sentTo(p.openid)).toHaveLength(1);
  });

  it('dead-letters a message WeChat keeps refusing with 5xx after its last try, and gives the allowance back', async () => {
    const p = await consumer('outage');
    await acceptCheckout(p.auth);
    wechat().fault('send', 'http5xx', 50);
    const order = await pickupOrder(p.auth);
    for (let i = 0; i < 12; i++) {
      await run();
      clock.advanceMin(11); // past the longest backoff
    }
    const row = await paidRowOf(order.id);
    expect(row).toMatchObject({ status: 'dead', attempts: 10 });
    expect(row.lastError).toContain('重试 10 次仍失败');
    const allowance = await t.container.db
      .getRepository(NotifyAllowanceEntity)
      .findOneByOrFail({ userId: row.recipient.userId!, templateId: row.templateId! });
    expect(allowance.remaining).toBe(1);
    wechat().reset();
    clock.set(MORNING); // the later tests book today's slots
  });

  it('keeps the allowance on 43101, dead-letters 47003 naming the field, and re-drives a dead letter', async () => {
    const refusing = await consumer('refuses');
    const accepted = await acceptCheckout(refusing.auth);
    const tid = accepted.allowances.find((a) => a.event === 'order_paid')!.templateId;
    wechat().refuse(refusing.openid, tid);
    const o1 = await pickupOrder(refusing.auth);
    await run();
    const r1 = await paidRowOf(o1.id);
    expect(r1).toMatchObject({ status: 'skipped_no_consent', errcode: 43101 });
    const kept = await t.container.db
      .getRepository(NotifyAllowanceEntity)
      .findOneByOrFail({ userId: r1.recipient.userId!, templateId: tid });
    expect(kept.remaining).toBe(1);

    // The brand's template in WeChat gained a keyword our configuration does not fill.
    const p = await consumer('badfield');
    await acceptCheckout(p.auth);
    const tpl = (
      await t.http.get('/api/v1/admin/notification-templates').set('Authorization', admin).expect(200)
    ).body.items.find((x: NotifyTemplate) => x.event === 'order_paid') as NotifyTemplate;
    wechat().registerTemplate(tpl.templateId!, [...Object.keys(tpl.fields), 'thing9']);
    const o2 = await pickupOrder(p.auth);
    await run();
    const dead = await paidRowOf(o2.id);
    expect(dead).toMatchObject({ status: 'dead', errcode: 47003 });
    expect(dead.lastError).toContain('thing9');
    expect(sentTo(p.openid)).toHaveLength(0);
    const job = await t.container.db
      .getRepository(JobEntity)
      .findOneByOrFail({ dedupeKey: `notify:${dead.id}` });
    expect(job.status).toBe('dead');

    // The admin adds the field and re-drives it: sent once.
    const fixed = await t.http
      .put('/api/v1/admin/notification-templates/order_paid')
      .set('Authorization', admin)
      .send({
        templateId: tpl.templateId,
        fields: { ...tpl.fields, thing9: 'store' },
        page: tpl.page,
        scenes: tpl.scenes,
        enabled: true,
        version: tpl.version,
      })
      .expect(200);
    expect(fixed.body.version).toBe(tpl.version + 1);
    // The stored values are those of the change; the row is re-fitted only on a new event, so the
    // template goes back to WeChat's keywords before re-driving.
    wechat().registerTemplate(tpl.templateId!, Object.keys(tpl.fields));
    const retried = await t.http
      .post(`/api/v1/admin/notifications/${dead.id}/retry`)
      .set('Authorization', admin)
      .expect(200);
    expect(retried.body.status).toBe('pending');
    await run();
    expect((await paidRowOf(o2.id)).status).toBe('sent');
    expect(sentTo(p.openid)).toHaveLength(1);
    const again = await t.http
      .post(`/api/v1/admin/notifications/${dead.id}/retry`)
      .set('Authorization', admin)
      .expect(409);
    expect(again.body.error.code).toBe('INVALID_STATE');
    await t.http.post('/api/v1/admin/notifications/999999/retry').set('Authorization', admin).expect(404);
    // Put the template back as it was for the next tests.
    await t.http
      .put('/api/v1/admin/notification-templates/order_paid')
      .set('Authorization', admin)
      .send({
        templateId: tpl.templateId,
        fields: tpl.fields,
        page: tpl.page,
        scenes: tpl.scenes,
        enabled: true,
        version: fixed.body.version,
      })
      .expect(200);
  });

  it('lets a row claimed by an instance that died be sent by another after the lease, once', async () => {
    const p = await consumer('lease');
    await acceptCheckout(p.auth);
    const order = await pickupOrder(p.auth);
    const row = await paidRowOf(order.id);
    // Another instance claimed the job and died before sending.
    await t.container.db.getRepository(JobEntity).update(
      { dedupeKey: `notify:${row.id}` },
      {
        status: 'running',
        leaseOwner: 'dead-instance:1:abc',
        leaseUntil: new Date(clock.now().getTime() + 120_000),
        attempts: 1,
      },
    );
    await run();
    expect(sentTo(p.openid)).toHaveLength(0);
    clock.advanceMin(2.1);
    await run();
    await run();
    expect(sentTo(p.openid)).toHaveLength(1);
    expect((await paidRowOf(order.id)).status).toBe('sent');
  });

  it('writes nothing to the outbox for a payment that rolled back', async () => {
    const p = await consumer('rollback');
    await acceptCheckout(p.auth);
    const o = (
      await t.http
        .post('/api/v1/orders')
        .set('Authorization', p.auth)
        .set('Idempotency-Key', key('rb'))
        .send({ type: 'pickup', storeId, items: [{ productId, quantity: 1 }] })
        .expect(201)
    ).body as Order;
    const { lifecycle } = t.container.services;
    const tx = createTxRunner(t.container.db, t.container.dbKind);
    const jobsBefore = await t.container.db.getRepository(JobEntity).countBy({ kind: 'notify.send' });
    await expect(
      tx.run(async (m) => {
        const from = await lifecycle.transitionIn(
          m,
          o.id,
          ['pending_payment'],
          'paid',
          { type: 'wechat', id: null },
          null,
        );
        expect(from).toBe('pending_payment');
        expect(await m.getRepository(NotificationEntity).countBy({ orderId: o.id })).toBe(1);
        throw new Error('the payment write failed after the transition');
      }),
    ).rejects.toThrow('the payment write failed');
    expect(await t.container.db.getRepository(NotificationEntity).countBy({ orderId: o.id })).toBe(0);
    expect(await t.container.db.getRepository(JobEntity).countBy({ kind: 'notify.send' })).toBe(jobsBefore);
  });

  it('tells a delivery customer the courier left, with an ETA, and uploads 同城配送 shipping info once', async () => {
    const c = await consumer('delivery');
    await acceptCheckout(c.auth, 'delivery');
    const point = destinationPoint({ lat: here.lat - 0.0045, lng: here.lng }, 500, 40);
    const slots = (
      await t.http
        .get('/api/v1/slots')
        .query({ lat: point.lat, lng: point.lng, date: DAY })
        .set('Authorization', c.auth)
        .expect(200)
    ).body as SlotsResponse;
    const order = (
      await t.http
        .post('/api/v1/orders')
        .set('Authorization', c.auth)
        .set('Idempotency-Key', key('d'))
        .send({
          type: 'delivery',
          slotId: slots.slots[0].id,
          address: address(point),
          items: [{ productId, quantity: 2 }],
        })
        .expect(201)
    ).body as Order;
    await t.http.post(`/api/v1/dev/mock-pay/${order.id}`).set('Authorization', c.auth).expect(200);
    const staff = `Bearer ${(await t.login('staff', { storeId })).token}`;
    await t.http.post('/api/v1/dispatch/plan').set('Authorization', staff).send({ date: DAY }).expect(200);
    const couriers = await t.container.db.getRepository(CourierEntity).findBy({ storeId });
    let stop: CourierRoute['stops'][number] | undefined;
    let courierAuth = '';
    for (const k of couriers) {
      courierAuth = `Bearer ${(await t.login('courier', { courierId: k.id })).token}`;
      const route = (
        await t.http
          .get('/api/v1/courier/route')
          .query({ date: DAY })
          .set('Authorization', courierAuth)
          .expect(200)
      ).body as CourierRoute;
      stop = route.stops.find((s) => s.orderId === order.id);
      if (stop) break;
    }
    expect(stop).toBeDefined();
    await t.http
      .post(`/api/v1/courier/stops/${stop!.stopId}/arrive`)
      .set('Authorization', courierAuth)
      .send({ clientEventId: key('ev') })
      .expect(200);
    await run();
    const mine = sentTo(c.openid);
    const left = mine.find((m) => m.data.phrase5?.value === '配送中');
    expect(left).toBeDefined();
    expect(left!.data.time4.value).toMatch(/^\d{4}年\d{1,2}月\d{1,2}日 \d{2}:\d{2}$/);
    expect(left!.data.phone_number3.value).toMatch(/^\d{3}\*{4}\d{4}$/);
    expect(wechat().shipments).toHaveLength(1);
    const s = wechat().shipments[0] as unknown as {
      logistics_type: number;
      delivery_mode: number;
      order_key: { order_number_type: number; transaction_id: string };
      shipping_list: Array<{ item_desc: string; contact?: { receiver_contact?: string } }>;
      payer: { openid: string };
      upload_time: string;
    };
    expect(s.logistics_type).toBe(2);
    expect(s.delivery_mode).toBe(1);
    expect(s.order_key.order_number_type).toBe(2);
    expect(s.order_key.transaction_id.length).toBeGreaterThan(0);
    expect(s.payer.openid).toBe(c.openid);
    expect(s.shipping_list[0].contact?.receiver_contact).toMatch(/^\d{3}\*{4}\d{4}$/);
    expect(s.upload_time).toMatch(/\+08:00$/);
    const shipping = await rows({ orderId: order.id, channel: 'shipping' });
    expect(shipping.items.map((r) => [r.event, r.status])).toEqual([['shipping_delivery', 'sent']]);
  });

  it('counts rows per event and status for operators, and keeps admin routes to admins', async () => {
    const stats = (
      await t.http.get('/api/v1/admin/notifications/stats').set('Authorization', admin).expect(200)
    ).body;
    const paid = stats.items.filter((i: { event: string }) => i.event === 'order_paid');
    expect(paid.find((i: { status: string }) => i.status === 'sent').count).toBeGreaterThanOrEqual(3);
    expect(
      paid.find((i: { status: string }) => i.status === 'skipped_no_consent').count,
    ).toBeGreaterThanOrEqual(2);
    const someone = await consumer('nosy');
    await t.http.get('/api/v1/admin/notifications').set('Authorization', someone.auth).expect(403);
    await t.http
      .get('/api/v1/admin/notifications')
      .query({ status: 'lost' })
      .set('Authorization', admin)
      .expect(400);
  });

  it('shows and changes preferences; a turned-off event is neither offered nor sent', async () => {
    const p = await consumer('prefs');
    const prefs = (
      await t.http.get('/api/v1/notifications/preferences').set('Authorization', p.auth).expect(200)
    ).body as NotifyPreferencesResponse;
    expect(prefs.items.map((i) => i.event)).toContain('order_paid');
    expect(prefs.items.every((i) => i.enabled && i.available)).toBe(true);
    await acceptCheckout(p.auth);
    const off = await t.http
      .put('/api/v1/notifications/preferences/order_paid')
      .set('Authorization', p.auth)
      .send({ enabled: false })
      .expect(200);
    expect(off.body).toMatchObject({ event: 'order_paid', enabled: false, remaining: 1 });
    expect((await offer(p.auth, 'checkout', 'pickup')).items.map((i) => i.event)).toEqual([
      'ready_for_pickup',
    ]);
    const order = await pickupOrder(p.auth);
    await run();
    const row = await paidRowOf(order.id);
    expect(row.status).toBe('skipped_no_consent');
    expect(row.lastError).toContain('关闭');
    await t.http
      .put('/api/v1/notifications/preferences/staff_lbs_event')
      .set('Authorization', p.auth)
      .send({ enabled: false })
      .expect(404);
  });

  it('rejects a template that maps a field to a value the event lacks, or a key WeChat has not', async () => {
    const tpl = (
      await t.http.get('/api/v1/admin/notification-templates').set('Authorization', admin).expect(200)
    ).body.items.find((x: NotifyTemplate) => x.event === 'delivered') as NotifyTemplate;
    const base = {
      templateId: tpl.templateId,
      page: tpl.page,
      scenes: tpl.scenes,
      enabled: true,
      version: tpl.version,
    };
    const unknown = await t.http
      .put('/api/v1/admin/notification-templates/delivered')
      .set('Authorization', admin)
      .send({ ...base, fields: { thing1: 'courierPhone' } })
      .expect(400);
    expect(unknown.body.error.code).toBe('NOTIFY_FIELD_UNKNOWN');
    const badKey = await t.http
      .put('/api/v1/admin/notification-templates/delivered')
      .set('Authorization', admin)
      .send({ ...base, fields: { title1: 'orderNo' } })
      .expect(400);
    expect(badKey.body.error.code).toBe('VALIDATION_FAILED');
    const stale = await t.http
      .put('/api/v1/admin/notification-templates/delivered')
      .set('Authorization', admin)
      .send({ ...base, fields: tpl.fields, version: tpl.version + 5 })
      .expect(409);
    expect(stale.body.error.code).toBe('VERSION_CONFLICT');
    await t.http
      .put('/api/v1/admin/notification-templates/nothing')
      .set('Authorization', admin)
      .send({ ...base, fields: tpl.fields })
      .expect(404);
  });
});
