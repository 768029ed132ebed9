import Router from '@koa/router';
import type { Middleware } from 'koa';
import { AdminLoginBody, LoginLogQuery, TotpVerifyBody, type Role } from '@omni/shared-types';
import { principalOf, requireRole } from '../../http/auth';
import type { AppState } from '../../http/context';
import { ForbiddenError } from '../../http/errors';
import { parse, singleQuery } from '../../http/validate';
import type { BackofficeAuthService } from './backoffice-auth.service';

/** A back-office account (username login) with one of `roles`; WeChat identities get 403. */
function requireBackoffice(...roles: Role[]): Middleware<AppState> {
  const role = requireRole(...roles);
  return (ctx, next) =>
    role(ctx, async () => {
      if (principalOf(ctx.state).kind !== 'backoffice') throw new ForbiddenError('仅限后台账号');
      await next();
    });
}

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
  r.post('/auth/totp/enroll', requireBackoffice('admin', 'store_manager'), async (ctx) => {
    ctx.body = await auth.enrollTotp(principalOf(ctx.state));
  });
  r.post('/auth/totp/verify', requireBackoffice('admin', 'store_manager'), async (ctx) => {
    const { code } = parse(TotpVerifyBody, ctx.request.body, '动态验证码');
    ctx.body = await auth.verifyTotpCode(principalOf(ctx.state), code);
  });
  r.get('/auth/logins', requireRole('admin'), async (ctx) => {
    ctx.body = await auth.logins(parse(LoginLogQuery, singleQuery(ctx.query), '查询参数'));
  });
  r.get('/me', requireBackoffice('admin', 'store_manager'), async (ctx) => {
    ctx.body = await auth.me(principalOf(ctx.state));
  });
  return r;
}
