import type { ChatMessage } from '@omni/shared-types';
import { chatReducer, EMPTY_CHAT, type ChatState } from './chat-reducer';

function msg(id: number, overrides: Partial<ChatMessage> = {}): ChatMessage {
  return {
    id,
    conversationId: 3,
    sender: 'bot',
    senderName: '品牌小助手',
    clientId: null,
    text: `#${id}`,
    payload: null,
    intent: null,
    createdAt: '2026-11-25T10:00:00.000Z',
    ...overrides,
  };
}

const keys = (s: ChatState) => s.entries.map((e) => `${e.key}:${e.state}`);

describe('chatReducer', () => {
  it('shows a typed message as pending, then replaces it with the stored one (echo and ack count once)', () => {
    let s = chatReducer(EMPTY_CHAT, {
      type: 'queued',
      clientId: 'cid-00001',
      text: '在吗',
      conversationId: 3,
    });
    expect(keys(s)).toEqual(['ccid-00001:sending']);

    const stored = msg(20, { sender: 'customer', clientId: 'cid-00001', text: '在吗' });
    s = chatReducer(s, { type: 'received', message: stored }); // the socket echo
    s = chatReducer(s, { type: 'received', message: msg(21) });
    s = chatReducer(s, { type: 'received', message: stored }); // the same message again
    expect(keys(s)).toEqual(['m20:sent', 'm21:sent']);
  });

  it('keeps pending messages after stored ones and prepends older history in order', () => {
    let s = chatReducer(EMPTY_CHAT, {
      type: 'history',
      history: { conversation: { id: 3 } as never, items: [msg(40), msg(41)] },
      older: false,
      pageSize: 2,
    });
    expect(s.hasMore).toBe(true);
    s = chatReducer(s, { type: 'queued', clientId: 'cid-00002', text: 'hi', conversationId: 3 });
    s = chatReducer(s, {
      type: 'history',
      history: { conversation: { id: 3 } as never, items: [msg(39)] },
      older: true,
      pageSize: 2,
    });
    expect(keys(s)).toEqual(['m39:sent', 'm40:sent', 'm41:sent', 'ccid-00002:sending']);
    expect(s.hasMore).toBe(false);
  });

  it('marks a failed message and sends it again on retry', () => {
    let s = chatReducer(EMPTY_CHAT, { type: 'queued', clientId: 'cid-00003', text: 'hi', conversationId: 3 });
    s = chatReducer(s, { type: 'failed', clientId: 'cid-00003', error: '发送太频繁' });
    expect(s.entries[0]).toMatchObject({ state: 'failed', error: '发送太频繁' });
    s = chatReducer(s, { type: 'retrying', clientId: 'cid-00003' });
    expect(s.entries[0].state).toBe('sending');
  });
});
