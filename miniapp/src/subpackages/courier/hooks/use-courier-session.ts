import { useEffect, useState } from 'react';
import { getCourierSession, onCourierSessionChange, type CourierSession } from '../../../services/courier';

/** The courier session (null when signed out), re-rendering on sign-in and sign-out. */
export function useCourierSession(): CourierSession | null {
  const [session, setSession] = useState<CourierSession | null>(getCourierSession);
  useEffect(() => onCourierSessionChange(setSession), []);
  return session;
}
