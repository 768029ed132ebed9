import type { Ack, SendMessageBody, SendMessageResponse } from '@omni/shared-types';
import { ChatOutbox, type OutboxSocket } from './chat-client';

/** A socket double: connect/disconnect on demand, `chat:send` emits recorded with their ack. */
class FakeSocket implements OutboxSocket {
  connected = false;
  sends: Array<{ body: SendMessageBody; ack: (a: Ack<unknown>) => void }> = [];
  private handlers: Record<string, Array<() => void>> = {};
  on(event: string, fn: () => void) {
    (this.handlers[event] ??= []).push(fn);
    return this;
  }
  off(event: string, fn: () => void) {
    this.handlers[event] = (this.handlers[event] ?? []).filter((f) => f !== fn);
    return this;
  }
  emit(_event: 'chat:send', body: SendMessageBody, ack: (a: Ack<unknown>) => void) {
    this.sends.push({ body, ack });
    return this;
  }
  fire(event: 'connect' | 'disconnect') {
    this.connected = event === 'connect';
    (this.handlers[event] ?? []).forEach((f) => f());
  }
}

function answer(clientId: string, id: number): SendMessageResponse {
  const at = '2026-11-25T10:00:00.000Z';
  return {
    conversation: {
      id: 3,
      status: 'bot',
      storeId: null,
      customer: { userId: 1, nickname: '体验用户' },
      orderId: null,
      agent: null,
      summary: null,
      waitingSince: null,
      createdAt: at,
      lastMessageAt: at,
      lastMessage: null,
      csat: null,
    },
    message: {
      id,
      conversationId: 3,
      sender: 'customer',
      senderName: '我',
      clientId,
      text: 'hi',
      payload: null,
      intent: null,
      createdAt: at,
    },
    replies: [],
  };
}

function setup() {
  const socket = new FakeSocket();
  socket.connected = true;
  const listener = { sent: jest.fn(), failed: jest.fn() };
  const post = jest.fn<Promise<SendMessageResponse>, [SendMessageBody]>(() => new Promise(() => undefined));
  const outbox = new ChatOutbox({ socket, post, listener, ackTimeoutMs: 60_000 });
  return { socket, listener, post, outbox };
}

describe('ChatOutbox', () => {
  it('resends unacknowledged messages after a reconnect with the same client ids', () => {
    const { socket, outbox, listener } = setup();
    outbox.send({ clientId: 'msg-aaaa-1111', text: '我的订单到哪了' });
    outbox.send({ clientId: 'msg-bbbb-2222', text: '改到明天下午' });
    socket.sends[0].ack({ data: answer('msg-aaaa-1111', 10) }); // the first one made it

    socket.fire('disconnect'); // the second one's ack is lost with the connection
    socket.fire('connect');

    const resent = socket.sends.slice(2);
    expect(resent.map((s) => s.body.clientId)).toEqual(['msg-bbbb-2222']);
    expect(resent[0].body).toMatchObject({ text: '改到明天下午', conversationId: 3 });
    expect(listener.sent).toHaveBeenCalledTimes(1);

    resent[0].ack({ data: answer('msg-bbbb-2222', 11) });
    expect(outbox.unacked()).toEqual([]);
    expect(listener.sent).toHaveBeenLastCalledWith('msg-bbbb-2222', expect.anything());
  });

  it('sends over HTTP while the socket is down, and again over the socket once it is back', () => {
    const { socket, outbox, post } = setup();
    socket.connected = false;
    outbox.send({ clientId: 'msg-cccc-3333', text: '在吗' });
    expect(post).toHaveBeenCalledWith({ clientId: 'msg-cccc-3333', text: '在吗' });

    socket.fire('connect');
    expect(socket.sends.map((s) => s.body.clientId)).toEqual(['msg-cccc-3333']);
  });

  it('drops a message the BFF refuses for good and keeps one that was only rate-limited', () => {
    const { socket, outbox, listener } = setup();
    outbox.send({ clientId: 'msg-dddd-4444', text: 'x'.repeat(1001) });
    outbox.send({ clientId: 'msg-eeee-5555', text: '快点' });
    socket.sends[0].ack({ error: { code: 'VALIDATION_FAILED', message: '消息过长' } });
    socket.sends[1].ack({ error: { code: 'RATE_LIMITED', message: '太频繁' } });

    expect(listener.failed).toHaveBeenCalledWith(
      'msg-dddd-4444',
      expect.objectContaining({ retryable: false }),
    );
    expect(listener.failed).toHaveBeenCalledWith(
      'msg-eeee-5555',
      expect.objectContaining({ retryable: true }),
    );
    expect(outbox.unacked()).toEqual(['msg-eeee-5555']);

    outbox.retry('msg-eeee-5555');
    expect(socket.sends[2].body.clientId).toBe('msg-eeee-5555');
  });
});
