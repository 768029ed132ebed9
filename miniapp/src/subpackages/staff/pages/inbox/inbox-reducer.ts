import type { LbsEvent } from '@omni/shared-types';

/** The inbox's three tabs. */
export type InboxTab = 'todo' | 'claimed' | 'done';

/** Events of the store (newest first) and how many arrived since the staff last looked. */
export interface InboxState {
  events: LbsEvent[];
  unseen: number;
}

/** What changes the inbox: a fresh list, a pushed new event, a pushed update, the staff looking. */
export type InboxAction =
  | { type: 'loaded'; events: LbsEvent[] }
  | { type: 'received'; event: LbsEvent }
  | { type: 'updated'; event: LbsEvent }
  | { type: 'seen' };

/** An empty inbox. */
export const EMPTY_INBOX: InboxState = { events: [], unseen: 0 };

function newestFirst(events: LbsEvent[]): LbsEvent[] {
  return [...events].sort((a, b) => b.id - a.id);
}

function upsert(events: LbsEvent[], event: LbsEvent): LbsEvent[] {
  return newestFirst([event, ...events.filter((e) => e.id !== event.id)]);
}

/** Folds inbox actions; a push for an event already listed replaces it instead of duplicating it. */
export function inboxReducer(state: InboxState, action: InboxAction): InboxState {
  switch (action.type) {
    case 'loaded':
      return { ...state, events: newestFirst(action.events) };
    case 'received': {
      const known = state.events.some((e) => e.id === action.event.id);
      return { events: upsert(state.events, action.event), unseen: known ? state.unseen : state.unseen + 1 };
    }
    case 'updated':
      return { ...state, events: upsert(state.events, action.event) };
    case 'seen':
      return state.unseen === 0 ? state : { ...state, unseen: 0 };
  }
}

/** Which tab an event belongs to: 待处理 (open, escalated), 已认领, 已完成. */
export function tabOf(event: LbsEvent): InboxTab {
  if (event.status === 'claimed') return 'claimed';
  if (event.status === 'resolved') return 'done';
  return 'todo';
}

/** The events of one tab, newest first. */
export function eventsOfTab(events: LbsEvent[], tab: InboxTab): LbsEvent[] {
  return events.filter((e) => tabOf(e) === tab);
}
