import { createHmac } from 'node:crypto';

/**
 * The 4-digit code a delivery order's owner tells the courier at the door: an HMAC of the order
 * id under the server secret, so it needs no storage and cannot be guessed from the order number.
 */
export function deliveryCode(secret: string, orderId: number): string {
  const mac = createHmac('sha256', secret).update(`delivery-code:${orderId}`).digest();
  return String(mac.readUInt32BE(0) % 10_000).padStart(4, '0');
}

/** Wrong codes a courier may type for one order before its code is locked. */
export const DELIVERY_CODE_MAX_ATTEMPTS = 5;
