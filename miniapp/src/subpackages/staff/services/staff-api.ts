import { z } from 'zod';
import { LbsEvent, LoginResponse, Order, OrderListResponse, type OrderStatus } from '@omni/shared-types';
import { ApiError, request, type RequestOptions } from '../../../services/request';
import { clearStaffSession, getStaffSession } from './staff-session';

const EventList = z.object({ items: z.array(LbsEvent) });

/** Inbox tabs as the BFF filters them. */
export type EventStatusFilter = 'open' | 'claimed' | 'resolved' | 'escalated' | 'active';

/** A staff call: the staff token instead of the shopper's; a rejected token signs staff out. */
async function staffRequest<T>(options: RequestOptions<T>): Promise<T> {
  const session = getStaffSession();
  if (!session) throw new ApiError('UNAUTHENTICATED', '请先登录门店后台', 401);
  try {
    return await request({
      ...options,
      silent: true,
      headers: { ...options.headers, Authorization: `Bearer ${session.token}` },
    });
  } catch (err) {
    if (err instanceof ApiError && (err.code === 'TOKEN_INVALID' || err.code === 'TOKEN_EXPIRED'))
      clearStaffSession();
    throw err;
  }
}

/** Dev sign-in as staff of a store (only where the BFF allows dev login). */
export function staffDevLogin(storeId: number): Promise<LoginResponse> {
  return request({
    method: 'POST',
    path: '/auth/dev',
    data: { role: 'staff', storeId },
    schema: LoginResponse,
    silent: true,
  });
}

/** The store's events, newest first. */
export async function listEvents(status: EventStatusFilter | undefined): Promise<LbsEvent[]> {
  const body = await staffRequest({ path: '/staff/events', query: { status }, schema: EventList });
  return body.items;
}

/** Claims an event; fails with ALREADY_CLAIMED (409) when a colleague was first. */
export function claimEvent(id: number): Promise<LbsEvent> {
  return staffRequest({ method: 'POST', path: `/staff/events/${id}/claim`, schema: LbsEvent });
}

/** Closes an event with what was done. */
export function resolveEvent(id: number, note: string): Promise<LbsEvent> {
  return staffRequest({
    method: 'POST',
    path: `/staff/events/${id}/resolve`,
    data: { note: note.trim() },
    schema: LbsEvent,
  });
}

/** The store's orders in one status, newest first (one page of 50). */
export function listStoreOrders(status: OrderStatus): Promise<OrderListResponse> {
  return staffRequest({
    path: '/orders',
    query: { status, page: 1, pageSize: 50 },
    schema: OrderListResponse,
  });
}

/** 备货完成: a paid pickup order becomes ready for pickup. */
export function markReady(orderId: number): Promise<Order> {
  return staffRequest({ method: 'POST', path: `/staff/orders/${orderId}/ready`, schema: Order });
}

/** 已取货: the customer collected a ready order. */
export function markPickedUp(orderId: number): Promise<Order> {
  return staffRequest({ method: 'POST', path: `/staff/orders/${orderId}/picked-up`, schema: Order });
}
