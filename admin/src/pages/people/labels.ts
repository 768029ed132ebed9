// Chinese names of member roles and invite states.
import type { InviteRole, InviteStatus, Role } from '@omni/shared-types';

export const ROLE_TEXT: Record<Role, string> = {
  consumer: '顾客',
  courier: '骑手',
  staff: '店员',
  store_manager: '店长',
  admin: '品牌管理员',
};

export const ROLE_COLOR: Partial<Record<Role, string>> = {
  courier: 'cyan',
  staff: 'blue',
  store_manager: 'gold',
  admin: 'magenta',
};

export const INVITE_ROLES: InviteRole[] = ['courier', 'staff', 'store_manager'];

export const INVITE_STATUS: Record<InviteStatus, { text: string; color: string }> = {
  pending: { text: '待使用', color: 'blue' },
  spent: { text: '已使用', color: 'green' },
  revoked: { text: '已撤销', color: 'default' },
  expired: { text: '已过期', color: 'orange' },
};

/** Roles a store manager may manage (invite, disable): staff and couriers of its own store. */
export const MANAGER_MANAGES: Role[] = ['staff', 'courier'];
