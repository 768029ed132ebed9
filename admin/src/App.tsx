import { lazy, Suspense, type ComponentType } from 'react';
import { Spin } from 'antd';
import { Navigate, Route, Routes, useLocation } from 'react-router-dom';
import { useAuth } from './auth/AuthContext';
import { LoginPage } from './auth/LoginPage';
import { AppLayout } from './layout/AppLayout';
import { SECTIONS, type Section } from './layout/nav';
import { Forbidden } from './components/PageState';

/** Each section's page, loaded when first opened (its code is its own chunk). */
const PAGES: Record<string, ComponentType> = {
  '/dashboard': lazy(() => import('./pages/dashboard')),
  '/products': lazy(() => import('./pages/products')),
  '/stock': lazy(() => import('./pages/stock')),
  '/stores': lazy(() => import('./pages/stores')),
  '/delivery': lazy(() => import('./pages/delivery')),
  '/people': lazy(() => import('./pages/people')),
  '/knowledge': lazy(() => import('./pages/knowledge')),
  '/orders': lazy(() => import('./pages/orders')),
  '/aftersales': lazy(() => import('./pages/aftersales')),
  '/dispatch': lazy(() => import('./pages/dispatch')),
  '/notifications': lazy(() => import('./pages/notifications')),
  '/audit': lazy(() => import('./pages/audit')),
};

function Guarded({ section }: { section: Section }) {
  const { user } = useAuth();
  const Page = PAGES[section.path];
  if (!user || !section.roles.includes(user.role)) return <Forbidden />;
  return (
    <Suspense fallback={<Spin size="large" style={{ display: 'block', margin: 64 }} />}>
      <Page />
    </Suspense>
  );
}

function RequireAuth() {
  const { user } = useAuth();
  const loc = useLocation();
  if (!user) {
    const from = `${loc.pathname}${loc.search}`;
    return (
      <Navigate to={`/login${from && from !== '/' ? `?from=${encodeURIComponent(from)}` : ''}`} replace />
    );
  }
  return <AppLayout />;
}

export function App() {
  const { user } = useAuth();
  const home = user?.role === 'admin' || user?.role === 'store_manager' ? '/dashboard' : '/login';
  return (
    <Routes>
      <Route path="/login" element={<LoginPage />} />
      <Route element={<RequireAuth />}>
        <Route index element={<Navigate to={home} replace />} />
        {SECTIONS.map((s) => (
          <Route key={s.path} path={`${s.path}/*`} element={<Guarded section={s} />} />
        ))}
        <Route path="*" element={<Navigate to={home} replace />} />
      </Route>
    </Routes>
  );
}
