import { z } from 'zod';
import { LbsEvent } from './lbs';
import { OrderStatus } from './orders';
import type { CourierPositionEvent, DispatchUpdatedEvent, DispatchWatchBody } from './dispatch-board';
import type { CourierRoute, OrderEtaEvent } from './routing';
import { ChatMessage, Conversation } from './support';

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
  'route:updated': (e: CourierRoute) => void;
  'order:eta': (e: OrderEtaEvent) => void;
  'chat:message': (m: ChatMessage) => void;
  'chat:typing': (e: { conversationId: number; sender: 'customer' | 'agent' }) => void;
  'chat:read': (e: { conversationId: number; messageId: number; reader: 'customer' | 'agent' }) => void;
  'support:queue': (c: Conversation) => void;
  /** To back-office sockets watching the courier's store (store managers: their own store, automatically). */
  'courier:position': (e: CourierPositionEvent) => void;
  /** To the same sockets: the store's day has a new plan version (a plan or a reassignment); reload the board. */
  'dispatch:updated': (e: DispatchUpdatedEvent) => void;
}

/** Socket event names and payloads, client → server (acks are `Ack<T>`). */
export interface ClientToServerEvents {
  'chat:send': (body: unknown, ack: (a: Ack<unknown>) => void) => void;
  'chat:typing': (body: { conversationId: number }) => void;
  'chat:read': (body: { conversationId: number; messageId: number }) => void;
  'chat:join': (body: { conversationId: number }, ack: (a: Ack<unknown>) => void) => void;
  /** Back office (admin any store, store manager its own): watch one store's couriers; acks `{ data: { storeId } }`. */
  'dispatch:watch': (body: DispatchWatchBody, ack: (a: Ack<{ storeId: number }>) => void) => void;
}

/** Socket acks: `{ data }` or `{ error: { code, message } }`. */
export type Ack<T> = { data: T } | { error: { code: string; message: string } };
