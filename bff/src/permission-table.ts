import type { Permission } from './http/permissions';
import { backofficePermissions } from './modules/backoffice/backoffice.routes';
import { opsAdminPermissions } from './modules/ops/ops-admin.routes';
import { auditPermissions } from './modules/audit/audit.routes';
import { knowledgeAdminPermissions } from './modules/knowledge-admin/knowledge-admin.routes';
import { adminAccountsPermissions } from './modules/backoffice/admin-accounts.routes';
import { catalogAdminPermissions } from './modules/catalog-admin/catalog-admin.routes';
import { membersAdminPermissions } from './modules/members/members.routes';
import { opsDataPermissions } from './modules/ops-data/ops-data.routes';
import { authPermissions } from './modules/auth/auth.routes';
import { catalogPermissions } from './modules/catalog/catalog.routes';
import { slotsPermissions } from './modules/slots/slots.routes';
import { ordersPermissions } from './modules/orders/orders.routes';
import { geoPermissions } from './modules/geo/geo.routes';
import { paymentsPermissions } from './modules/payments/payments.routes';
import { storesPermissions } from './modules/stores/stores.routes';
import { lbsPermissions } from './modules/lbs/lbs.routes';
import { routingPermissions } from './modules/routing/routing.routes';
import { dispatchPermissions } from './modules/dispatch/dispatch.routes';
import { dispatchBoardPermissions } from './modules/dispatch/dispatch-board.routes';
import { aftersalesPermissions } from './modules/aftersales/aftersales.routes';
import { aftersalesAdminPermissions } from './modules/aftersales/aftersales-admin.routes';
import { mediaPermissions } from './modules/media/media.routes';
import { supportPermissions } from './modules/support/support.routes';
import { kpisPermissions } from './modules/kpis/kpis.routes';
import { courierPositionPermissions } from './modules/dispatch/courier-position';
import { addressesPermissions } from './modules/addresses/addresses.routes';
import { h5AuthPermissions } from './modules/h5-auth/h5-auth.routes';
import { dashboardPermissions } from './modules/dashboard/dashboard.routes';
import { notificationsPermissions } from './modules/notifications/notifications.routes';

/**
 * Who may call every route under `/api/v1`, method by method: one table, enforced by `authorize`
 * (mounted once in app.ts). Each module declares its rows next to its routes; a route without a
 * row is unreachable, and permissions.test.ts checks every mounted route has one.
 */
export const PERMISSIONS: readonly Permission[] = [
  // Served by app.ts itself.
  { method: 'GET', path: '/openapi.json', roles: 'public' },
  ...authPermissions,
  ...catalogPermissions,
  ...slotsPermissions,
  ...ordersPermissions,
  ...geoPermissions,
  ...paymentsPermissions,
  ...storesPermissions,
  ...lbsPermissions,
  ...routingPermissions,
  ...dispatchPermissions,
  ...dispatchBoardPermissions,
  ...aftersalesPermissions,
  ...supportPermissions,
  ...kpisPermissions,
  ...courierPositionPermissions,
  ...addressesPermissions,
  ...h5AuthPermissions,
  ...notificationsPermissions,
  ...backofficePermissions,
  ...opsAdminPermissions,
  ...auditPermissions,
  ...knowledgeAdminPermissions,
  ...adminAccountsPermissions,
  ...catalogAdminPermissions,
  ...membersAdminPermissions,
  ...opsDataPermissions,
  ...dashboardPermissions,
  ...aftersalesAdminPermissions,
  ...mediaPermissions,
];
