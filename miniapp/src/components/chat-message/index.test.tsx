import { fireEvent, render } from '@testing-library/react';
import type { ChatMessage } from '@omni/shared-types';
import { ChatBubble } from '.';

function message(overrides: Partial<ChatMessage> = {}): ChatMessage {
  return {
    id: 7,
    conversationId: 3,
    sender: 'bot',
    senderName: '品牌小助手',
    clientId: null,
    text: '你好',
    payload: null,
    intent: null,
    createdAt: '2026-11-25T10:00:00.000Z',
    ...overrides,
  };
}

describe('ChatBubble', () => {
  it('shows an HTML string literally instead of rendering it', () => {
    const html = '<img src=x onerror="alert(1)"><b>加粗</b>';
    const { container } = render(
      <ChatBubble message={message({ sender: 'agent', senderName: '客服', text: html })} />,
    );

    expect(container.querySelector('.chat-bubble__text')?.textContent).toBe(html);
    expect(container.querySelector('img')).toBeNull();
    expect(container.querySelector('b')).toBeNull();
    expect(container.querySelector('.chat-bubble--agent .chat-bubble__name')?.textContent).toBe('客服');
  });

  it('puts the customer on the right without a label and centres system notes', () => {
    const own = render(<ChatBubble message={message({ sender: 'customer', senderName: '我' })} />);
    expect(own.container.querySelector('.chat-row--own .chat-bubble--customer')).not.toBeNull();
    expect(own.container.querySelector('.chat-bubble__name')).toBeNull();

    const note = render(<ChatBubble message={message({ sender: 'system', text: '客服 小王 为你服务' })} />);
    expect(note.container.querySelector('.chat-bubble--system')?.textContent).toBe('客服 小王 为你服务');
  });

  it('sends a chip’s text, or its action, as the next message', () => {
    const onSend = jest.fn();
    const { container } = render(
      <ChatBubble
        message={message({
          payload: {
            chips: [
              { label: '查订单', text: '我的订单到哪了' },
              { label: '转人工', action: { type: 'human' } },
            ],
          },
        })}
        onSend={onSend}
      />,
    );
    const chips = container.querySelectorAll('.chip');
    fireEvent.click(chips[0]);
    fireEvent.click(chips[1]);

    expect(onSend).toHaveBeenNthCalledWith(1, { label: '查订单', text: '我的订单到哪了', action: undefined });
    expect(onSend).toHaveBeenNthCalledWith(2, {
      label: '转人工',
      text: undefined,
      action: { type: 'human' },
    });
  });

  it('reschedules to a tapped slot and ignores one that cannot be booked', () => {
    const onSend = jest.fn();
    const { container } = render(
      <ChatBubble
        message={message({
          payload: {
            slots: {
              orderId: 42,
              date: '2026-11-27',
              items: [
                { slotId: 91, label: '14:00-16:00', remaining: 3, bookable: true },
                { slotId: 92, label: '16:00-18:00', remaining: 0, bookable: false },
              ],
            },
          },
        })}
        onSend={onSend}
      />,
    );
    fireEvent.click(container.querySelector('.slot-option[data-id="92"]')!);
    fireEvent.click(container.querySelector('.slot-option[data-id="91"]')!);

    expect(onSend).toHaveBeenCalledTimes(1);
    expect(onSend).toHaveBeenCalledWith({
      label: '改到 2026-11-27 14:00-16:00',
      action: { type: 'reschedule', orderId: 42, slotId: 91 },
    });
  });

  it('opens the product, the case and rates with the stars', () => {
    const h = { onOpenProduct: jest.fn(), onOpenCase: jest.fn(), onRate: jest.fn() };
    const { container } = render(
      <ChatBubble
        message={message({
          sender: 'system',
          payload: {
            products: [{ id: 5, name: '修护面霜', priceFen: 12900, image: '/a.svg', reason: '适合干皮' }],
            caseRef: { id: 8, caseNo: 'AS2026', type: 'return', status: 'submitted' },
            csatRequest: true,
          },
        })}
        {...h}
      />,
    );
    fireEvent.click(container.querySelector('.product-card-mini')!);
    fireEvent.click(container.querySelector('.case-card')!);
    fireEvent.click(container.querySelectorAll('.csat-star')[3]);

    expect(h.onOpenProduct).toHaveBeenCalledWith(5);
    expect(h.onOpenCase).toHaveBeenCalledWith(8);
    expect(h.onRate).toHaveBeenCalledWith(4);
    expect(container.querySelector('.case-card')?.textContent).toContain('退货退款');
  });
});
