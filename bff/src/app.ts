import Koa from 'koa';
import Router from '@koa/router';
import cors from '@koa/cors';
import { bodyParser } from '@koa/bodyparser';
import type { DataSource } from 'typeorm';
import type { Config } from './config';
import type { DbKind } from './db/data-source';
import type { Logger } from './logger';
import type { AppState } from './http/context';
import { authenticate, type TokenService } from './http/auth';
import { errorHandler } from './http/error-handler';
import { requestId } from './http/request-id';
import { serveDir, serveSpa } from './http/static';
import { buildOpenApi } from './http/openapi';
import { healthRoutes } from './modules/health/health.routes';
import { authRoutes } from './modules/auth/auth.routes';
import { catalogRoutes } from './modules/catalog/catalog.routes';
import type { AuthService } from './modules/auth/auth.service';
import type { CatalogService } from './modules/catalog/catalog.service';
import type { SlotsService } from './modules/slots/slots.service';
import type { OrdersService } from './modules/orders/orders.service';
import type { OrderLifecycle } from './modules/orders/order-lifecycle';
import { slotsRoutes } from './modules/slots/slots.routes';
import { ordersRoutes } from './modules/orders/orders.routes';
import { geoRoutes } from './modules/geo/geo.routes';
import { paymentsRoutes } from './modules/payments/payments.routes';
import type { PaymentsService } from './modules/payments/payments.service';
import type { StoresService } from './modules/stores/stores.service';
import type { LbsService } from './modules/lbs/lbs.service';
import type { StaffEventsService } from './modules/lbs/staff-events.service';
import type { StaffOrdersService } from './modules/lbs/staff-orders.service';
import { storesRoutes } from './modules/stores/stores.routes';
import { lbsRoutes } from './modules/lbs/lbs.routes';
import type { GeoProvider } from './adapters/geo';
import type { RoutingService } from './modules/routing/routing.service';
import type { Nlu } from './algorithms/nlu';
import type { AftersalesService } from './modules/aftersales/aftersales.service';
import type { SupportService } from './modules/support/support.service';
import type { KpisService } from './modules/kpis/kpis.service';
import { aftersalesRoutes } from './modules/aftersales/aftersales.routes';
import type { AftersalesAdminService } from './modules/aftersales/aftersales-admin.service';
import { aftersalesAdminRoutes } from './modules/aftersales/aftersales-admin.routes';
import { PUBLIC_UPLOADS_URL, type MediaService } from './modules/media/media.service';
import { mediaRoutes } from './modules/media/media.routes';
import { supportRoutes } from './modules/support/support.routes';
import { kpisRoutes } from './modules/kpis/kpis.routes';
import { courierPositionRoutes, type CourierPositionService } from './modules/dispatch/courier-position';
import type { Clock } from './clock';
import { optimizeBodyParser, routingRoutes } from './modules/routing/routing.routes';
import type { DispatchService } from './modules/dispatch/dispatch.service';
import type { CourierService } from './modules/dispatch/courier.service';
import { dispatchRoutes } from './modules/dispatch/dispatch.routes';
import type { DispatchBoardService } from './modules/dispatch/dispatch-board.service';
import { dispatchBoardRoutes } from './modules/dispatch/dispatch-board.routes';
import type { JobsService } from './modules/jobs/jobs.service';
import type { RefundsService } from './modules/payments/refunds.service';
import type { BillsService } from './modules/payments/bills.service';
import type { AlertsService } from './modules/ops/alerts.service';
import { opsAdminRoutes } from './modules/ops/ops-admin.routes';
import type { AddressesService } from './modules/addresses/addresses.service';
import { addressesRoutes } from './modules/addresses/addresses.routes';
import type { AdminUsersService } from './modules/backoffice/admin-users.service';
import type { BackofficeAuthService } from './modules/backoffice/backoffice-auth.service';
import { backofficeRoutes } from './modules/backoffice/backoffice.routes';
import { authorize, exactPrefix } from './http/permissions';
import { PERMISSIONS } from './permission-table';
import type { AuditService } from './modules/audit/audit.service';
import { auditRoutes } from './modules/audit/audit.routes';
import type { OpsDataServices } from './modules/ops-data/ops-data.container';
import { opsDataRoutes } from './modules/ops-data/ops-data.routes';
import type { KnowledgeAdminService } from './modules/knowledge-admin/knowledge-admin.service';
import { knowledgeAdminRoutes } from './modules/knowledge-admin/knowledge-admin.routes';
import type { AdminAccountsService } from './modules/backoffice/admin-accounts.service';
import { adminAccountsRoutes } from './modules/backoffice/admin-accounts.routes';
import type { CatalogAdminService } from './modules/catalog-admin/catalog-admin.service';
import type { CatalogImportService } from './modules/catalog-admin/catalog-import.service';
import type { CatalogChanges } from './modules/catalog-admin/catalog-changes';
import { catalogAdminRoutes } from './modules/catalog-admin/catalog-admin.routes';
import { notificationsRoutes } from './modules/notifications/notifications.routes';
import type { Notifier } from './modules/notifications/notifier';
import type { NotifyTemplates } from './modules/notifications/templates';
import type { MembersService } from './modules/members/members.service';
import type { InvitesService } from './modules/members/invites.service';
import { membersRoutes } from './modules/members/members.routes';
import type { H5AuthService } from './modules/h5-auth/h5-auth.service';
import { h5AuthRoutes } from './modules/h5-auth/h5-auth.routes';
import type { DashboardServices } from './modules/dashboard/dashboard.container';
import { dashboardRoutes } from './modules/dashboard/dashboard.routes';

