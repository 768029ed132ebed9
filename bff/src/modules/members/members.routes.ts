import Router from '@koa/router';
import {
  AcceptInviteBody,
  AdminActionBody,
  CreateInviteBody,
  IdParam,
  InviteListQuery,
  MemberListQuery,
} from '@omni/shared-types';
import { principalOf } from '../../http/auth';
import type { AppState } from '../../http/context';
import type { Permission } from '../../http/permissions';
import { parse, singleQuery } from '../../http/validate';
import { auditActor } from '../audit/audit.service';
import type { InvitesService } from './invites.service';
import type { MembersService } from './members.service';

const MANAGERS = ['admin', 'store_manager'] as const;

/** Invites and members: admins brand-wide, store managers their own store (checked in the services). */
export const membersAdminPermissions: Permission[] = [
  { method: 'POST', path: '/auth/invite/accept', roles: 'public' },
  { method: 'POST', path: '/admin/invites', roles: MANAGERS },
  { method: 'GET', path: '/admin/invites', roles: MANAGERS },
  { method: 'POST', path: '/admin/invites/:id/revoke', roles: MANAGERS },
  { method: 'GET', path: '/admin/members', roles: MANAGERS },
  { method: 'POST', path: '/admin/members/:id/disable', roles: MANAGERS },
  { method: 'POST', path: '/admin/members/:id/enable', roles: MANAGERS },
];

/** `/admin/invites*`, `/admin/members*` and the public `POST /auth/invite/accept`. */
export function membersRoutes(invites: InvitesService, members: MembersService): Router<AppState> {
  const r = new Router<AppState>();
  r.post('/auth/invite/accept', async (ctx) => {
    const body = parse(AcceptInviteBody, ctx.request.body, '绑定参数');
    ctx.body = await invites.accept(body, ctx.state.requestId);
  });
  r.post('/admin/invites', async (ctx) => {
    const body = parse(CreateInviteBody, ctx.request.body, '邀请参数');
    ctx.status = 201;
    ctx.body = await invites.create(auditActor(ctx.state), body);
  });
  r.get('/admin/invites', async (ctx) => {
    ctx.body = await invites.list(
      principalOf(ctx.state),
      parse(InviteListQuery, singleQuery(ctx.query), '查询参数'),
    );
  });
  r.post('/admin/invites/:id/revoke', async (ctx) => {
    const id = parse(IdParam, ctx.params.id, '邀请编号');
    const { version } = parse(AdminActionBody, ctx.request.body ?? {}, '撤销参数');
    ctx.body = await invites.revoke(auditActor(ctx.state), id, version);
  });
  r.get('/admin/members', async (ctx) => {
    ctx.body = await members.list(
      principalOf(ctx.state),
      parse(MemberListQuery, singleQuery(ctx.query), '查询参数'),
    );
  });
  for (const action of ['disable', 'enable'] as const) {
    r.post(`/admin/members/:id/${action}`, async (ctx) => {
      const id = parse(IdParam, ctx.params.id, '成员编号');
      const { version } = parse(AdminActionBody, ctx.request.body ?? {}, '参数');
      ctx.body = await members.setDisabled(auditActor(ctx.state), id, action === 'disable', version);
    });
  }
  return r;
}
