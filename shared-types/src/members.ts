import { z } from 'zod';
import { LoginResponse, Role } from './auth';
import { AdminPageQuery, VersionField } from './admin';
import type { ErrorCode } from './errors';

/** Roles an invite can bind to a WeChat identity. */
export const InviteRole = z.enum(['courier', 'staff', 'store_manager']);
export type InviteRole = z.infer<typeof InviteRole>;

/** Letters of an invite code: no 0/O, 1/I/L, so it survives being read out or typed by hand. */
export const INVITE_CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
/** Characters of an invite code. */
export const INVITE_CODE_LENGTH = 8;
/** How long an invite is valid by default, hours. */
export const INVITE_DEFAULT_TTL_H = 72;

/** An invite code as typed: case and spaces/dashes do not matter. */
export const InviteCode = z
  .string()
  .trim()
  .transform((s) => s.replace(/[\s-]/g, '').toUpperCase())
  .pipe(
    z
      .string()
      .length(INVITE_CODE_LENGTH, `must be ${INVITE_CODE_LENGTH} characters`)
      .regex(new RegExp(`^[${INVITE_CODE_ALPHABET}]+$`), 'contains characters an invite code never has'),
  );

/**
 * `POST /admin/invites`: storeId is required for staff and store managers; a courier invite
 * without one is for the first active store (admins only; a store manager's is always its own).
 * `courierId` binds an existing courier record instead of creating one on accept.
 */
export const CreateInviteBody = z.strictObject({
  role: InviteRole,
  storeId: z.number().int().positive().optional(),
  name: z.string().trim().min(1).max(32),
  courierId: z.number().int().positive().optional(),
  /** Validity, hours (default 72, at most 30 days). */
  ttlH: z.number().int().min(1).max(720).optional(),
});
export type CreateInviteBody = z.infer<typeof CreateInviteBody>;

/** Answer of `POST /admin/invites`: the code is shown once (only its hash is stored). */
export const CreateInviteResponse = z.object({
  id: z.number().int(),
  code: z.string(),
  expiresAt: z.string(),
  /** The mini-program path of the bind page with the code (for a QR code); `scene` of an unlimited QR code is `code=XXXX`. */
  scene: z.string(),
  role: InviteRole,
  storeId: z.number().int(),
  name: z.string(),
});
export type CreateInviteResponse = z.infer<typeof CreateInviteResponse>;

/** Where an invite stands; `expired` is a pending invite past its time. */
export const InviteStatus = z.enum(['pending', 'spent', 'revoked', 'expired']);
export type InviteStatus = z.infer<typeof InviteStatus>;

/** One invite as the back office lists it (never the code). */
export const InviteItem = z.object({
  id: z.number().int(),
  role: InviteRole,
  storeId: z.number().int(),
  storeName: z.string().nullable(),
  courierId: z.number().int().nullable(),
  name: z.string(),
  status: InviteStatus,
  expiresAt: z.string(),
  createdAt: z.string(),
  spentAt: z.string().nullable(),
  /** The member the invite became (a `user_roles` id), once spent. */
  memberId: z.number().int().nullable(),
  version: z.number().int(),
});
export type InviteItem = z.infer<typeof InviteItem>;

/** `GET /admin/invites`. */
export const InviteListQuery = AdminPageQuery.extend({
  status: InviteStatus.optional(),
  storeId: z.coerce.number().int().positive().optional(),
});
export type InviteListQuery = z.infer<typeof InviteListQuery>;

export const InviteListResponse = z.object({
  items: z.array(InviteItem),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export type InviteListResponse = z.infer<typeof InviteListResponse>;

/** `POST /admin/invites/:id/revoke` and `/admin/members/:id/disable|enable`: the version read, if any. */
export const AdminActionBody = z.strictObject({ version: VersionField.optional() });
export type AdminActionBody = z.infer<typeof AdminActionBody>;

/** `POST /auth/invite/accept`: the invite code and a fresh `wx.login` code. */
export const AcceptInviteBody = z.strictObject({
  code: InviteCode,
  wxCode: z.string().trim().min(1).max(128),
});
export type AcceptInviteBody = z.infer<typeof AcceptInviteBody>;

/** One role a WeChat identity holds (consumer is implicit and always allowed). */
export const BoundRole = z.object({
  /** The `user_roles` id. */
  id: z.number().int(),
  role: Role,
  storeId: z.number().int().nullable(),
  storeName: z.string().nullable(),
  courierId: z.number().int().nullable(),
  displayName: z.string(),
  disabled: z.boolean(),
});
export type BoundRole = z.infer<typeof BoundRole>;

/** `POST /auth/wechat`: `role` picks one of the identity's bound roles (default consumer). */
export const WechatRoleLoginBody = z.strictObject({
  code: z.string().trim().min(1).max(128),
  nickname: z.string().trim().min(1).max(32).optional(),
  role: Role.optional(),
});
export type WechatRoleLoginBody = z.infer<typeof WechatRoleLoginBody>;

/** Answer of `POST /auth/wechat` and `POST /auth/invite/accept`: the token and every role the identity may switch to. */
export const RoleLoginResponse = LoginResponse.extend({ roles: z.array(BoundRole) });
export type RoleLoginResponse = z.infer<typeof RoleLoginResponse>;

/** One member (a bound role of a WeChat identity) as the back office lists it. */
export const MemberItem = z.object({
  /** The `user_roles` id: what disable/enable take. */
  id: z.number().int(),
  userId: z.number().int(),
  role: Role,
  storeId: z.number().int().nullable(),
  storeName: z.string().nullable(),
  courierId: z.number().int().nullable(),
  name: z.string(),
  displayName: z.string(),
  disabled: z.boolean(),
  createdAt: z.string(),
  version: z.number().int(),
});
export type MemberItem = z.infer<typeof MemberItem>;

/** `GET /admin/members`: `q` matches the member's name. */
export const MemberListQuery = AdminPageQuery.extend({
  q: z.string().trim().min(1).max(32).optional(),
  role: Role.exclude(['consumer']).optional(),
  storeId: z.coerce.number().int().positive().optional(),
  disabled: z.enum(['true', 'false']).optional(),
});
export type MemberListQuery = z.infer<typeof MemberListQuery>;

export const MemberListResponse = z.object({
  items: z.array(MemberItem),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export type MemberListResponse = z.infer<typeof MemberListResponse>;

/** What the mini-program shows for each invite and role error. */
export const MEMBER_MESSAGES = {
  INVITE_NOT_FOUND: '邀请码无效，请核对后重试',
  INVITE_EXPIRED: '邀请码已过期，请联系店长重新邀请',
  INVITE_SPENT: '邀请码已被使用',
  INVITE_REVOKED: '邀请码已撤销，请联系店长',
  ROLE_NOT_BOUND: '该微信账号未绑定此身份',
  MEMBER_DISABLED: '该身份已停用，请联系店长',
  MEMBER_NOT_FOUND: '成员不存在',
} as const satisfies Partial<Record<ErrorCode, string>>;
