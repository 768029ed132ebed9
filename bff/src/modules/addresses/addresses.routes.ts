import Router from '@koa/router';
import type { z } from 'zod';
import { CreateAddressBody, IdParam, UpdateAddressBody } from '@omni/shared-types';
import { principalOf } from '../../http/auth';
import type { AppState } from '../../http/context';
import type { Permission } from '../../http/permissions';
import { ValidationError } from '../../http/errors';
import { parse, toFieldIssues } from '../../http/validate';
import type { AddressesService } from './addresses.service';

/** Parses an address body or throws 400 ADDRESS_INVALID whose message is the first field's (Chinese) problem. */
function parseAddress<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input ?? {});
  if (result.success) return result.data;
  const fields = toFieldIssues(result.error).map((f) =>
    f.code === 'unrecognized_keys'
      ? { ...f, message: `不支持的字段：${f.message.replace(/^.*?:\s*/, '')}` }
      : f,
  );
  const first = fields[0];
  const message = /[\u4e00-\u9fff]/.test(first.message) ? first.message : `收货地址无效：${first.path}`;
  throw new ValidationError(message, fields, 'ADDRESS_INVALID');
}

/** Who may call each route of `addressesRoutes` (see permission-table.ts). */
export const addressesPermissions: Permission[] = [
  { method: 'GET', path: '/me/addresses', roles: ['consumer'] },
  { method: 'POST', path: '/me/addresses', roles: ['consumer'] },
  { method: 'GET', path: '/me/addresses/:id', roles: ['consumer'] },
  { method: 'PATCH', path: '/me/addresses/:id', roles: ['consumer'] },
  { method: 'DELETE', path: '/me/addresses/:id', roles: ['consumer'] },
];

/** `GET/POST /me/addresses`, `GET/PATCH/DELETE /me/addresses/:id` — the caller's own address book. */
export function addressesRoutes(addresses: AddressesService): Router<AppState> {
  const r = new Router<AppState>();
  r.get('/me/addresses', async (ctx) => {
    ctx.body = await addresses.list(principalOf(ctx.state).userId);
  });
  r.post('/me/addresses', async (ctx) => {
    const body = parseAddress(CreateAddressBody, ctx.request.body);
    ctx.status = 201;
    ctx.body = await addresses.create(principalOf(ctx.state).userId, body);
  });
  r.get('/me/addresses/:id', async (ctx) => {
    const id = parse(IdParam, ctx.params.id, '地址编号');
    ctx.body = await addresses.get(principalOf(ctx.state).userId, id);
  });
  r.patch('/me/addresses/:id', async (ctx) => {
    const id = parse(IdParam, ctx.params.id, '地址编号');
    const body = parseAddress(UpdateAddressBody, ctx.request.body);
    ctx.body = await addresses.update(principalOf(ctx.state).userId, id, body);
  });
  r.delete('/me/addresses/:id', async (ctx) => {
    await addresses.remove(principalOf(ctx.state).userId, parse(IdParam, ctx.params.id, '地址编号'));
    ctx.status = 204;
  });
  return r;
}
