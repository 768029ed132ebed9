import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ChatMessage, Conversation, SendMessageResponse, Ack } from '@omni/shared-types';
import { startTestApp, type TestApp } from './harness';
import { MutableClock } from './fixtures';
import { connectSocket, nextEvent } from './sockets';

// Runs only when TEST_REDIS_URL is set (jest.config.js leaves it out otherwise): two BFF
// instances share one database and a Redis; a customer on one talks to an agent on the other.
const NOON = '2026-12-01T04:00:00.000Z';

describe('chat across two BFF instances over Redis', () => {
  let a: TestApp;
  let b: TestApp;
  let dir: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'omni-redis-'));
    const env = {
      DATABASE_URL: `sqlite:${join(dir, 'shared.sqlite')}`,
      REDIS_URL: process.env.TEST_REDIS_URL!,
      JOBS_INTERVAL_S: '0',
      SUPPORT_MESSAGES_PER_10S: '1000',
    };
    const clock = new MutableClock(new Date(NOON));
    a = await startTestApp({ name: 'sqlite' }, { clock, listen: true, env });
    b = await startTestApp({ name: 'sqlite' }, { clock, listen: true, env });
  });
  afterAll(async () => {
    await a?.close();
    await b?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('reports Redis in the health check', async () => {
    expect((await a.http.get('/healthz').expect(200)).body.redis).toBe(true);
  });

  it('delivers messages both ways between a customer on instance A and an agent on instance B', async () => {
    const customerToken = (await a.login('consumer', { openid: 'redis-customer' })).token;
    const agentToken = (await b.login('staff', { storeId: 1, openid: 'redis-agent' })).token;
    const customer = await connectSocket(a.base, customerToken);
    const agent = await connectSocket(b.base, agentToken);
    try {
      const queued = nextEvent<Conversation>(agent, 'support:queue');
      const send = (text: string, clientId: string) =>
        new Promise<SendMessageResponse>((ok, fail) =>
          customer.emit('chat:send', { text, clientId }, (ack: Ack<SendMessageResponse>) =>
            'data' in ack ? ok(ack.data) : fail(new Error(ack.error.code)),
          ),
        );
      const first = await send('转人工', 'redis-msg-0001');
      expect(first.conversation.status).toBe('waiting');
      const conv = await queued; // pushed by instance A, received on instance B
      expect(conv.id).toBe(first.conversation.id);

      await b.http
        .post(`/api/v1/support/conversations/${conv.id}/claim`)
        .set('Authorization', `Bearer ${agentToken}`)
        .expect(200);
      const toCustomer = new Promise<ChatMessage>((ok) =>
        customer.on('chat:message', (m: ChatMessage) => m.sender === 'agent' && ok(m)),
      );
      await b.http
        .post(`/api/v1/support/conversations/${conv.id}/reply`)
        .set('Authorization', `Bearer ${agentToken}`)
        .send({ text: '来自 B 的回复' })
        .expect(200);
      expect((await toCustomer).text).toBe('来自 B 的回复');

      const toAgent = new Promise<ChatMessage>((ok) =>
        agent.on(
          'chat:message',
          (m: ChatMessage) => m.sender === 'customer' && m.text === '收到，谢谢' && ok(m),
        ),
      );
      const resent = await send('收到，谢谢', 'redis-msg-0002');
      const again = await send('收到，谢谢', 'redis-msg-0002'); // a resend after a reconnect
      expect(again.message.id).toBe(resent.message.id);
      expect((await toAgent).id).toBe(resent.message.id);
    } finally {
      customer.disconnect();
      agent.disconnect();
    }
  });
});
