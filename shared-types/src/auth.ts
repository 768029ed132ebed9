import { z } from 'zod';

/** Who a token speaks for. */
export const Role = z.enum(['consumer', 'courier', 'staff', 'store_manager', 'admin']);
export type Role = z.infer<typeof Role>;

/** `POST /auth/wechat`: the code from `wx.login`. */
export const WechatLoginBody = z.strictObject({
  code: z.string().trim().min(1).max(128),
  nickname: z.string().trim().min(1).max(32).optional(),
});
export type WechatLoginBody = z.infer<typeof WechatLoginBody>;

/** `POST /auth/dev`: a demo/test token; only when ALLOW_DEV_LOGIN=1. */
export const DevLoginBody = z.strictObject({
  role: Role,
  storeId: z.number().int().positive().optional(),
  courierId: z.number().int().positive().optional(),
  openid: z.string().trim().min(1).max(64).optional(),
  nickname: z.string().trim().min(1).max(32).optional(),
});
export type DevLoginBody = z.infer<typeof DevLoginBody>;

/** A user as the client sees it. */
export const User = z.object({
  id: z.number().int(),
  role: Role,
  nickname: z.string(),
  avatarUrl: z.string().nullable(),
  storeId: z.number().int().nullable(),
  courierId: z.number().int().nullable(),
  createdAt: z.string(),
});
export type User = z.infer<typeof User>;

/** Answer of both login endpoints. */
export const LoginResponse = z.object({
  token: z.string(),
  expiresAt: z.string(),
  user: User,
});
export type LoginResponse = z.infer<typeof LoginResponse>;
