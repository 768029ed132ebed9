import { saveStaffSession } from '../services/staff-session';

/** Signs a store-2 staff member in for a staff page's component test. */
export function signInStaff(): void {
  saveStaffSession({
    token: 'staff-token',
    expiresAt: new Date(Date.now() + 3_600_000).toISOString(),
    user: {
      id: 40,
      role: 'staff',
      nickname: '黄浦来福士店店员',
      avatarUrl: null,
      storeId: 2,
      courierId: null,
      createdAt: '2026-11-01T00:00:00.000Z',
    },
  });
}
