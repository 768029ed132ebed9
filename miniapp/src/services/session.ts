import Taro from '@tarojs/taro';
import { LoginResponse } from '@omni/shared-types';

/** A signed-in user's token and profile, as answered by the login endpoints. */
export type Session = LoginResponse;

type Listener = (session: Session | null) => void;

const STORAGE_KEY = 'omni.session';
const listeners = new Set<Listener>();

function emit(session: Session | null): void {
  listeners.forEach((listener) => listener(session));
}

/** The stored session, or null when there is none, it is malformed or it has expired. */
export function getSession(): Session | null {
  let raw: unknown;
  try {
    raw = Taro.getStorageSync(STORAGE_KEY);
  } catch {
    return null;
  }
  const parsed = LoginResponse.safeParse(raw);
  if (!parsed.success) return null;
  if (Date.parse(parsed.data.expiresAt) <= Date.now()) return null;
  return parsed.data;
}

/** Stores a fresh session and tells every listener. */
export function saveSession(session: Session): void {
  Taro.setStorageSync(STORAGE_KEY, session);
  emit(session);
}

/** Forgets the session (logout, or the BFF rejected the token) and tells every listener. */
export function clearSession(): void {
  Taro.removeStorageSync(STORAGE_KEY);
  emit(null);
}

/** Calls `listener` whenever the session changes; returns the unsubscribe function. */
export function onSessionChange(listener: Listener): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}
