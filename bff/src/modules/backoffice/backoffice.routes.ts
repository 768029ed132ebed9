import Router from '@koa/router';
import { AdminLoginBody, LoginLogQuery, TotpVerifyBody } from '@omni/shared-types';
import { principalOf } from '../../http/auth';
import type { AppState } from '../../http/context';
import type { Permission } from '../../http/permissions';
import { parse, singleQuery } from '../../http/validate';
import type { BackofficeAuthService } from './backoffice-auth.service';

const BACKOFFICE = ['backoffice'] as const;
const ANY_BACKOFFICE_ROLE = ['admin', 'store_manager'] as const;
export const backofficePermissions: Permission[] = [
  { method: 'POST', path: '/admin/auth/login', roles: 'public' },
  { method: 'GET', path: '/admin/auth/captcha', roles: 'public' },
  { method: 'POST', path: '/admin/auth/totp/enroll', roles: ANY_BACKOFFICE_ROLE, kinds: BACKOFFICE },
  { method: 'POST', path: '/admin/auth/totp/verify', roles: ANY_BACKOFFICE_ROLE, kinds: BACKOFFICE },
  { method: 'GET', path: '/admin/auth/logins', roles: ['admin'] },
  { method: 'GET', path: '/admin/me', roles: ANY_BACKOFFICE_ROLE, kinds: BACKOFFICE },
];

/** `/admin/auth/*` and `/admin/me`: back-office logins, captcha, TOTP, the login log. */
export function backofficeRoutes(auth: BackofficeAuthService): Router<AppState> {
  const r = new Router<AppState>({ prefix: '/admin' });
  r.post('/auth/login', async (ctx) => {
    const body = parse(AdminLoginBody, ctx.request.body, '登录参数');
    ctx.body = await auth.login(body, { ip: ctx.ip, userAgent: ctx.get('User-Agent') });
  });
  r.get('/auth/captcha', async (ctx) => {
    ctx.set('Cache-Control', 'no-store');
    ctx.body = await auth.captcha();
  });
  r.post('/auth/totp/enroll', async (ctx) => {
    ctx.body = await auth.enrollTotp(principalOf(ctx.state));
  });
  r.post('/auth/totp/verify', async (ctx) => {
    const { code } = parse(TotpVerifyBody, ctx.request.body, '动态验证码');
    ctx.body = await auth.verifyTotpCode(principalOf(ctx.state), code);
  });
  r.get('/auth/logins', async (ctx) => {
    ctx.body = await auth.logins(parse(LoginLogQuery, singleQuery(ctx.query), '查询参数'));
  });
  r.get('/me', async (ctx) => {
    ctx.body = await auth.me(principalOf(ctx.state));
  });
  return r;
}
