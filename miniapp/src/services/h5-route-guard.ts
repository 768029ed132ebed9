// H5 only: Taro's browser router treats an edited address (a hash change to a page already on the
// stack, e.g. 订单详情 of another order while 订单详情 → 在线客服 is open) as "back" to the stacked
// page, unloads the top one and can end with no visible page. After each hash change this guard
// checks that the page shown is the one the address names, and reloads the app at that address
// (Taro.reLaunch) when it is not.
import Taro from '@tarojs/taro';

/** The page path and query an H5 hash names: `#/pages/x/index?id=5` → `{ path, query }`. */
export function routeOfHash(hash: string): { path: string; query: Record<string, string> } | null {
  const raw = hash.replace(/^#/, '');
  if (!raw.startsWith('/')) return null;
  const [path, search = ''] = raw.split('?');
  const query = Object.fromEntries(new URLSearchParams(search));
  return { path, query };
}

/** Whether Taro's current page is the route: same path, and every query value the address gives. */
export function showsRoute(
  current: { path?: string; params?: Record<string, string | undefined> } | null | undefined,
  route: { path: string; query: Record<string, string> },
): boolean {
  if (!current?.path) return false;
  const path = current.path.split('?')[0];
  if (path !== route.path) return false;
  return Object.entries(route.query).every(([k, v]) => String(current.params?.[k] ?? '') === v);
}

/** Installs the guard on `win` (once). `settleMs`: how long Taro gets to finish a page change. */
export function installRouteGuard(win: Window = window, settleMs = 600): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let lastFix = '';
  const check = () => {
    const route = routeOfHash(win.location.hash);
    if (!route) return;
    const visible = [...win.document.querySelectorAll<HTMLElement>('.taro_page')].some(
      (el) => win.getComputedStyle(el).display !== 'none',
    );
    const current = Taro.getCurrentInstance().router;
    const url = win.location.hash.replace(/^#/, '');
    if (visible && showsRoute(current, route)) {
      lastFix = '';
      return;
    }
    if (lastFix === url) return; // one try per address: never a reload loop
    lastFix = url;
    void Taro.reLaunch({ url });
  };
  const onHashChange = () => {
    clearTimeout(timer);
    timer = setTimeout(check, settleMs);
  };
  win.addEventListener('hashchange', onHashChange);
  return () => {
    clearTimeout(timer);
    win.removeEventListener('hashchange', onHashChange);
  };
}
