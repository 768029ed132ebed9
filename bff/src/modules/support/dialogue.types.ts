import type { ChatAction, HandoffSummary, MessagePayload } from '@omni/shared-types';
import type { Principal } from '../../http/context';

/** One message the bot sends. */
export interface BotReply {
  text: string;
  payload?: MessagePayload;
}

/** What the dialogue decided for one customer turn. */
export interface DialogueOutcome {
  replies: BotReply[];
  intent: string | null;
  confidence: number | null;
  entities: Record<string, unknown>;
  /** Set when a person should take over; the bot then stays silent. */
  handoff?: HandoffSummary['reason'];
  /** True when the bot could not help this turn (counts towards hand-off). */
  unresolved: boolean;
  memory: DialogueMemory;
  /** The order the turn was about, for the hand-off summary and the conversation's store. */
  orderId?: number | null;
}

/** Short memory across turns, e.g. that slots were just offered for an order. */
export interface DialogueMemory {
  pending?: 'change_slot';
  orderId?: number;
  lastIntent?: string;
}

/** One customer turn as the dialogue sees it. */
export interface DialogueTurn {
  principal: Principal;
  conversationId: number;
  text: string | null;
  action: ChatAction | null;
  contextOrderId: number | null;
  memory: DialogueMemory;
  now: Date;
}

/** The FAQ and product knowledge the bot answers from. */
export interface Knowledge {
  /** Brings the knowledge up to date with the database when it changed (call before each turn). */
  refresh(): Promise<void>;
  /** Active products by name, for entity extraction. */
  products(): ReadonlyArray<{ id: string; name: string }>;
  /** The best article for a question, or null when not confident enough to answer. */
  answer(query: string): { article: { id: string; title: string; body: string }; confidence: number } | null;
  /**
   * The best article of the given FAQ categories among the top matches, even below the answer
   * threshold: used when the NLU is already sure what the question is about.
   */
  bestIn(
    query: string,
    categories: readonly string[],
  ): { article: { id: string; title: string; body: string }; confidence: number } | null;
  /** Products to suggest, by sku, with a Chinese reason. */
  recommend(opts: {
    seedSkus: string[];
    seedSource: 'purchased' | 'mentioned';
    attributes: { skin?: string[]; sizes?: string[]; colors?: string[]; category?: string };
    inStock: (sku: string) => boolean;
    k: number;
  }): Array<{ sku: string; reason: string }>;
}