/** Everything the HTTP app needs, built by the container (or by a test). */
export interface AppDeps {
  config: Pick<Config, 'bodyLimitKb' | 'corsOrigins' | 'h5Dir' | 'adminDir' | 'assetsDir'>;
  log: Logger;
  db: DataSource;
  dbKind: DbKind;
  tokens: TokenService;
  redisReady: () => boolean;
  geo: GeoProvider;
  nlu: Nlu;
  clock: Clock;
  services: {
    auth: AuthService;
    catalog: CatalogService;
    slots: SlotsService;
    orders: OrdersService;
    lifecycle: OrderLifecycle;
    payments: PaymentsService;
    stores: StoresService;
    lbs: LbsService;
    staffEvents: StaffEventsService;
    staffOrders: StaffOrdersService;
    routing: RoutingService;
    dispatch: DispatchService;
    courier: CourierService;
    dispatchBoard: DispatchBoardService;
    aftersales: AftersalesService;
    aftersalesAdmin: AftersalesAdminService;
    media: MediaService;
    support: SupportService;
    kpis: KpisService;
    courierPositions: CourierPositionService;
    jobs: JobsService;
    refunds: RefundsService;
    bills: BillsService;
    alerts: AlertsService;
    addresses: AddressesService;
    adminUsers: AdminUsersService;
    backofficeAuth: BackofficeAuthService;
    audit: AuditService;
    knowledgeAdmin: KnowledgeAdminService;
    adminAccounts: AdminAccountsService;
    catalogAdmin: CatalogAdminService;
    catalogImport: CatalogImportService;
    catalogChanges: CatalogChanges;
    members: MembersService;
    invites: InvitesService;
    h5Auth: H5AuthService;
    opsData: OpsDataServices;
    dashboard: DashboardServices['dashboard'];
    kpiAnomalies: DashboardServices['kpiAnomalies'];
    notifier: Notifier;
    notifyTemplates: NotifyTemplates;
  };
}

