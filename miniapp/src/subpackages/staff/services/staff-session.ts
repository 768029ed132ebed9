import Taro from '@tarojs/taro';
import { LoginResponse } from '@omni/shared-types';

/** A store-staff session, kept apart from the shopper's so one device can be both. */
export type StaffSession = LoginResponse;

type Listener = (session: StaffSession | null) => void;

const STORAGE_KEY = 'omni.staff-session';
const listeners = new Set<Listener>();

/** The stored staff session; null when absent, malformed, expired or not a staff token. */
export function getStaffSession(): StaffSession | null {
  let raw: unknown;
  try {
    raw = Taro.getStorageSync(STORAGE_KEY);
  } catch {
    return null;
  }
  const parsed = LoginResponse.safeParse(raw);
  // A store manager bound through WeChat works the store's workbench as its staff do.
  const role = parsed.success ? parsed.data.user.role : null;
  if (!parsed.success || (role !== 'staff' && role !== 'store_manager') || parsed.data.user.storeId === null)
    return null;
  if (Date.parse(parsed.data.expiresAt) <= Date.now()) return null;
  return parsed.data;
}

/** Stores a staff session and tells every listener. */
export function saveStaffSession(session: StaffSession): void {
  Taro.setStorageSync(STORAGE_KEY, session);
  listeners.forEach((l) => l(session));
}

/** Forgets the staff session (sign-out, or the BFF rejected the token). */
export function clearStaffSession(): void {
  Taro.removeStorageSync(STORAGE_KEY);
  listeners.forEach((l) => l(null));
}

/** Calls `listener` on every staff sign-in and sign-out; returns the unsubscribe function. */
export function onStaffSessionChange(listener: Listener): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}
