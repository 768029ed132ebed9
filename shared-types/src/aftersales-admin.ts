import { z } from 'zod';
import { AdminPageQuery, VersionField } from './admin';
import { QueryInt } from './common';
import { Role } from './auth';
import { AftersalesCase, CaseStatus, CaseType } from './support';

const QueryId = QueryInt.pipe(z.number().int().positive());

/**
 * `GET /admin/aftersales`: the back office's after-sales queue. `status` is one state or several,
 * comma-separated; `storeId` narrows an admin's view (a store manager always sees its own store);
 * `overdue=true` keeps the open cases past their SLA; `q` matches the case or order number;
 * `sort=sla` puts the nearest deadline first (default: newest first).
 */
export const AdminCaseListQuery = AdminPageQuery.extend({
  status: z
    .string()
    .transform((s) => s.split(','))
    .pipe(z.array(CaseStatus).min(1).max(6))
    .optional(),
  type: CaseType.optional(),
  storeId: QueryId.optional(),
  orderId: QueryId.optional(),
  /** A member id (`user_roles` id), or `none` for cases nobody has taken yet. */
  assigneeId: z.union([z.literal('none'), QueryId]).optional(),
  overdue: z.enum(['true', 'false']).optional(),
  q: z.string().trim().min(1).max(32).optional(),
  sort: z.enum(['newest', 'sla']).default('newest'),
}).strict();
export type AdminCaseListQuery = z.infer<typeof AdminCaseListQuery>;

/** Who handles a case: a member of the case's store. */
export const CaseAssignee = z.object({
  /** The `user_roles` id (what `assign` takes and `GET /admin/members` lists as `id`). */
  id: z.number().int(),
  userId: z.number().int(),
  role: Role,
  name: z.string(),
  disabled: z.boolean(),
});
export type CaseAssignee = z.infer<typeof CaseAssignee>;

/** A case as the back office sees it: the customer-visible case plus SLA countdown, assignee and version. */
export const AdminCase = AftersalesCase.extend({
  storeName: z.string(),
  /** Seconds until `slaDueAt` (negative once overdue); null once the case is resolved or rejected. */
  slaRemainingS: z.number().int().nullable(),
  assignee: CaseAssignee.nullable(),
  assignedAt: z.string().nullable(),
  updatedAt: z.string(),
  version: z.number().int(),
});
export type AdminCase = z.infer<typeof AdminCase>;

export const AdminCaseListResponse = z.object({
  items: z.array(AdminCase),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export type AdminCaseListResponse = z.infer<typeof AdminCaseListResponse>;

/** The decisions of `POST /admin/aftersales/:id/:action` (the same the store staff take). */
export const AdminCaseAction = z.enum(['approve', 'reject', 'progress', 'resolve']);
export type AdminCaseAction = z.infer<typeof AdminCaseAction>;

/** Body of a decision: a note for the customer's timeline, and the version the console read. */
export const AdminCaseActionBody = z.strictObject({
  note: z.string().trim().max(300).optional(),
  version: VersionField.optional(),
});
export type AdminCaseActionBody = z.infer<typeof AdminCaseActionBody>;

/** `POST /admin/aftersales/:id/assign`: hand the case to an enabled staff member or manager of its store. */
export const AdminCaseAssignBody = z.strictObject({
  assigneeId: z.number().int().positive(),
  version: VersionField.optional(),
});
export type AdminCaseAssignBody = z.infer<typeof AdminCaseAssignBody>;
