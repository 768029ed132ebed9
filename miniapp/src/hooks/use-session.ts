import { useEffect, useState } from 'react';
import { getSession, onSessionChange, type Session } from '../services/session';

/** The current session (null when signed out), re-rendering on login, logout and token rejection. */
export function useSession(): Session | null {
  const [session, setSession] = useState<Session | null>(getSession);
  useEffect(() => onSessionChange(setSession), []);
  return session;
}
