import * as T from '@omni/shared-types';
import type { ApiOperation } from '../../http/openapi';

/** Back-office accounts and the audit log, as documented in /api/v1/openapi.json. */
export const ADMIN_ACCOUNTS_OPERATIONS: ApiOperation[] = [
  {
    method: 'get',
    path: '/admin/users',
    summary: '后台账号列表（用户名、角色、门店、停用、动态验证码）',
    roles: ['admin'],
    query: T.AdminAccountQuery,
    response: T.AdminAccountList,
  },
  {
    method: 'post',
    path: '/admin/users',
    summary: '新建后台账号（管理员或店长）',
    roles: ['admin'],
    body: T.AdminAccountCreate,
    response: T.AdminAccount,
    errors: ['USERNAME_TAKEN', 'STORE_NOT_FOUND', 'VALIDATION_FAILED'],
  },
  {
    method: 'get',
    path: '/admin/users/{id}',
    summary: '一个后台账号',
    roles: ['admin'],
    response: T.AdminAccount,
    errors: ['ADMIN_USER_NOT_FOUND'],
  },
  {
    method: 'patch',
    path: '/admin/users/{id}',
    summary: '改角色、门店或停用/启用（带 version；该账号已有的登录凭证立即失效）',
    roles: ['admin'],
    body: T.AdminAccountPatch,
    response: T.AdminAccount,
    errors: ['VERSION_CONFLICT', 'LAST_ADMIN', 'ADMIN_USER_NOT_FOUND', 'STORE_NOT_FOUND'],
  },
  {
    method: 'post',
    path: '/admin/users/{id}/password',
    summary: '管理员重置某账号的密码（该账号已有的登录凭证立即失效）',
    roles: ['admin'],
    body: T.AdminPasswordReset,
    response: T.AdminAccount,
    errors: ['ADMIN_USER_NOT_FOUND'],
  },
  {
    method: 'post',
    path: '/admin/me/password',
    summary: '修改自己的密码；旧凭证失效，返回新凭证',
    roles: ['admin', 'store_manager'],
    body: T.OwnPasswordChange,
    response: T.AdminLoginResponse,
    errors: ['PASSWORD_WRONG'],
  },
  {
    method: 'get',
    path: '/admin/audit',
    summary: '后台操作审计日志（谁、何时、改了哪条记录的哪些字段；最新在前）',
    roles: ['admin'],
    query: T.AuditQuery,
    response: T.AuditListResponse,
  },
];
