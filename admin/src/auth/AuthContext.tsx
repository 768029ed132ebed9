// Who is signed in, which store the console is looking at, and the re-login dialog that keeps the
// page (and any unsaved form) when a session ends mid-edit.
import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
  type ReactNode,
} from 'react';
import type { AdminLoginResponse, AdminMe, BackofficeUser } from '@omni/shared-types';
import { Modal } from 'antd';
import { api, setSessionExpiredHandler, tokenStore } from '../api/client';
import { LoginForm } from './LoginForm';

const USER_KEY = 'omni.admin.user';
const STORE_KEY = 'omni.admin.storeId';

export interface AuthState {
  user: BackofficeUser | null;
  isAdmin: boolean;
  /** The store the pages show: a store manager's own store; for an admin the picked one or null (全部门店). */
  storeId: number | null;
  setStoreId(id: number | null): void;
  signedIn(res: AdminLoginResponse): void;
  logout(): void;
  /** Reloads `GET /admin/me` (TOTP state, last login). */
  me(): Promise<AdminMe>;
}

const Ctx = createContext<AuthState | null>(null);

function readUser(): BackofficeUser | null {
  if (!tokenStore.get()) return null;
  try {
    return JSON.parse(localStorage.getItem(USER_KEY) ?? 'null') as BackofficeUser | null;
  } catch {
    return null;
  }
}

export function AuthProvider({ children }: { children: ReactNode }) {
  const [user, setUser] = useState<BackofficeUser | null>(readUser);
  const [picked, setPicked] = useState<number | null>(() => {
    const v = Number(localStorage.getItem(STORE_KEY));
    return Number.isInteger(v) && v > 0 ? v : null;
  });
  const [expired, setExpired] = useState(false);
  const waiters = useRef<(() => void)[]>([]);

  const signedIn = useCallback((res: AdminLoginResponse) => {
    tokenStore.set(res.token);
    localStorage.setItem(USER_KEY, JSON.stringify(res.user));
    setUser(res.user);
  }, []);

  const logout = useCallback(() => {
    tokenStore.clear();
    localStorage.removeItem(USER_KEY);
    setUser(null);
  }, []);

  useEffect(() => {
    setSessionExpiredHandler((resume) => {
      waiters.current.push(resume);
      setExpired(true);
    });
    return () => setSessionExpiredHandler(null);
  }, []);

  const setStoreId = useCallback((id: number | null) => {
    if (id === null) localStorage.removeItem(STORE_KEY);
    else localStorage.setItem(STORE_KEY, String(id));
    setPicked(id);
  }, []);

  const value = useMemo<AuthState>(() => {
    const isAdmin = user?.role === 'admin';
    return {
      user,
      isAdmin,
      storeId: isAdmin ? picked : (user?.storeId ?? null),
      setStoreId,
      signedIn,
      logout,
      me: () => api.get<AdminMe>('/admin/me'),
    };
  }, [user, picked, setStoreId, signedIn, logout]);

  return (
    <Ctx.Provider value={value}>
      {children}
      <Modal
        open={expired}
        title="登录已过期，请重新登录"
        footer={null}
        closable={false}
        maskClosable={false}
        destroyOnHidden
      >
        <p style={{ color: '#888' }}>重新登录后将继续刚才的操作，未保存的内容不会丢失。</p>
        <LoginForm
          initialUsername={user?.username}
          onSignedIn={(res) => {
            if (user && res.user.id !== user.id) {
              // Another account: the paused page belongs to someone else, start afresh.
              signedIn(res);
              window.location.reload();
              return;
            }
            signedIn(res);
            setExpired(false);
            const resume = waiters.current;
            waiters.current = [];
            resume.forEach((r) => r());
          }}
        />
      </Modal>
    </Ctx.Provider>
  );
}

export function useAuth(): AuthState {
  const v = useContext(Ctx);
  if (!v) throw new Error('useAuth outside AuthProvider');
  return v;
}
