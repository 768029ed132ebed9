import type { Conversation } from '@omni/shared-types';

/** The console's queue: conversations waiting for or served by a person. */
export interface QueueState {
  items: Conversation[];
  /** Waiting conversations that arrived since the agent last looked. */
  unseen: number;
}

/** What changes the queue: a fresh list, a `support:queue` push, a local change (claim, close). */
export type QueueAction =
  | { type: 'loaded'; items: Conversation[] }
  | { type: 'pushed'; conversation: Conversation }
  | { type: 'seen' };

/** An empty queue. */
export const EMPTY_QUEUE: QueueState = { items: [], unseen: 0 };

/** Waiting first, longest-waiting at the top; then those being served, most recent first. */
function ordered(items: Conversation[]): Conversation[] {
  const rank = (c: Conversation) => (c.status === 'waiting' ? 0 : c.status === 'agent' ? 1 : 2);
  return [...items].sort((a, b) => {
    if (rank(a) !== rank(b)) return rank(a) - rank(b);
    if (a.status === 'waiting')
      return Date.parse(a.waitingSince ?? a.lastMessageAt) - Date.parse(b.waitingSince ?? b.lastMessageAt);
    return Date.parse(b.lastMessageAt) - Date.parse(a.lastMessageAt);
  });
}

/** Folds queue changes; a conversation is listed once, and one back with the bot leaves the queue. */
export function queueReducer(state: QueueState, action: QueueAction): QueueState {
  switch (action.type) {
    case 'loaded':
      return { ...state, items: ordered(action.items.filter((c) => c.status !== 'bot')) };
    case 'pushed': {
      const c = action.conversation;
      const before = state.items.find((x) => x.id === c.id);
      const rest = state.items.filter((x) => x.id !== c.id);
      const items = ordered(c.status === 'bot' ? rest : [...rest, c]);
      const fresh = c.status === 'waiting' && before?.status !== 'waiting';
      return { items, unseen: fresh ? state.unseen + 1 : state.unseen };
    }
    case 'seen':
      return state.unseen === 0 ? state : { ...state, unseen: 0 };
  }
}

/** How long a conversation has waited, for people: 刚刚, 3分钟, 1小时5分. */
export function waitedText(waitingSince: string | null, nowMs: number): string {
  if (!waitingSince) return '';
  const min = Math.max(0, Math.floor((nowMs - Date.parse(waitingSince)) / 60_000));
  if (min < 1) return '刚刚';
  if (min < 60) return `${min}分钟`;
  return `${Math.floor(min / 60)}小时${min % 60}分`;
}
