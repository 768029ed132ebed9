import Taro from '@tarojs/taro';
import { act, fireEvent, render, waitFor } from '@testing-library/react';
import type { ChatMessage, Conversation } from '@omni/shared-types';
import { session } from '../../../test/fixtures';
import { saveSession } from '../../services/session';
import { useChat } from './use-chat';
import ChatPage from '.';

// The mini-program build: 转人工 asks about 客服回复 with WeChat's sheet in the same tap.
jest.mock('../../config', () => ({ ...jest.requireActual('../../config'), IS_H5: false }));
jest.mock('./use-chat');

const mockRequest = Taro.request as unknown as jest.Mock;
const subscribe = Taro.requestSubscribeMessage as unknown as jest.Mock;
type Call = { url: string; method: string; data?: unknown };

const botReply: ChatMessage = {
  id: 7,
  conversationId: 3,
  sender: 'bot',
  senderName: '品牌小助手',
  clientId: null,
  text: '没有找到答案，要转人工吗？',
  payload: { chips: [{ label: '转人工', action: { type: 'human' } }] },
  intent: null,
  createdAt: '2026-11-25T10:00:00.000Z',
};

const send = jest.fn();

function chatState(status: Conversation['status']) {
  jest.mocked(useChat).mockReturnValue({
    conversation: { id: 3, status } as Conversation,
    entries: [{ key: 'm7', message: botReply, state: 'sent' }],
    hasMore: false,
    readUpTo: 0,
    online: true,
    agentTyping: false,
    loadingOlder: false,
    loadError: null,
    loadLatest: jest.fn(),
    loadOlder: jest.fn(),
    send,
    retry: jest.fn(),
    typing: jest.fn(),
    markRead: jest.fn(),
    rate: jest.fn(),
  } as unknown as ReturnType<typeof useChat>);
}

/** Waits until the page has fetched the handoff offer and taken in the answer. */
async function offerLoaded() {
  await waitFor(() =>
    expect(mockRequest.mock.calls.some(([c]) => String(c.url).includes('scene=handoff'))).toBe(true),
  );
  await act(() => new Promise((resolve) => setTimeout(resolve, 0)));
}

beforeEach(() => {
  saveSession(session());
  chatState('bot');
  mockRequest.mockImplementation((call: Call) => {
    if (call.url.includes('/notifications/templates'))
      return Promise.resolve({
        statusCode: 200,
        data: { items: [{ templateId: 'T-reply', event: 'support_reply', title: '客服回复' }] },
      });
    if (call.url.endsWith('/notifications/consents'))
      return Promise.resolve({ statusCode: 200, data: { accepted: 1, ignored: [], allowances: [] } });
    return Promise.resolve({ statusCode: 404, data: {} });
  });
});

const consentCalls = () =>
  mockRequest.mock.calls.map(([c]) => c as Call).filter((c) => c.url.endsWith('/notifications/consents'));

describe('客服: 转人工', () => {
  it('asks about 客服回复 in the 转人工 tap and hands over without waiting', async () => {
    subscribe.mockResolvedValueOnce({ errMsg: 'requestSubscribeMessage:ok', 'T-reply': 'accept' });
    const { container } = render(<ChatPage />);
    await offerLoaded();

    fireEvent.click(container.querySelector('.chip')!);

    expect(subscribe).toHaveBeenCalledWith({ tmplIds: ['T-reply'] });
    expect(send).toHaveBeenCalledWith(expect.objectContaining({ action: { type: 'human' } }));
    await waitFor(() => expect(consentCalls()).toHaveLength(1));
    expect(consentCalls()[0].data).toEqual({ scene: 'handoff', results: { 'T-reply': 'accept' } });
  });

  it('asks when 转人工 is typed and sent', async () => {
    const { container } = render(<ChatPage />);
    await offerLoaded();
    fireEvent.change(container.querySelector('.chat-input')!, { target: { value: '我要转人工' } });

    fireEvent.click(container.querySelector('.chat-send')!);

    expect(subscribe).toHaveBeenCalledWith({ tmplIds: ['T-reply'] });
    expect(send).toHaveBeenCalledWith({ text: '我要转人工' });
  });

  it('does not ask for other messages, nor once a person is already on the chat', async () => {
    const { container, rerender } = render(<ChatPage />);
    await offerLoaded();
    fireEvent.change(container.querySelector('.chat-input')!, { target: { value: '订单到哪了' } });
    fireEvent.click(container.querySelector('.chat-send')!);
    expect(send).toHaveBeenCalledWith({ text: '订单到哪了' });

    chatState('agent');
    rerender(<ChatPage />);
    fireEvent.click(container.querySelector('.chip')!);
    expect(send).toHaveBeenCalledTimes(2);
    expect(subscribe).not.toHaveBeenCalled();
  });
});
