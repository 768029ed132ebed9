import { z } from 'zod';
import { PageQuery, paged } from './common';
import type { ErrorCode } from './errors';

/** Roles a back-office (username + password) account can hold. */
export const BackofficeRole = z.enum(['admin', 'store_manager']);
export type BackofficeRole = z.infer<typeof BackofficeRole>;

/** Shortest password `admin:create` accepts, characters. */
export const BACKOFFICE_PASSWORD_MIN_LENGTH = 10;

/** `POST /admin/auth/login`; `captchaId` + `captcha` after three failures, `totp` once enrolled. */
export const AdminLoginBody = z.strictObject({
  username: z.string().trim().min(1).max(64),
  password: z.string().min(1).max(256),
  totp: z
    .string()
    .regex(/^\d{6}$/, 'must be 6 digits')
    .optional(),
  captchaId: z.string().min(1).max(64).optional(),
  captcha: z.string().trim().min(1).max(16).optional(),
});
export type AdminLoginBody = z.infer<typeof AdminLoginBody>;

/** A back-office account as its owner and admins see it (never the hash or the TOTP secret). */
export const BackofficeUser = z.object({
  id: z.number().int(),
  username: z.string(),
  role: BackofficeRole,
  storeId: z.number().int().optional(),
});
export type BackofficeUser = z.infer<typeof BackofficeUser>;

/** Answer of `POST /admin/auth/login`. */
export const AdminLoginResponse = z.object({
  token: z.string(),
  expiresAt: z.string(),
  user: BackofficeUser,
});
export type AdminLoginResponse = z.infer<typeof AdminLoginResponse>;

/** Answer of `GET /admin/me`. */
export const AdminMe = BackofficeUser.extend({
  totpEnabled: z.boolean(),
  lastLoginAt: z.string().nullable(),
  createdAt: z.string(),
});
export type AdminMe = z.infer<typeof AdminMe>;

/** Answer of `GET /admin/auth/captcha`: an SVG image whose text the next login must carry. */
export const CaptchaResponse = z.object({
  captchaId: z.string(),
  svg: z.string(),
  /** How long the answer is accepted, seconds. */
  expiresInS: z.number().int(),
});
export type CaptchaResponse = z.infer<typeof CaptchaResponse>;

/** Answer of `POST /admin/auth/totp/enroll`: show the QR code, then confirm with a code. */
export const TotpEnrollResponse = z.object({
  secret: z.string(),
  otpauthUrl: z.string(),
  /** `data:image/png;base64,…` of the otpauth URL. */
  qrDataUrl: z.string(),
});
export type TotpEnrollResponse = z.infer<typeof TotpEnrollResponse>;

/** `POST /admin/auth/totp/verify`: a code from the authenticator app turns TOTP on. */
export const TotpVerifyBody = z.strictObject({
  code: z.string().regex(/^\d{6}$/, 'must be 6 digits'),
});
export type TotpVerifyBody = z.infer<typeof TotpVerifyBody>;

/** Answer of `POST /admin/auth/totp/verify`. */
export const TotpVerifyResponse = z.object({ totpEnabled: z.literal(true) });
export type TotpVerifyResponse = z.infer<typeof TotpVerifyResponse>;

/** How one login attempt ended. */
export const LoginOutcome = z.enum([
  'success',
  'invalid_credentials',
  'locked',
  'captcha_required',
  'captcha_invalid',
  'totp_required',
  'totp_invalid',
  'disabled',
]);
export type LoginOutcome = z.infer<typeof LoginOutcome>;

/** One row of the back-office login log. */
export const LoginLogEntry = z.object({
  id: z.number().int(),
  username: z.string(),
  adminUserId: z.number().int().nullable(),
  outcome: LoginOutcome,
  ip: z.string(),
  userAgent: z.string(),
  at: z.string(),
});
export type LoginLogEntry = z.infer<typeof LoginLogEntry>;

/** `GET /admin/auth/logins?username=&page=`: newest first. */
export const LoginLogQuery = PageQuery.extend({
  username: z.string().trim().min(1).max(64).optional(),
});
export type LoginLogQuery = z.infer<typeof LoginLogQuery>;

/** Answer of `GET /admin/auth/logins`. */
export const LoginLogResponse = paged(LoginLogEntry);
export type LoginLogResponse = z.infer<typeof LoginLogResponse>;

/** Texts of the back-office login errors (the BFF answers with these; clients may show them). */
export const BACKOFFICE_AUTH_MESSAGES = {
  INVALID_CREDENTIALS: '用户名或密码错误',
  LOGIN_LOCKED: '登录失败次数过多，请稍后再试',
  CAPTCHA_REQUIRED: '请输入图形验证码',
  CAPTCHA_INVALID: '图形验证码错误或已过期',
  TOTP_REQUIRED: '请输入动态验证码',
  TOTP_INVALID: '动态验证码错误',
  TOTP_NOT_ENROLLED: '请先获取动态验证码密钥',
  ACCOUNT_DISABLED: '账号已停用，请联系管理员',
  TOKEN_REVOKED: '登录已失效，请重新登录',
} as const satisfies Partial<Record<ErrorCode, string>>;

/** A back-office account in the admins' list of accounts. */
export const AdminAccount = AdminMe.extend({
  disabled: z.boolean(),
  version: z.number().int(),
});
export type AdminAccount = z.infer<typeof AdminAccount>;

/** `GET /admin/users`: `q` matches the username. */
export const AdminAccountQuery = PageQuery.extend({
  q: z.string().trim().min(1).max(64).optional(),
  role: BackofficeRole.optional(),
});
export type AdminAccountQuery = z.infer<typeof AdminAccountQuery>;
export const AdminAccountList = paged(AdminAccount);
export type AdminAccountList = z.infer<typeof AdminAccountList>;

const NewPassword = z.string().min(BACKOFFICE_PASSWORD_MIN_LENGTH).max(256);

/** `POST /admin/users`: a new account (an existing username → 409 USERNAME_TAKEN). */
export const AdminAccountCreate = z.strictObject({
  username: z.string().trim().min(2).max(64),
  password: NewPassword,
  role: BackofficeRole,
  storeId: z.number().int().positive().optional(),
});
export type AdminAccountCreate = z.infer<typeof AdminAccountCreate>;

/** `PATCH /admin/users/:id`: role/store or disabled, with the version read; tokens are revoked. */
export const AdminAccountPatch = z.strictObject({
  role: BackofficeRole.optional(),
  storeId: z.number().int().positive().nullable().optional(),
  disabled: z.boolean().optional(),
  version: z.number().int().min(1),
});
export type AdminAccountPatch = z.infer<typeof AdminAccountPatch>;

/** `POST /admin/users/:id/password`: an admin sets a new password (the account's tokens die). */
export const AdminPasswordReset = z.strictObject({ password: NewPassword });
export type AdminPasswordReset = z.infer<typeof AdminPasswordReset>;

/** `POST /admin/me/password`: the signed-in account changes its own password; answers a fresh token. */
export const OwnPasswordChange = z.strictObject({
  currentPassword: z.string().min(1).max(256),
  newPassword: NewPassword,
});
export type OwnPasswordChange = z.infer<typeof OwnPasswordChange>;
