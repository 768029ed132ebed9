import {
  MockPayResponse,
  Order,
  OrderListResponse,
  PayResponse,
  type CreateOrderBody,
  type OrderStatus,
} from '@omni/shared-types';
import { request } from './request';

/**
 * A fresh `Idempotency-Key` for one checkout attempt (24 URL-safe characters). The same key is
 * sent again when the user retries after a failure, so a retry never creates a second order.
 */
export function newIdempotencyKey(): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  let key = `co${Date.now().toString(36)}`;
  while (key.length < 24) key += alphabet[Math.floor(Math.random() * alphabet.length)];
  return key;
}

/** Places an order; errors are left to the checkout page (no toast), which explains them itself. */
export function createOrder(body: CreateOrderBody, idempotencyKey: string): Promise<Order> {
  return request({
    method: 'POST',
    path: '/orders',
    data: body as unknown as Record<string, unknown>,
    headers: { 'Idempotency-Key': idempotencyKey },
    schema: Order,
    silent: true,
  });
}

/** One page of the caller's orders, newest first; errors are left to the caller. */
export function listOrders(query: {
  page: number;
  pageSize: number;
  status?: OrderStatus;
}): Promise<OrderListResponse> {
  return request({ path: '/orders', query, schema: OrderListResponse, silent: true });
}

/** One order with its timeline and allowed actions; errors are left to the caller. */
export function getOrder(id: number): Promise<Order> {
  return request({ path: `/orders/${id}`, schema: Order, silent: true });
}

/** WeChat Pay parameters for an unpaid order (toasts on failure). */
export function payOrder(id: number): Promise<PayResponse> {
  return request({ method: 'POST', path: `/orders/${id}/pay`, schema: PayResponse });
}

/** After `requestPayment` succeeded: the BFF asks WeChat Pay and settles now, without waiting for the notify. */
export function confirmPayment(id: number): Promise<Order> {
  return request({ method: 'POST', path: `/orders/${id}/pay/confirm`, schema: Order });
}

/** Dev only: the mock WeChat pays the order and notifies the BFF (toasts on failure). */
export function mockPay(id: number): Promise<MockPayResponse> {
  return request({ method: 'POST', path: `/dev/mock-pay/${id}`, schema: MockPayResponse });
}

/** Moves a delivery order to another slot of its zone; errors are left to the caller. */
export function rescheduleOrder(id: number, slotId: number): Promise<Order> {
  return request({
    method: 'PATCH',
    path: `/orders/${id}/slot`,
    data: { slotId },
    schema: Order,
    silent: true,
  });
}

/** Cancels an order (a paid one is refunded); toasts on failure. */
export function cancelOrder(id: number, reason?: string): Promise<Order> {
  return request({
    method: 'POST',
    path: `/orders/${id}/cancel`,
    data: reason ? { reason } : {},
    schema: Order,
  });
}
