import { z } from 'zod';
import { LbsEvent } from './lbs';
import { OrderStatus } from './orders';

/** Server → client: an order changed (to its owner's room and its store's staff room). */
export const OrderUpdatedEvent = z.object({
  orderId: z.number().int(),
  status: OrderStatus,
  statusText: z.string(),
  staffAcknowledged: z.boolean(),
  reason: z.string().nullable(),
});
export type OrderUpdatedEvent = z.infer<typeof OrderUpdatedEvent>;

/** Socket event names (`resource:verb`) and their payloads, server → client. */
export interface ServerToClientEvents {
  'order:updated': (e: OrderUpdatedEvent) => void;
  'lbs:event': (e: LbsEvent) => void;
  'lbs:event-updated': (e: LbsEvent) => void;
}

/** Socket acks: `{ data }` or `{ error: { code, message } }`. */
export type Ack<T> = { data: T } | { error: { code: string; message: string } };
