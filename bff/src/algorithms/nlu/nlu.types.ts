/** The 20 intent labels of the support bot, in a fixed order (the model's class order). */
export const INTENTS = [
  'order_status',
  'change_slot',
  'cancel_order',
  'return_refund',
  'exchange',
  'invoice',
  'store_hours',
  'store_nearby',
  'product_question',
  'product_recommend',
  'stock_check',
  'delivery_fee',
  'payment_issue',
  'complaint',
  'human_agent',
  'promotion',
  'address_change',
  'greeting',
  'thanks',
  'out_of_scope',
] as const;

/** One intent label of the support bot. */
export type Intent = (typeof INTENTS)[number];

/** Whether a string is one of the 20 intent labels. */
export function isIntent(value: unknown): value is Intent {
  return typeof value === 'string' && (INTENTS as readonly string[]).includes(value);
}

/** One intent with its calibrated probability in [0, 1]. */
export interface IntentScore {
  intent: Intent;
  p: number;
}

/** Result of classifying one message: best intent, its probability, and all intents by probability. */
export interface Classification {
  intent: Intent;
  confidence: number;
  ranking: IntentScore[];
}

/** Part of the day a customer named, as in 上午 / 下午 / 晚上. */
export type DayPart = 'early_morning' | 'morning' | 'noon' | 'afternoon' | 'evening' | 'night';

/**
 * A date and optional time window resolved in Asia/Shanghai, times as 24h HH:MM: a range (18:00-20:00) gives
 * `from` and `to`, a clock time or a start (晚上8点, 9点以后) only `from`, a deadline (10点前) only `to`.
 */
export interface TimeEntity {
  text: string;
  date: string;
  from?: string;
  to?: string;
  part?: DayPart;
}

/** A store known to the caller, with extra names customers use for it (e.g. 静安店). */
export interface StoreRef {
  id: string;
  name: string;
  aliases?: readonly string[];
}

/** A product known to the caller. */
export interface ProductRef {
  id: string;
  name: string;
}

/** Skin types a customer may mention for skincare questions. */
export type SkinType = 'dry' | 'oily' | 'sensitive' | 'combination' | 'normal';

/** A product matched in the message; `score` in (0, 1] is the share of the product name found. */
export interface ProductMatch {
  id: string;
  name: string;
  score: number;
}

/** Everything the entity extractors found in one message. */
export interface NluEntities {
  orderIds: string[];
  phones: string[];
  times: TimeEntity[];
  stores: { id: string; name: string; matched: string }[];
  products: ProductMatch[];
  skinTypes: SkinType[];
  sizes: string[];
  colors: string[];
}

/** What the caller knows when parsing: the current instant and its catalogue. */
export interface ParseContext {
  now: Date;
  stores?: readonly StoreRef[];
  products?: readonly ProductRef[];
}

/** Result of `parse`: the classification plus the entities. */
export interface ParseResult extends Classification {
  entities: NluEntities;
}
