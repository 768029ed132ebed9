import type { Conversation } from '@omni/shared-types';
import { EMPTY_QUEUE, queueReducer, waitedText } from './queue-reducer';

function conv(overrides: Partial<Conversation> = {}): Conversation {
  return {
    id: 1,
    status: 'waiting',
    storeId: 2,
    customer: { userId: 7, nickname: '小林' },
    orderId: null,
    agent: null,
    summary: null,
    waitingSince: '2026-11-25T10:00:00.000Z',
    createdAt: '2026-11-25T09:50:00.000Z',
    lastMessageAt: '2026-11-25T10:00:00.000Z',
    lastMessage: '转人工',
    csat: null,
    ...overrides,
  };
}

const ids = (items: Conversation[]) => items.map((c) => c.id);

describe('queueReducer', () => {
  it('lists the longest-waiting first, then conversations being served', () => {
    const s = queueReducer(EMPTY_QUEUE, {
      type: 'loaded',
      items: [
        conv({ id: 1, status: 'agent', waitingSince: null }),
        conv({ id: 2, waitingSince: '2026-11-25T10:05:00.000Z' }),
        conv({ id: 3, waitingSince: '2026-11-25T10:01:00.000Z' }),
      ],
    });
    expect(ids(s.items)).toEqual([3, 2, 1]);
  });

  it('adds a pushed waiting conversation once and counts it as new', () => {
    let s = queueReducer(EMPTY_QUEUE, { type: 'pushed', conversation: conv({ id: 5 }) });
    s = queueReducer(s, { type: 'pushed', conversation: conv({ id: 5 }) });
    expect(ids(s.items)).toEqual([5]);
    expect(s.unseen).toBe(1);
    expect(queueReducer(s, { type: 'seen' }).unseen).toBe(0);
  });

  it('replaces a conversation a colleague claimed instead of listing it twice', () => {
    let s = queueReducer(EMPTY_QUEUE, { type: 'loaded', items: [conv({ id: 5 }), conv({ id: 6 })] });
    s = queueReducer(s, {
      type: 'pushed',
      conversation: conv({
        id: 5,
        status: 'agent',
        waitingSince: null,
        agent: { userId: 9, nickname: '小王' },
      }),
    });
    expect(ids(s.items)).toEqual([6, 5]);
    expect(s.items[1].agent?.nickname).toBe('小王');
    expect(s.unseen).toBe(0);
  });

  it('says how long a customer has waited', () => {
    const since = '2026-11-25T10:00:00.000Z';
    expect(waitedText(since, Date.parse(since) + 20_000)).toBe('刚刚');
    expect(waitedText(since, Date.parse(since) + 7 * 60_000)).toBe('7分钟');
    expect(waitedText(since, Date.parse(since) + 65 * 60_000)).toBe('1小时5分');
  });
});
