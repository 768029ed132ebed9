import Taro from '@tarojs/taro';
import { z } from 'zod';

/** One cart line as kept on the device; the price is a display hint, the BFF prices the order. */
export const CartLine = z.object({
  productId: z.number().int().positive(),
  name: z.string(),
  image: z.string(),
  priceFen: z.number().int().min(0),
  quantity: z.number().int().min(1),
  maxPerOrder: z.number().int().min(1),
});
export type CartLine = z.infer<typeof CartLine>;

type Listener = (lines: CartLine[]) => void;

const STORAGE_KEY = 'omni.cart';
const listeners = new Set<Listener>();

function clamp(quantity: number, maxPerOrder: number): number {
  return Math.max(1, Math.min(Math.floor(quantity), maxPerOrder));
}

function save(lines: CartLine[]): CartLine[] {
  Taro.setStorageSync(STORAGE_KEY, lines);
  listeners.forEach((listener) => listener(lines));
  return lines;
}

/** The stored cart; malformed lines (an older app version, a hand-edited store) are dropped. */
export function getCart(): CartLine[] {
  let raw: unknown;
  try {
    raw = Taro.getStorageSync(STORAGE_KEY);
  } catch {
    return [];
  }
  if (!Array.isArray(raw)) return [];
  return raw.flatMap((item) => {
    const parsed = CartLine.safeParse(item);
    return parsed.success ? [parsed.data] : [];
  });
}

/**
 * Adds a product: a product already in the cart gets the quantities summed, and every line is
 * kept within its per-order limit. Returns the quantity the line ended with.
 */
export function addToCart(line: CartLine): number {
  const lines = getCart();
  const existing = lines.find((l) => l.productId === line.productId);
  const quantity = clamp((existing?.quantity ?? 0) + line.quantity, line.maxPerOrder);
  const next: CartLine = { ...line, quantity };
  save(existing ? lines.map((l) => (l.productId === line.productId ? next : l)) : [...lines, next]);
  return quantity;
}

/** Sets a line's quantity (clamped to 1…maxPerOrder). */
export function setQuantity(productId: number, quantity: number): void {
  save(
    getCart().map((l) =>
      l.productId === productId ? { ...l, quantity: clamp(quantity, l.maxPerOrder) } : l,
    ),
  );
}

/** Removes the lines of these products (deleted by the user, or just ordered). */
export function removeFromCart(productIds: number[]): void {
  const gone = new Set(productIds);
  save(getCart().filter((l) => !gone.has(l.productId)));
}

/** Number of items in the cart (sum of quantities). */
export function cartCount(lines: CartLine[]): number {
  return lines.reduce((n, l) => n + l.quantity, 0);
}

/** Sum of the displayed prices of the lines, in fen. */
export function linesTotalFen(lines: Array<Pick<CartLine, 'priceFen' | 'quantity'>>): number {
  return lines.reduce((n, l) => n + l.priceFen * l.quantity, 0);
}

/** Calls `listener` whenever the cart changes; returns the unsubscribe function. */
export function onCartChange(listener: Listener): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

const CHECKOUT_KEY = 'omni.checkout';

/** What the checkout page is about to order, and whether it came from the cart (then cleared after ordering). */
export const CheckoutDraft = z.object({
  source: z.enum(['cart', 'buy-now']),
  lines: z.array(CartLine).min(1),
});
export type CheckoutDraft = z.infer<typeof CheckoutDraft>;

/** Hands lines over to the checkout page (survives a reload of the H5 page). */
export function saveCheckoutDraft(draft: CheckoutDraft): void {
  Taro.setStorageSync(CHECKOUT_KEY, draft);
}

/** The lines the checkout page should order, or null when there are none. */
export function getCheckoutDraft(): CheckoutDraft | null {
  let raw: unknown;
  try {
    raw = Taro.getStorageSync(CHECKOUT_KEY);
  } catch {
    return null;
  }
  const parsed = CheckoutDraft.safeParse(raw);
  return parsed.success ? parsed.data : null;
}

/** Forgets the checkout draft once its order exists. */
export function clearCheckoutDraft(): void {
  Taro.removeStorageSync(CHECKOUT_KEY);
}
