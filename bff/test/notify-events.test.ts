import type { Socket } from 'socket.io-client';
import type {
  AftersalesCase,
  CourierRoute,
  OfferedTemplatesResponse,
  Order,
  SendMessageResponse,
  SlotsResponse,
} from '@omni/shared-types';
import { destinationPoint } from '../src/algorithms/geo';
import { StockEntity } from '../src/modules/catalog/catalog.entity';
import { NotificationEntity } from '../src/modules/notifications/notify.entity';
import { OrderEntity } from '../src/modules/orders/order.entity';
import { CourierEntity } from '../src/modules/stores/store.entity';
import { DB_TARGETS, startTestApp, type TestApp } from './harness';
import { DAY, MORNING, MutableClock, address, key, zonePoint } from './fixtures';
import { connectSocket } from './sockets';

// Each event kind, from the state change that causes it to the message WeChat records: its
// template, its fitted fields and the page it opens.
describe.each(DB_TARGETS)('what each change tells whom, on $name', (target) => {
  let t: TestApp;
  let clock: MutableClock;
  let storeId: number;
  let productId: number;
  let staff: string;
  let sockets: Socket[] = [];
  const here = zonePoint(0);
  const wechat = () => t.container.mocks.wechat!;
  const run = () => t.container.services.jobs.runDue();
  let n = 0;

  const person = async (role: 'consumer' | 'staff' | 'courier', extra: object = {}) => {
    const openid = `events-${target.name}-${role}-${++n}`;
    const res = await t.login(role, { openid, ...extra });
    return { auth: `Bearer ${res.token}`, token: res.token, openid, userId: res.user.id };
  };
  /** Accepts every template offered at `scene`, as the mini-program does when the user taps 允许. */
  const accept = async (auth: string, scene: string, orderType?: string) => {
    const o = (
      await t.http
        .get('/api/v1/notifications/templates')
        .query({ scene, ...(orderType ? { orderType } : {}) })
        .set('Authorization', auth)
        .expect(200)
    ).body as OfferedTemplatesResponse;
    await t.http
      .post('/api/v1/notifications/consents')
      .set('Authorization', auth)
      .send({ scene, results: Object.fromEntries(o.items.map((i) => [i.templateId, 'accept'])) })
      .expect(200);
    return o.items;
  };
  const templateOf = async (event: string) =>
    (await t.container.services.notifyTemplates.get(event as never)).templateId!;
  const messagesTo = (openid: string) => wechat().messages.filter((m) => m.touser === openid);
  const only = async (openid: string, event: string) => {
    const tid = await templateOf(event);
    const ms = messagesTo(openid).filter((m) => m.template_id === tid);
    expect(ms).toHaveLength(1);
    return ms[0];
  };
  const deliveryOrder = async (auth: string, metres: number, slotIndex = 0): Promise<Order> => {
    const p = destinationPoint({ lat: here.lat - 0.0045, lng: here.lng }, metres, 30);
    const slots = (
      await t.http
        .get('/api/v1/slots')
        .query({ lat: p.lat, lng: p.lng, date: DAY })
        .set('Authorization', auth)
        .expect(200)
    ).body as SlotsResponse;
    const o = (
      await t.http
        .post('/api/v1/orders')
        .set('Authorization', auth)
        .set('Idempotency-Key', key('ev'))
        .send({
          type: 'delivery',
          slotId: slots.slots[slotIndex].id,
          address: address(p),
          items: [{ productId, quantity: 1 }],
        })
        .expect(201)
    ).body as Order;
    await t.http.post(`/api/v1/dev/mock-pay/${o.id}`).set('Authorization', auth).expect(200);
    return o;
  };
  const pickupOrder = async (auth: string): Promise<Order> => {
    const o = (
      await t.http
        .post('/api/v1/orders')
        .set('Authorization', auth)
        .set('Idempotency-Key', key('pk'))
        .send({ type: 'pickup', storeId, items: [{ productId, quantity: 1 }] })
        .expect(201)
    ).body as Order;
    await t.http.post(`/api/v1/dev/mock-pay/${o.id}`).set('Authorization', auth).expect(200);
    return o;
  };

  beforeAll(async () => {
    clock = new MutableClock(new Date(MORNING));
    t = await startTestApp(target, { clock, listen: true, env: { JOBS_INTERVAL_S: '0' } });
    storeId = (await t.container.db.query('SELECT id FROM stores WHERE code = ?', [here.storeCode]))[0].id;
    productId = (
      await t.container.db.getRepository(StockEntity).find({ where: { storeId }, order: { id: 'ASC' } })
    ).find((s) => s.quantity >= 50)!.productId;
    staff = (await person('staff', { storeId })).auth;
  }, 120_000);
  afterEach(() => {
    for (const s of sockets) s.disconnect();
    sockets = [];
  });
  afterAll(async () => {
    await t.close();
  });

  it('ready for pickup: the store, the pickup code and the order page; collected: 用户自提 shipping info', async () => {
    const c = await person('consumer');
    await accept(c.auth, 'checkout', 'pickup');
    const order = await pickupOrder(c.auth);
    await t.http.post(`/api/v1/staff/orders/${order.id}/ready`).set('Authorization', staff).expect(200);
    await run();
    const m = await only(c.openid, 'ready_for_pickup');
    expect(m.page).toBe(`pages/order-detail/index?id=${order.id}`);
    expect(m.data.character_string4.value).toBe(order.orderNo.slice(-6));
    expect(m.data.thing2.value.length).toBeGreaterThan(0);
    expect(m.data.phrase5.value).toBe('待取货');
    await t.http.post(`/api/v1/staff/orders/${order.id}/picked-up`).set('Authorization', staff).expect(200);
    await run();
    const ups = wechat().shipments.filter(
      (s) => (s as unknown as { payer: { openid: string } }).payer.openid === c.openid,
    ) as unknown as Array<{ logistics_type: number; shipping_list: Array<{ item_desc: string }> }>;
    expect(ups).toHaveLength(1);
    expect(ups[0].logistics_type).toBe(4);
    expect(ups[0].shipping_list[0].item_desc.length).toBeGreaterThan(0);
  });

  it('slot changed: the new slot in Asia/Shanghai, the old one, and who moved it', async () => {
    const c = await person('consumer');
    await accept(c.auth, 'checkout', 'delivery');
    const order = await deliveryOrder(c.auth, 450, 0);
    const p = destinationPoint({ lat: here.lat - 0.0045, lng: here.lng }, 450, 30);
    const slots = (
      await t.http
        .get('/api/v1/slots')
        .query({ lat: p.lat, lng: p.lng, date: DAY })
        .set('Authorization', c.auth)
        .expect(200)
    ).body as SlotsResponse;
    const next = slots.slots.find((s) => s.id !== order.slot!.id && s.bookable)!;
    await t.http
      .patch(`/api/v1/orders/${order.id}/slot`)
      .set('Authorization', c.auth)
      .send({ slotId: next.id })
      .expect(200);
    await run();
    const m = await only(c.openid, 'slot_changed');
    expect(m.data.time2.value).toMatch(/^2026年12月1日 \d{2}:\d{2}~\d{2}:\d{2}$/);
    expect(m.data.time2.value).toContain(next.label.slice(0, 5));
    expect(m.data.thing3.value).toContain('2026年12月1日');

    // The shop moves it back (a courier fell ill): she is told, with the reason; audited.
    const admin = `Bearer ${(await t.login('admin')).token}`;
    const back = await t.http
      .post(`/api/v1/admin/orders/${order.id}/reschedule`)
      .set('Authorization', admin)
      .send({ slotId: order.slot!.id, reason: '骑手临时请假，改到原时段' })
      .expect(200);
    expect(back.body.slot.id).toBe(order.slot!.id);
    await accept(c.auth, 'checkout', 'delivery');
    await run();
    const tid = await templateOf('slot_changed');
    const both = messagesTo(c.openid).filter((x) => x.template_id === tid);
    expect(both).toHaveLength(2);
    expect(both[1].data.thing4.value).toBe('骑手临时请假，改到原时段');
    const audit = (
      await t.http
        .get('/api/v1/admin/audit')
        .query({ entity: 'order', entityId: order.id })
        .set('Authorization', admin)
        .expect(200)
    ).body.items as Array<{ action: string }>;
    expect(audit.map((a) => a.action)).toContain('reschedule');
    const bad = await t.http
      .post(`/api/v1/admin/orders/${order.id}/reschedule`)
      .set('Authorization', admin)
      .send({ slotId: 99999999, reason: '测试' })
      .expect((r) => expect(r.status).toBeGreaterThanOrEqual(400));
    expect(bad.status).toBeLessThan(500);

    // To a day no customer has opened yet: the grid projects it, the move makes its slots.
    const grid = (
      await t.http
        .get('/api/v1/admin/slots')
        .query({ storeId, from: '2026-12-03', days: 1 })
        .set('Authorization', admin)
        .expect(200)
    ).body as { cells: Array<{ zoneId: number; slotId: number | null; startLocal: string }> };
    const { zoneId } = await t.container.db.getRepository(OrderEntity).findOneByOrFail({ id: order.id });
    const cell = grid.cells.find((x) => x.zoneId === zoneId && x.slotId === null)!;
    expect(cell).toBeDefined();
    const later = await t.http
      .post(`/api/v1/admin/orders/${order.id}/reschedule`)
      .set('Authorization', admin)
      .send({ date: '2026-12-03', startLocal: cell.startLocal, reason: '顾客电话要求改到周四' })
      .expect(200);
    expect(later.body.slot).toMatchObject({ date: '2026-12-03' });
    const neither = await t.http
      .post(`/api/v1/admin/orders/${order.id}/reschedule`)
      .set('Authorization', admin)
      .send({ reason: '没有时段' })
      .expect(400);
    expect(neither.body.error.code).toBe('VALIDATION_FAILED');
  });

  it('route published to the courier; delivered and delivery failed to the customers', async () => {
    const c1 = await person('consumer');
    const c2 = await person('consumer');
    // delivered and delivery_failed are not asked at checkout by default, and WeChat asks about at
    // most 3 templates at a time: the admin asks for those two (and the courier's departure)
    // instead of payment and slot changes for a while, as a shop might for a campaign.
    const setScenes = async (event: string, scenes: string[]) => {
      const tpl = await t.container.services.notifyTemplates.get(event as never);
      await t.container.services.notifyTemplates.update(
        { principal: { userId: 0, role: 'admin', storeId: null, courierId: null, kind: 'backoffice' } },
        event,
        {
          templateId: tpl.templateId,
          fields: tpl.fields,
          page: tpl.page,
          scenes: scenes as never,
          enabled: true,
          version: tpl.version,
        },
      );
    };
    for (const e of ['delivered', 'delivery_failed']) await setScenes(e, ['checkout']);
    for (const e of ['order_paid', 'slot_changed']) await setScenes(e, []);
    for (const c of [c1, c2]) {
      const items = await accept(c.auth, 'checkout', 'delivery');
      expect(items.map((i) => i.event)).toEqual(['out_for_delivery', 'delivered', 'delivery_failed']);
    }
    for (const e of ['order_paid', 'slot_changed']) await setScenes(e, ['checkout']);
    for (const e of ['delivered', 'delivery_failed']) await setScenes(e, []);
    const o1 = await deliveryOrder(c1.auth, 500);
    const o2 = await deliveryOrder(c2.auth, 520);
    const couriers = await t.container.db.getRepository(CourierEntity).findBy({ storeId });
    const riders = await Promise.all(couriers.map((k) => person('courier', { courierId: k.id })));
    for (const r of riders) await accept(r.auth, 'courier');
    await t.http.post('/api/v1/dispatch/plan').set('Authorization', staff).send({ date: DAY }).expect(200);
    await run();
    const routes = await Promise.all(
      riders.map(async (r) => ({
        r,
        route: (
          await t.http
            .get('/api/v1/courier/route')
            .query({ date: DAY })
            .set('Authorization', r.auth)
            .expect(200)
        ).body as CourierRoute,
      })),
    );
    const busy = routes.filter((x) => x.route.stops.length > 0);
    expect(busy.length).toBeGreaterThan(0);
    for (const { r, route } of routes) {
      const tid = await templateOf('courier_route_published');
      const got = messagesTo(r.openid).filter((m) => m.template_id === tid);
      if (!route.stops.length) {
        expect(got).toHaveLength(0);
        continue;
      }
      expect(got).toHaveLength(1);
      expect(got[0].data.date1.value).toBe('2026年12月1日');
      expect(got[0].data.number2.value).toBe(String(route.stops.length));
      expect(got[0].page).toBe(`subpackages/courier/pages/route/index?date=${DAY}`);
    }
    const stopOf = (orderId: number) => {
      for (const { r, route } of routes) {
        const s = route.stops.find((x) => x.orderId === orderId);
        if (s) return { r, s };
      }
      throw new Error(`order ${orderId} has no stop`);
    };
    const a = stopOf(o1.id);
    const b = stopOf(o2.id);
    const code = (await t.http.get(`/api/v1/orders/${o1.id}`).set('Authorization', c1.auth).expect(200)).body
      .deliveryCode as string;
    await t.http
      .post(`/api/v1/courier/stops/${a.s.stopId}/deliver`)
      .set('Authorization', a.r.auth)
      .send({ clientEventId: key('dv'), proof: { type: 'code', code } })
      .expect(200);
    await t.http
      .post(`/api/v1/courier/stops/${b.s.stopId}/fail`)
      .set('Authorization', b.r.auth)
      .send({ clientEventId: key('fl'), reason: '联系不上收件人' })
      .expect(200);
    await run();
    const done = await only(c1.openid, 'delivered');
    expect(done.data.character_string1.value).toBe(o1.orderNo);
    expect(done.data.time3.value).toMatch(/^2026年12月1日 \d{2}:\d{2}$/);
    const failed = await only(c2.openid, 'delivery_failed');
    expect(failed.data.thing2.value).toBe('联系不上收件人');
    expect(failed.data.thing3.value).toContain('重新安排');
    // Both had been told the courier was on the way, once each.
    await only(c1.openid, 'out_for_delivery');
    await only(c2.openid, 'out_for_delivery');
  });

  it('after-sales: opened, updated and resolved, each opening the case', async () => {
    const c = await person('consumer');
    await accept(c.auth, 'checkout', 'pickup');
    const order = await pickupOrder(c.auth);
    await accept(c.auth, 'aftersales');
    const opened = (
      await t.http
        .post('/api/v1/aftersales')
        .set('Authorization', c.auth)
        .send({ orderId: order.id, type: 'complaint', reason: '店员态度不好😠，希望改进服务' })
        .expect(201)
    ).body as AftersalesCase;
    await t.http
      .post(`/api/v1/aftersales/${opened.id}/approve`)
      .set('Authorization', staff)
      .send({})
      .expect(200);
    await t.http
      .post(`/api/v1/aftersales/${opened.id}/resolve`)
      .set('Authorization', staff)
      .send({ note: '已向顾客致歉并赠送优惠券' })
      .expect(200);
    await run();
    const page = `pages/aftersales/detail/index?id=${opened.id}`;
    const o = await only(c.openid, 'aftersales_opened');
    expect(o).toMatchObject({ page });
    expect(o.data.character_string1.value).toBe(opened.caseNo);
    expect(o.data.phrase4.value).toBe('已提交');
    const u = await only(c.openid, 'aftersales_updated');
    expect(u.data.phrase2.value).toBe('已同意');
    const r = await only(c.openid, 'aftersales_resolved');
    expect(r.data.thing2.value).toBe('已向顾客致歉并赠送优惠券');
    expect(r.data.amount3.value).toBe('¥0.00');
  });

  it('support reply: sent while the customer has no socket open, not while she has', async () => {
    clock.set('2026-12-01T02:30:00.000Z'); // 10:30 in Shanghai, within the human hours
    const say = (auth: string, body: object) =>
      t.http.post('/api/v1/support/messages').set('Authorization', auth).send(body).expect(200);
    const away = await person('consumer');
    const here2 = await person('consumer');
    for (const c of [away, here2]) await accept(c.auth, 'handoff');
    const agent = await person('staff', { storeId });
    const threads = [];
    for (const c of [away, here2]) {
      const first = (await say(c.auth, { text: '我要投诉' })).body as SendMessageResponse;
      await say(c.auth, { conversationId: first.conversation.id, text: '转人工' });
      threads.push(first.conversation.id);
    }
    sockets.push(await connectSocket(t.base, here2.token));
    for (const id of threads) {
      await t.http
        .post(`/api/v1/support/conversations/${id}/claim`)
        .set('Authorization', agent.auth)
        .expect(200);
      await t.http
        .post(`/api/v1/support/conversations/${id}/reply`)
        .set('Authorization', agent.auth)
        .send({ text: '您好，我是客服小林，已经在处理您的问题了，请稍候😊', clientId: key('r') })
        .expect(200);
    }
    await run();
    const m = await only(away.openid, 'support_reply');
    expect(m.page).toBe('pages/chat/index');
    expect([...m.data.thing2.value]).toHaveLength(20);
    expect(m.data.thing2.value).not.toMatch(/\p{Extended_Pictographic}/u);
    expect(messagesTo(here2.openid)).toHaveLength(0);
    clock.set(MORNING);
  });

  it('a new store event: staff not connected hear of it, connected staff see it live instead', async () => {
    const off = await person('staff', { storeId });
    const on = await person('staff', { storeId });
    for (const s of [off, on]) await accept(s.auth, 'staff');
    sockets.push(await connectSocket(t.base, on.token));
    const customer = await person('consumer');
    await t.container.services.staffEvents.raise({
      storeId,
      kind: 'PICKUP_ARRIVAL',
      userId: customer.userId,
      orderId: null,
      distanceM: 30,
      dedupeKey: key('arrival'),
    });
    await run();
    const m = await only(off.openid, 'staff_lbs_event');
    expect(m.page).toBe('subpackages/staff/pages/home/index');
    expect(m.data.thing1.value).toBe('顾客到店取货');
    expect(messagesTo(on.openid)).toHaveLength(0);
    const rows = await t.container.db
      .getRepository(NotificationEntity)
      .findBy({ event: 'staff_lbs_event', userId: on.userId });
    expect(rows).toHaveLength(0);
  });
});
