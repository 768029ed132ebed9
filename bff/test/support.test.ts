import type { Socket } from 'socket.io-client';
import type {
  AftersalesCase,
  ChatMessage,
  Conversation,
  Order,
  SendMessageResponse,
} from '@omni/shared-types';
import { MessageEntity } from '../src/modules/support/support.entity';
import { OrderEntity } from '../src/modules/orders/order.entity';
import { StockEntity } from '../src/modules/catalog/catalog.entity';
import { DB_TARGETS, startTestApp, type TestApp } from './harness';
import { MutableClock, address, key, zonePoint } from './fixtures';
import { connectSocket, nextEvent } from './sockets';

const NOON = '2026-12-01T04:00:00.000Z'; // 12:00 Shanghai, within human service hours
const TODAY = '2026-12-01';

describe.each(DB_TARGETS)('support chat on $name', (target) => {
  let t: TestApp;
  let clock: MutableClock;
  let sockets: Socket[] = [];
  const here = zonePoint(0);

  const consumer = async (openid: string) => `Bearer ${(await t.login('consumer', { openid })).token}`;
  const say = (auth: string, body: object) =>
    t.http.post('/api/v1/support/messages').set('Authorization', auth).send(body);
  const paidDelivery = async (auth: string): Promise<Order> => {
    const slots = (
      await t.http
        .get('/api/v1/slots')
        .query({ lat: here.lat, lng: here.lng, date: TODAY })
        .set('Authorization', auth)
    ).body;
    const productId = (
      await t.container.db
        .getRepository(StockEntity)
        .find({ where: { storeId: slots.zone.storeId }, order: { id: 'ASC' } })
    ).find((s) => s.quantity > 3)!.productId;
    const o = (
      await t.http
        .post('/api/v1/orders')
        .set('Authorization', auth)
        .set('Idempotency-Key', key())
        .send({
          type: 'delivery',
          slotId: slots.slots[3].id,
          address: address(here),
          items: [{ productId, quantity: 1 }],
        })
        .expect(201)
    ).body as Order;
    await t.http.post(`/api/v1/dev/mock-pay/${o.id}`).set('Authorization', auth).expect(200);
    return (await t.http.get(`/api/v1/orders/${o.id}`).set('Authorization', auth)).body as Order;
  };

  beforeAll(async () => {
    clock = new MutableClock(new Date(NOON));
    t = await startTestApp(target, {
      clock,
      listen: true,
      env: { JOBS_INTERVAL_S: '0', SUPPORT_MESSAGES_PER_10S: '1000' },
    });
  });
  afterEach(() => {
    for (const s of sockets) s.disconnect();
    sockets = [];
  });
  afterAll(async () => {
    await t.close();
  });
  beforeEach(() => clock.set(NOON));

  it('classifies a message for evaluation', async () => {
    const res = await t.http.post('/api/v1/support/nlu').send({ text: '我的订单到哪了' }).expect(200);
    expect(res.body).toMatchObject({ intent: 'order_status' });
    expect(res.body.confidence).toBeGreaterThan(0.5);
  });

  it('answers where my order is from the real order, then reschedules it to tomorrow afternoon', async () => {
    const alice = await consumer('chat-alice');
    const order = await paidDelivery(alice);
    const status = (await say(alice, { text: '我的订单到哪了', clientId: key('m') }).expect(200))
      .body as SendMessageResponse;
    expect(status.replies[0].text).toContain(order.orderNo);
    expect(status.replies[0].text).toContain('已支付');
    expect(status.replies[0].text).toContain(order.slot!.label);
    const offer = (
      await say(alice, {
        conversationId: status.conversation.id,
        text: '改到明天下午',
        clientId: key('m'),
      }).expect(200)
    ).body as SendMessageResponse;
    const chips = offer.replies[0].payload!.slots!;
    expect(chips.orderId).toBe(order.id);
    expect(chips.date).toBe('2026-12-02');
    expect(chips.items.length).toBeGreaterThan(0);
    expect(chips.items.every((s) => s.label >= '12:00' && s.label < '18:00')).toBe(true);
    const pick = chips.items[0];
    const done = (
      await say(alice, {
        conversationId: status.conversation.id,
        action: { type: 'reschedule', orderId: order.id, slotId: pick.slotId },
        clientId: key('m'),
      }).expect(200)
    ).body as SendMessageResponse;
    expect(done.replies[0].text).toContain(`12月2日（周三） ${pick.label}`);
    // The customer's own bubble names the slot as people read it, never its id.
    expect(done.message.text).toBe(`改约到 12月2日（周三） ${pick.label}`);
    expect(status.replies[0].text).not.toMatch(/\d{4}-\d{2}-\d{2}/);
    const after = (await t.http.get(`/api/v1/orders/${order.id}`).set('Authorization', alice)).body as Order;
    expect(after.slot).toMatchObject({ id: pick.slotId, date: '2026-12-02' });
  });

  it('recommends within the kind of goods asked for, and says so when the shop has none', async () => {
    const carol = await consumer('chat-carol');
    const fruit = (await say(carol, { text: '有什么推荐的水果', clientId: key('m') }).expect(200))
      .body as SendMessageResponse;
    expect(fruit.replies[0].text).toContain('暂无相关商品');
    expect(fruit.replies[0].payload?.products).toBeUndefined();
    expect(fruit.replies[0].payload?.chips?.map((c) => c.label)).toContain('转人工');
    const coffee = (await say(carol, { text: '有什么推荐的咖啡', clientId: key('m') }).expect(200))
      .body as SendMessageResponse;
    const cards = coffee.replies[0].payload?.products ?? [];
    expect(cards.length).toBeGreaterThan(0);
    expect(cards.every((c) => c.name.includes('咖啡'))).toBe(true);
  });

  it('stores a resent message once and refuses a reused client id with other text', async () => {
    const bob = await consumer('chat-bob');
    const clientId = key('dup');
    const first = (await say(bob, { text: '你好', clientId }).expect(200)).body as SendMessageResponse;
    const again = (await say(bob, { text: '你好', clientId }).expect(200)).body as SendMessageResponse;
    expect(again.message.id).toBe(first.message.id);
    expect(again.replies.map((r) => r.id)).toEqual(first.replies.map((r) => r.id));
    const count = await t.container.db
      .getRepository(MessageEntity)
      .countBy({ conversationId: first.conversation.id });
    expect(count).toBe(1 + first.replies.length);
    const reused = await say(bob, { text: '别的内容', clientId }).expect(409);
    expect(reused.body.error.code).toBe('MESSAGE_ID_REUSED');
  });

  it.each([
    ['empty', { text: '' }],
    ['whitespace', { text: '   ' }],
    ['5,000 characters', { text: 'x'.repeat(5000) }],
    ['a number', { text: 123 }],
    ['nothing', {}],
  ])('refuses %s text with 400', async (_label, body) => {
    const carol = await consumer('chat-carol');
    const res = await say(carol, body).expect(400);
    expect(res.body.error.code).toBe('VALIDATION_FAILED');
  });

  it('keeps HTML, SQL and emoji as plain text and answers them', async () => {
    for (const [i, text] of ['<script>alert(1)</script>', "'; DROP TABLE orders; --", '😀😀😀'].entries()) {
      const dan = await consumer(`chat-dan-${i}`);
      const res = (await say(dan, { text, clientId: key('x') }).expect(200)).body as SendMessageResponse;
      expect(res.message.text).toBe(text);
      expect(res.replies.length).toBeGreaterThan(0);
    }
    expect(await t.container.db.getRepository(OrderEntity).count()).toBeGreaterThan(0);
  });

  it("hides other users' conversations", async () => {
    const eve = await consumer('chat-eve');
    const mallory = await consumer('chat-mallory');
    const conv = (await say(eve, { text: '你好' })).body.conversation as Conversation;
    expect((await say(mallory, { conversationId: conv.id, text: '偷看' }).expect(404)).body.error.code).toBe(
      'CONVERSATION_NOT_FOUND',
    );
    await t.http
      .get(`/api/v1/support/conversations/${conv.id}/messages`)
      .set('Authorization', mallory)
      .expect(404);
  });

  it('hands over to a person with a summary; one agent claims, replies live, and the bot stays silent', async () => {
    const fay = await consumer('chat-fay');
    const order = await paidDelivery(fay);
    const staffA = `Bearer ${(await t.login('staff', { storeId: order.storeId, openid: 'agent-a' })).token}`;
    const staffB = `Bearer ${(await t.login('staff', { storeId: order.storeId, openid: 'agent-b' })).token}`;
    const agentSocket = await connectSocket(t.base, staffA.slice(7));
    const customerSocket = await connectSocket(t.base, fay.slice(7));
    sockets.push(agentSocket, customerSocket);
    const queued = nextEvent<Conversation>(agentSocket, 'support:queue');

    const first = (await say(fay, { text: '我的订单到哪了', orderId: order.id })).body as SendMessageResponse;
    const human = (await say(fay, { conversationId: first.conversation.id, text: '转人工' }).expect(200))
      .body as SendMessageResponse;
    expect(human.conversation.status).toBe('waiting');
    expect(human.replies.at(-1)!.text).toContain('人工');
    const q = await queued;
    expect(q.summary).toMatchObject({ reason: 'human_agent', orderNo: order.orderNo });
    const waiting = (
      await t.http
        .get('/api/v1/support/conversations')
        .query({ status: 'waiting' })
        .set('Authorization', staffA)
        .expect(200)
    ).body.items as Conversation[];
    expect(waiting.map((c) => c.id)).toContain(first.conversation.id);

    const silent = (await say(fay, { conversationId: first.conversation.id, text: '有人吗' }).expect(200))
      .body as SendMessageResponse;
    expect(silent.replies).toEqual([]);

    const [a, b] = await Promise.all([
      t.http
        .post(`/api/v1/support/conversations/${first.conversation.id}/claim`)
        .set('Authorization', staffA),
      t.http
        .post(`/api/v1/support/conversations/${first.conversation.id}/claim`)
        .set('Authorization', staffB),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const winner = a.status === 200 ? staffA : staffB;
    const live = new Promise<ChatMessage>((ok) =>
      customerSocket.on('chat:message', (m: ChatMessage) => m.sender === 'agent' && ok(m)),
    );
    const replyId = key('agent');
    await t.http
      .post(`/api/v1/support/conversations/${first.conversation.id}/reply`)
      .set('Authorization', winner)
      .send({ text: '您好，我来帮您看看', clientId: replyId })
      .expect(200);
    await t.http
      .post(`/api/v1/support/conversations/${first.conversation.id}/reply`)
      .set('Authorization', winner)
      .send({ text: '您好，我来帮您看看', clientId: replyId })
      .expect(200);
    expect((await live).text).toBe('您好，我来帮您看看');
    const still = (await say(fay, { conversationId: first.conversation.id, text: '好的谢谢' }).expect(200))
      .body as SendMessageResponse;
    expect(still.replies).toEqual([]);
    const history = (
      await t.http
        .get(`/api/v1/support/conversations/${first.conversation.id}/messages`)
        .set('Authorization', fay)
        .expect(200)
    ).body.items as ChatMessage[];
    expect(history.filter((m) => m.sender === 'agent')).toHaveLength(1);

    const closed = (
      await t.http
        .post(`/api/v1/support/conversations/${first.conversation.id}/close`)
        .set('Authorization', winner)
        .expect(200)
    ).body as Conversation;
    expect(closed.status).toBe('closed');
    await t.http
      .post(`/api/v1/support/conversations/${first.conversation.id}/csat`)
      .set('Authorization', fay)
      .send({ score: 6 })
      .expect(400);
    const rated = (
      await t.http
        .post(`/api/v1/support/conversations/${first.conversation.id}/csat`)
        .set('Authorization', fay)
        .send({ score: 5 })
        .expect(200)
    ).body;
    expect(rated.csat).toBe(5);
  });

  it('hands over after two turns it cannot help with', async () => {
    const gus = await consumer('chat-gus');
    const one = (await say(gus, { text: '啊啊啊啊' })).body as SendMessageResponse;
    expect(one.conversation.status).toBe('bot');
    const two = (await say(gus, { conversationId: one.conversation.id, text: '呜呜呜呜' }))
      .body as SendMessageResponse;
    expect(two.conversation.status).toBe('waiting');
    expect(two.conversation.summary?.reason).toBe('unresolved');
  });

  it('opens a return case from the chat that staff resolve with a refund', async () => {
    const hal = await consumer('chat-hal');
    const order = await paidDelivery(hal);
    await t.container.db.getRepository(OrderEntity).update({ id: order.id }, { status: 'delivered' });
    const res = (await say(hal, { text: '我要退货，东西不合适', orderId: order.id }).expect(200))
      .body as SendMessageResponse;
    const ref = res.replies[0].payload!.caseRef!;
    expect(ref.type).toBe('return');
    const c = (await t.http.get(`/api/v1/aftersales/${ref.id}`).set('Authorization', hal).expect(200))
      .body as AftersalesCase;
    expect(c).toMatchObject({ orderId: order.id, status: 'submitted', refundFen: order.itemsTotalFen });
    const staff = `Bearer ${(await t.login('staff', { storeId: order.storeId, openid: 'as-staff' })).token}`;
    const other = `Bearer ${(await t.login('staff', { storeId: order.storeId === 1 ? 2 : 1, openid: 'as-other' })).token}`;
    await t.http.get(`/api/v1/aftersales/${ref.id}`).set('Authorization', other).expect(404);
    await t.http
      .post(`/api/v1/aftersales/${ref.id}/approve`)
      .set('Authorization', staff)
      .send({})
      .expect(200);
    const resolved = (
      await t.http
        .post(`/api/v1/aftersales/${ref.id}/resolve`)
        .set('Authorization', staff)
        .send({ note: '已收到退货' })
        .expect(200)
    ).body as AftersalesCase;
    // Resolved only once WeChat Pay has paid the money back (the refund job, then its answer).
    expect(resolved.timeline.map((e) => e.status)).toEqual(['submitted', 'approved', 'refunding']);
    await t.container.services.jobs.runDue();
    const done = (await t.http.get(`/api/v1/aftersales/${ref.id}`).set('Authorization', hal).expect(200))
      .body as AftersalesCase;
    expect(done.timeline.map((e) => e.status)).toEqual(['submitted', 'approved', 'refunding', 'resolved']);
    expect((await t.container.db.getRepository(OrderEntity).findOneByOrFail({ id: order.id })).status).toBe(
      'refunded',
    );
    await t.http
      .post(`/api/v1/aftersales/${ref.id}/approve`)
      .set('Authorization', staff)
      .send({})
      .expect(409);
  });

  it('refuses cases on orders that are not eligible, and bad case bodies', async () => {
    const ivy = await consumer('chat-ivy');
    const order = await paidDelivery(ivy);
    const res = await t.http
      .post('/api/v1/aftersales')
      .set('Authorization', ivy)
      .send({ orderId: order.id, type: 'return', reason: '不想要了' })
      .expect(409);
    expect(res.body.error.code).toBe('INVALID_STATE');
    await t.http
      .post('/api/v1/aftersales')
      .set('Authorization', ivy)
      .send({ orderId: order.id, type: 'steal', reason: 'x' })
      .expect(400);
    const other = await consumer('chat-ivy-2');
    await t.http
      .post('/api/v1/aftersales')
      .set('Authorization', other)
      .send({ orderId: order.id, type: 'complaint', reason: '别人的订单' })
      .expect(404);
  });

  it('reports deflection, first response and CSAT', async () => {
    const admin = `Bearer ${(await t.login('admin')).token}`;
    const k = (
      await t.http
        .get('/api/v1/ops/kpis')
        .query({ from: TODAY, to: TODAY })
        .set('Authorization', admin)
        .expect(200)
    ).body;
    expect(k.support.conversations).toBeGreaterThanOrEqual(5);
    expect(k.support.botDeflectionRate).toBeGreaterThan(0);
    expect(k.support.botDeflectionRate).toBeLessThan(1);
    expect(k.support.csat).toMatchObject({ average: 5, responses: 1 });
    expect(k.support.firstResponseS.median).not.toBeNull();
    expect(k.support.perIntent.find((x: { intent: string }) => x.intent === 'order_status')).toBeDefined();
    await t.http
      .get('/api/v1/ops/kpis')
      .query({ from: '2026-12-05', to: '2026-12-01' })
      .set('Authorization', admin)
      .expect(400);
    await t.http
      .get('/api/v1/ops/kpis')
      .set('Authorization', await consumer('kpi-nosy'))
      .expect(403);
  });
});

describe('support chat flood', () => {
  it('answers a burst of messages from one customer with 429 and stores none of the refused ones', async () => {
    const t = await startTestApp(
      { name: 'sqlite' },
      { seed: false, env: { JOBS_INTERVAL_S: '0', SUPPORT_MESSAGES_PER_10S: '3' } },
    );
    try {
      const auth = `Bearer ${(await t.login('consumer', { openid: 'flooder' })).token}`;
      const codes: number[] = [];
      // Fixed 10 s windows: 10 quick sends span at most two windows, so at most 6 can pass.
      for (let i = 0; i < 10; i++) {
        codes.push(
          (
            await t.http
              .post('/api/v1/support/messages')
              .set('Authorization', auth)
              .send({ text: `你好 ${i}` })
          ).status,
        );
      }
      expect(codes.slice(0, 3)).toEqual([200, 200, 200]);
      expect(codes.filter((c) => c === 429).length).toBeGreaterThanOrEqual(4);
      const stored = await t.container.db.getRepository(MessageEntity).countBy({ sender: 'customer' });
      expect(stored).toBe(codes.filter((c) => c === 200).length);
    } finally {
      await t.close();
    }
  });
});