/** Builds the Koa app (no listen): middleware, static files, `/healthz` and `/api/v1`. */
export function createApp(deps: AppDeps): Koa<AppState> {
  const app = new Koa<AppState>({ proxy: true });
  app.use(requestId());
  app.use(errorHandler(deps.log));
  app.use(async (ctx, next) => {
    const started = performance.now();
    await next();
    if (ctx.path.startsWith('/api/')) {
      deps.log.debug(
        {
          requestId: ctx.state.requestId,
          method: ctx.method,
          path: ctx.path,
          status: ctx.status,
          ms: Math.round(performance.now() - started),
        },
        'request',
      );
    }
  });
  const allowed = new Set(deps.config.corsOrigins);
  app.use(
    cors({
      origin: (ctx) => (allowed.has(ctx.get('Origin')) ? ctx.get('Origin') : ''),
      allowHeaders: ['Content-Type', 'Authorization', 'Idempotency-Key', 'X-Request-Id'],
      exposeHeaders: ['X-Request-Id', 'Retry-After'],
      maxAge: 600,
    }),
  );
  app.use(optimizeBodyParser());
  app.use(
    bodyParser({
      enableTypes: ['json'],
      jsonLimit: `${deps.config.bodyLimitKb}kb`,
      encoding: 'utf-8',
    }),
  );

  const root = new Router<AppState>();
  root.use(healthRoutes({ db: deps.db, dbKind: deps.dbKind, redisReady: deps.redisReady }).routes());
  const api = new Router<AppState>({ prefix: '/api/v1' });
  api.use(authenticate(deps.tokens));
  api.use(authorize(PERMISSIONS));
  const openapi = buildOpenApi('0.1.0');
  api.get('/openapi.json', (ctx) => {
    ctx.body = openapi;
  });
  for (const r of apiRouters(deps)) {
    api.use(r.routes(), r.allowedMethods({ throw: false }));
  }
  app.use(root.routes());
  app.use(exactPrefix());
  app.use(api.routes());
  app.use(api.allowedMethods());
  // Uploaded product images: named by their content, so a url never changes what it shows.
  app.use(serveDir(PUBLIC_UPLOADS_URL, deps.services.media.publicDir, { maxAgeMs: 365 * 86_400_000 }));
  if (deps.config.assetsDir) app.use(serveDir('/assets', deps.config.assetsDir, { maxAgeMs: 86_400_000 }));
  if (deps.config.adminDir) app.use(serveSpa('/admin', deps.config.adminDir));
  if (deps.config.h5Dir) app.use(serveDir('/', deps.config.h5Dir, { index: 'index.html' }));
  return app;
}

/** The module routers mounted under `/api/v1`, in mounting order (the OpenAPI completeness test reads them too). */
export function apiRouters(deps: AppDeps): Router<AppState>[] {
  const s = deps.services;
  return [
    authRoutes(s.auth),
    catalogRoutes(s.catalog),
    slotsRoutes(s.slots),
    ordersRoutes(s.orders, s.lifecycle),
    geoRoutes(deps.geo),
    paymentsRoutes(s.payments, s.refunds, deps.log),
    storesRoutes(s.stores),
    lbsRoutes(s.lbs, s.staffEvents, s.staffOrders),
    routingRoutes(s.routing),
    dispatchRoutes(s.dispatch, s.courier),
    dispatchBoardRoutes(s.dispatchBoard),
    aftersalesRoutes(s.aftersales),
    aftersalesAdminRoutes(s.aftersalesAdmin),
    mediaRoutes(s.media),
    supportRoutes(s.support, deps.nlu, deps.clock),
    kpisRoutes(s.kpis),
    courierPositionRoutes(s.courierPositions),
    backofficeRoutes(s.backofficeAuth),
    opsAdminRoutes(s),
    addressesRoutes(s.addresses),
    auditRoutes(s.audit),
    knowledgeAdminRoutes(s.knowledgeAdmin),
    adminAccountsRoutes(s.adminAccounts),
    catalogAdminRoutes(s),
    membersRoutes(s.invites, s.members),
    h5AuthRoutes(s.h5Auth),
    opsDataRoutes(s.opsData),
    dashboardRoutes(s.dashboard),
    notificationsRoutes(s),
  ];
}
