import { useEffect, useState } from 'react';
import { getStaffSession, onStaffSessionChange, type StaffSession } from '../services/staff-session';

/** The staff session (null when signed out), re-rendering on sign-in and sign-out. */
export function useStaffSession(): StaffSession | null {
  const [session, setSession] = useState<StaffSession | null>(getStaffSession);
  useEffect(() => onStaffSessionChange(setSession), []);
  return session;
}
