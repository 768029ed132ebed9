import Router from '@koa/router';
import { DevLoginBody, WechatRoleLoginBody } from '@omni/shared-types';
import type { AppState } from '../../http/context';
import type { Permission } from '../../http/permissions';
import { parse } from '../../http/validate';
import type { AuthService } from './auth.service';

/** Who may call each route of `authRoutes` (see permission-table.ts). */
export const authPermissions: Permission[] = [
  { method: 'POST', path: '/auth/wechat', roles: 'public' },
  { method: 'POST', path: '/auth/dev', roles: 'public' },
];

/** `POST /auth/wechat`, `POST /auth/dev`. */
export function authRoutes(auth: AuthService): Router<AppState> {
  const r = new Router<AppState>();
  r.post('/auth/wechat', async (ctx) => {
    ctx.body = await auth.wechatLogin(parse(WechatRoleLoginBody, ctx.request.body, '登录参数'));
  });
  r.post('/auth/dev', async (ctx) => {
    ctx.body = await auth.devLogin(parse(DevLoginBody, ctx.request.body, '登录参数'));
  });
  return r;
}
