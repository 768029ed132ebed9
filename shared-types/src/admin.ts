import { z } from 'zod';

/** Every admin write names the version it read; a stale one answers 409 VERSION_CONFLICT with the current record. */
export const VersionField = z.number().int().min(1);

/** `GET /admin/audit`: filters; times are ISO instants. */
export const AuditQuery = z.object({
  entity: z.string().trim().min(1).max(32).optional(),
  entityId: z.string().trim().min(1).max(64).optional(),
  actor: z.coerce.number().int().positive().optional(),
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export type AuditQuery = z.infer<typeof AuditQuery>;

/** One admin-side write: who, when, what changed (only the changed fields, never a secret). */
export const AuditItem = z.object({
  id: z.number().int(),
  at: z.string(),
  actorId: z.number().int(),
  /** 'backoffice' (admin_users id) or 'wechat' (users id). */
  actorKind: z.enum(['backoffice', 'wechat']),
  role: z.string(),
  action: z.string(),
  entity: z.string(),
  entityId: z.string(),
  before: z.record(z.string(), z.unknown()).nullable(),
  after: z.record(z.string(), z.unknown()).nullable(),
  requestId: z.string().nullable(),
});
export type AuditItem = z.infer<typeof AuditItem>;

export const AuditListResponse = z.object({
  items: z.array(AuditItem),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export type AuditListResponse = z.infer<typeof AuditListResponse>;

/** A paged admin list, the shape every `/admin/*` list answers with. */
export interface AdminPage<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

/** `?page=&pageSize=` of every admin list. */
export const AdminPageQuery = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});
export type AdminPageQuery = z.infer<typeof AdminPageQuery>;
