import type { LbsEvent } from '@omni/shared-types';
import { EMPTY_INBOX, eventsOfTab, inboxReducer, type InboxState } from './inbox-reducer';

function lbsEvent(overrides: Partial<LbsEvent> = {}): LbsEvent {
  return {
    id: 1,
    storeId: 2,
    kind: 'PICKUP_ARRIVAL',
    title: '自提顾客即将到店',
    status: 'open',
    customer: { userId: 7, nickname: '小林' },
    order: { id: 11, orderNo: 'P20261125001', status: 'paid', items: [{ name: '修护面霜', quantity: 1 }] },
    distanceM: 180,
    createdAt: '2026-11-25T10:00:00.000Z',
    claimedBy: null,
    claimedAt: null,
    resolvedAt: null,
    note: null,
    escalatedAt: null,
    ...overrides,
  };
}

const ids = (s: InboxState) => s.events.map((e) => e.id);

describe('inboxReducer', () => {
  it('lists loaded events newest first', () => {
    const s = inboxReducer(EMPTY_INBOX, {
      type: 'loaded',
      events: [lbsEvent({ id: 3 }), lbsEvent({ id: 5 }), lbsEvent({ id: 4 })],
    });
    expect(ids(s)).toEqual([5, 4, 3]);
    expect(s.unseen).toBe(0);
  });

  it('puts a pushed new event on top and counts it as unseen', () => {
    let s = inboxReducer(EMPTY_INBOX, { type: 'loaded', events: [lbsEvent({ id: 3 })] });
    s = inboxReducer(s, { type: 'received', event: lbsEvent({ id: 9 }) });
    s = inboxReducer(s, { type: 'received', event: lbsEvent({ id: 10 }) });
    expect(ids(s)).toEqual([10, 9, 3]);
    expect(s.unseen).toBe(2);
  });

  it('does not duplicate an event pushed again after a reload already listed it', () => {
    let s = inboxReducer(EMPTY_INBOX, { type: 'loaded', events: [lbsEvent({ id: 9 })] });
    s = inboxReducer(s, { type: 'received', event: lbsEvent({ id: 9 }) });
    expect(ids(s)).toEqual([9]);
    expect(s.unseen).toBe(0);
  });

  it('replaces an event with its pushed update, moving it from 待处理 to 已认领', () => {
    let s = inboxReducer(EMPTY_INBOX, { type: 'loaded', events: [lbsEvent({ id: 1 }), lbsEvent({ id: 2 })] });
    const claimed = lbsEvent({ id: 1, status: 'claimed', claimedBy: { userId: 40, nickname: '店员小王' } });
    s = inboxReducer(s, { type: 'updated', event: claimed });
    expect(ids(s)).toEqual([2, 1]);
    expect(eventsOfTab(s.events, 'todo').map((e) => e.id)).toEqual([2]);
    expect(eventsOfTab(s.events, 'claimed')).toEqual([claimed]);
    expect(s.unseen).toBe(0);
  });

  it('keeps escalated events in 待处理 and resolved ones in 已完成', () => {
    const events = [
      lbsEvent({ id: 1, status: 'escalated' }),
      lbsEvent({ id: 2, status: 'resolved', note: '已取走' }),
    ];
    expect(eventsOfTab(events, 'todo').map((e) => e.id)).toEqual([1]);
    expect(eventsOfTab(events, 'done').map((e) => e.id)).toEqual([2]);
  });

  it('clears the unseen count when the staff looks', () => {
    let s = inboxReducer(EMPTY_INBOX, { type: 'received', event: lbsEvent({ id: 4 }) });
    s = inboxReducer(s, { type: 'seen' });
    expect(s.unseen).toBe(0);
    expect(ids(s)).toEqual([4]);
  });
});
