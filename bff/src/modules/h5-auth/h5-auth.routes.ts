import Router from '@koa/router';
import type { z } from 'zod';
import {
  SmsSendBody,
  SmsVerifyBody,
  WechatAuthorizeQuery,
  WechatWebLoginBody,
  type FieldIssue,
} from '@omni/shared-types';
import { principalOf } from '../../http/auth';
import type { AppState } from '../../http/context';
import type { Permission } from '../../http/permissions';
import { ForbiddenError, ValidationError } from '../../http/errors';
import { parse, singleQuery } from '../../http/validate';
import type { H5AuthService } from './h5-auth.service';

/** Like `parse`, but a bad `phone` is answered 400 PHONE_INVALID (the pages say exactly that). */
function parsePhoneBody<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  try {
    return parse(schema, input, '登录参数');
  } catch (err) {
    const fields = err instanceof ValidationError ? (err.details as { fields: FieldIssue[] }).fields : [];
    if (fields.some((f) => f.path === 'phone')) {
      throw new ValidationError('请输入正确的11位手机号', fields, 'PHONE_INVALID');
    }
    throw err;
  }
}

/** Who may call each route of `h5AuthRoutes` (see permission-table.ts). */
export const h5AuthPermissions: Permission[] = [
  { method: 'GET', path: '/auth/options', roles: 'public' },
  { method: 'GET', path: '/auth/h5/wechat/authorize-url', roles: 'public' },
  { method: 'POST', path: '/auth/h5/wechat', roles: 'public' },
  { method: 'POST', path: '/auth/sms/send', roles: 'public' },
  { method: 'POST', path: '/auth/sms/verify', roles: 'public' },
  { method: 'POST', path: '/me/phone', roles: [] },
];

/** H5 logins: `/auth/options`, `/auth/h5/wechat*`, `/auth/sms/*`, and `POST /me/phone`. */
export function h5AuthRoutes(h5: H5AuthService): Router<AppState> {
  const r = new Router<AppState>();
  r.get('/auth/options', (ctx) => {
    ctx.body = h5.options();
  });
  r.get('/auth/h5/wechat/authorize-url', (ctx) => {
    const q = parse(WechatAuthorizeQuery, singleQuery(ctx.query), '查询参数');
    ctx.body = h5.authorizeUrl(q.redirect);
  });
  r.post('/auth/h5/wechat', async (ctx) => {
    ctx.body = await h5.wechatLogin(parse(WechatWebLoginBody, ctx.request.body, '登录参数'));
  });
  r.post('/auth/sms/send', async (ctx) => {
    ctx.body = await h5.smsSend(parsePhoneBody(SmsSendBody, ctx.request.body).phone, ctx.ip);
  });
  r.post('/auth/sms/verify', async (ctx) => {
    ctx.body = await h5.smsLogin(parsePhoneBody(SmsVerifyBody, ctx.request.body));
  });
  r.post('/me/phone', async (ctx) => {
    const p = principalOf(ctx.state);
    if (p.kind === 'backoffice') throw new ForbiddenError('后台账号不能绑定手机号');
    ctx.body = await h5.attachPhone(p.userId, parsePhoneBody(SmsVerifyBody, ctx.request.body));
  });
  return r;
}
