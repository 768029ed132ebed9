import type { Permission } from './http/permissions';
import { backofficePermissions } from './modules/backoffice/backoffice.routes';
import { opsAdminPermissions } from './modules/ops/ops-admin.routes';
import { auditPermissions } from './modules/audit/audit.routes';
import { knowledgeAdminPermissions } from './modules/knowledge-admin/knowledge-admin.routes';
import { adminAccountsPermissions } from './modules/backoffice/admin-accounts.routes';
import { catalogAdminPermissions } from './modules/catalog-admin/catalog-admin.routes';
import { membersAdminPermissions } from './modules/members/members.routes';
import { opsDataPermissions } from './modules/ops-data/ops-data.routes';

/**
 * Who may call every back-office route, method by method: one table, enforced by `authorize`
 * (mounted once in app.ts). Each module declares its rows next to its routes; a route under
 * `/admin/` without a row is unreachable, and permissions.test.ts checks every mounted route has one.
 */
export const PERMISSIONS: readonly Permission[] = [
  ...backofficePermissions,
  ...opsAdminPermissions,
  ...auditPermissions,
  ...knowledgeAdminPermissions,
  ...adminAccountsPermissions,
  ...catalogAdminPermissions,
  ...membersAdminPermissions,
  ...opsDataPermissions,
];
