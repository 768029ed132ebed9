import { fireEvent, render } from '@testing-library/react';
import type { ChatMessage } from '@omni/shared-types';
import type { ChatEntry } from './chat-reducer';
import { MessageList } from './message-list';

function entry(
  id: number,
  overrides: Partial<ChatMessage> = {},
  state: ChatEntry['state'] = 'sent',
): ChatEntry {
  const message: ChatMessage = {
    id,
    conversationId: 3,
    sender: 'customer',
    senderName: '我',
    clientId: `cid-${id}-abcdef`,
    text: `#${id}`,
    payload: null,
    intent: null,
    createdAt: '2026-11-25T10:00:00.000Z',
    ...overrides,
  };
  return { key: state === 'sent' ? `m${id}` : `c${message.clientId}`, message, state };
}

const noop = () => undefined;

describe('MessageList', () => {
  it('renders every message as text: markup typed by anyone shows literally', () => {
    const html = '<script>alert(1)</script><a href="javascript:alert(2)">点我</a>';
    const { container } = render(
      <MessageList
        entries={[entry(1, { text: html }), entry(2, { sender: 'agent', senderName: '客服', text: html })]}
        readUpTo={0}
        hasMore={false}
        loadingOlder={false}
        onLoadOlder={noop}
        onRetry={noop}
      />,
    );
    const texts = [...container.querySelectorAll('.chat-bubble__text')].map((n) => n.textContent);
    expect(texts).toEqual([html, html]);
    expect(container.querySelector('script, a')).toBeNull();
  });

  it('marks own messages 已读 up to the one the agent read, shows pending ones, and resends a failed one', () => {
    const onRetry = jest.fn();
    const failed = { ...entry(0, { clientId: 'cid-failed-1' }, 'failed'), error: '发送失败' };
    const { container } = render(
      <MessageList
        entries={[entry(5), entry(6), entry(7), entry(0, { clientId: 'cid-pending-1' }, 'sending'), failed]}
        readUpTo={6}
        hasMore
        loadingOlder={false}
        onLoadOlder={noop}
        onRetry={onRetry}
      />,
    );
    expect(container.querySelectorAll('.chat-read')).toHaveLength(2);
    expect(container.querySelectorAll('.chat-pending')).toHaveLength(1);
    expect(container.querySelector('.load-older')?.textContent).toBe('查看更早的消息');

    fireEvent.click(container.querySelector('.chat-failed')!);
    expect(onRetry).toHaveBeenCalledWith('cid-failed-1');
  });
});
