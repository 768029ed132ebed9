import { tmpdir } from 'node:os';
import { deliveryCode } from './lib/delivery-code';
import { dirname, resolve } from 'node:path';
import type { DataSource } from 'typeorm';
import type { Config } from './config';
import type { Logger } from './logger';
import { systemClock, type Clock } from './clock';
import { openDatabase, type DbKind } from './db/data-source';
import { TokenService } from './http/auth';
import { HttpWechatAuth } from './adapters/wechat/wechat-auth';
import { UsersService } from './modules/users/users.service';
import { AuthService } from './modules/auth/auth.service';
import { CatalogRepository } from './modules/catalog/catalog.repository';
import { CatalogService } from './modules/catalog/catalog.service';
import { StoresRepository } from './modules/stores/stores.repository';
import { seedDemo } from './seed/seed-demo';
import { withDbLock } from './db/db-lock';
import { createTxRunner } from './db/tx';
import { createGeoProvider, type GeoProvider } from './adapters/geo';
import { StockService } from './modules/catalog/stock.service';
import { SlotsService } from './modules/slots/slots.service';
import { OrdersService } from './modules/orders/orders.service';
import { OrderLifecycle } from './modules/orders/order-lifecycle';
import { HttpWechatPay, type WechatPay } from './adapters/wechat/wechat-pay';
import { PaymentsService, type MockPayer } from './modules/payments/payments.service';
import { RefundsService } from './modules/payments/refunds.service';
import { BillsService } from './modules/payments/bills.service';
import { JobsService } from './modules/jobs/jobs.service';
import { AlertsService } from './modules/ops/alerts.service';
import type { WechatPayMock } from '@omni/mock/wechat';
import type { SmsMock } from '@omni/mock/sms';
import { HttpWechatWebAuth } from './adapters/wechat/wechat-web-auth';
import { HttpSmsProvider } from './adapters/sms/sms-provider';
import { createH5Auth } from './modules/h5-auth/h5-auth.container';
import { PICKUP_FENCE } from './algorithms/lbs';
import { connectRedis, type RedisConnection } from './adapters/redis';
import { MemoryRateLimiter, RedisRateLimiter, type RateLimiter } from './http/rate-limit';
import { Realtime, rooms } from './realtime/realtime';
import { StoresService } from './modules/stores/stores.service';
import { StaffEventsService } from './modules/lbs/staff-events.service';
import { LbsService } from './modules/lbs/lbs.service';
import { StaffOrdersService } from './modules/lbs/staff-orders.service';
import { ORDER_STATUS_TEXT } from '@omni/shared-types';
import { OrderEntity } from './modules/orders/order.entity';
import type { AppDeps } from './app';
import { SolverPool } from './modules/routing/solver-pool';
import { createNlu } from './algorithms/nlu';
import { AftersalesService } from './modules/aftersales/aftersales.service';
import { AftersalesAdminService } from './modules/aftersales/aftersales-admin.service';
import { MediaService } from './modules/media/media.service';
import { LocalFileStore } from './adapters/file-store';
import { Dialogue } from './modules/support/dialogue';
import { SupportService } from './modules/support/support.service';
import { supportSocket } from './modules/support/support.socket';
import { createKnowledgeAdmin } from './modules/knowledge-admin/knowledge-admin.container';
import { KpisService } from './modules/kpis/kpis.service';
import { createDashboard } from './modules/dashboard/dashboard.container';
import { seedHistory } from './seed/seed-history';
import { seedNotifyTemplates } from './seed/seed-notify';
import { courierInfoFor } from './modules/dispatch/courier-info';
import { CourierPositionService } from './modules/dispatch/courier-position';
import { RoutingService } from './modules/routing/routing.service';
import { CourierRoutes } from './modules/dispatch/courier-route';
import { DispatchService } from './modules/dispatch/dispatch.service';
import { DispatchBoardService } from './modules/dispatch/dispatch-board.service';
import { dispatchBoardSocket } from './modules/dispatch/dispatch-board.socket';
import { CourierService } from './modules/dispatch/courier.service';
import { AddressesRepository } from './modules/addresses/addresses.repository';
import { AddressesService } from './modules/addresses/addresses.service';
import { DeliveryCodeGuard } from './modules/dispatch/delivery-code-guard';
import { createBackoffice } from './modules/backoffice/backoffice.container';
import { AuditService } from './modules/audit/audit.service';
import { createOpsData } from './modules/ops-data/ops-data.container';
import { createCatalogAdmin } from './modules/catalog-admin/catalog-admin.container';
import { TokenVersions } from './modules/backoffice/token-versions';
import type { CaptchaMaker } from './modules/backoffice/captcha';
import { MemberTokenCheck } from './modules/members/member-token-check';
import { MembersService } from './modules/members/members.service';
import { InvitesService } from './modules/members/invites.service';
import { WechatMpApi } from './adapters/wechat/mp-api';
import { Notifier } from './modules/notifications/notifier';
import { NotifyTemplates } from './modules/notifications/templates';
import { NotifyEvents } from './modules/notifications/notify-events';
import type { WechatMock } from '@omni/mock/wechat';

/** The composed application: its dependencies and how to close them. */
export interface Container extends AppDeps {
  realtime: Realtime;
  redis: RedisConnection | null;
  /** The in-process mocks of outside services (dev and tests only). */
  mocks: { pay: WechatPayMock | null; sms: SmsMock | null; wechat: WechatMock | null };
  close(): Promise<void>;
}

/** Options that tests use to replace parts. */
export interface ContainerOverrides {
  clock?: Clock;
  db?: DataSource;
  /** Progress of long start-up steps (seeding), for a human watching `npm start`. */
  progress?: (step: string) => void;
  /** Back-office captchas with a known text (tests). */
  captcha?: CaptchaMaker;
}

const REPO_ROOT = resolve(__dirname, '..', '..');

/** The composition root: every `new` of a real adapter lives here. */
export async function createContainer(
  config: Config,
  log: Logger,
  overrides: ContainerOverrides = {},
): Promise<Container> {
  const closers: Array<() => Promise<void>> = [];
  const clock = overrides.clock ?? systemClock;
  const db = overrides.db ?? (await openDatabase(config.database));
  if (!overrides.db) closers.push(() => db.destroy());
  const dbKind: DbKind = config.database.kind;

  let wechatBase: string;
  let wechatMockUrl: string | null = null;
  let wechatMock: WechatMock | null = null;
  if (config.wechat.apiBase) wechatBase = config.wechat.apiBase;
  else {
    if (config.env === 'production') throw new Error('WECHAT_API_BASE must be set in production');
    // Dev and tests: WeChat's servers are replaced by the mock from mock/, in this process.
    const { startWechatMock } = await import('@omni/mock/wechat');
    const mock = await startWechatMock({
      appid: config.wechat.appid,
      secret: config.wechat.secret,
      oa: config.wechatOa ?? undefined,
    });
    closers.push(() => mock.close());
    wechatBase = mock.url;
    wechatMockUrl = mock.url;
    wechatMock = mock;
    log.info({ url: mock.url }, 'WeChat mock server started');
  }

  let smsApiBase = config.sms?.apiBase ?? null;
  let smsMock: SmsMock | null = null;
  if (config.sms && !smsApiBase) {
    // Dev and tests: an SMS gateway from mock/ in this process (GET <url>/messages shows the codes).
    const { startSmsMock } = await import('@omni/mock/sms');
    const started = await startSmsMock({ apiKey: config.sms.apiKey });
    closers.push(() => started.close());
    smsMock = started;
    smsApiBase = started.url;
    log.info({ url: started.url }, 'SMS mock server started');
  }

  let wechatPay: WechatPay;
  let mockPayer: MockPayer | null = null;
  let payMockRef: WechatPayMock | null = null;
  if (config.wechatPay) {
    const w = config.wechatPay;
    wechatPay = new HttpWechatPay({
      apiBase: w.apiBase,
      appid: config.wechat.appid,
      mchid: w.mchid,
      merchantSerialNo: w.serialNo,
      merchantPrivateKeyPem: w.privateKeyPem,
      apiV3Key: w.apiV3Key,
      platformPublicKeys: { [w.platformSerial]: w.platformPublicKeyPem },
      notifyUrl: w.notifyUrl,
      clock,
    });
  } else {
    if (config.env === 'production') throw new Error('WECHAT_PAY_* must be set in production');
    // Dev and tests: a mock merchant and WeChat Pay server, keys kept beside the SQLite file.
    const { generatePayKeys, loadOrCreatePayKeys, startWechatPayMock } = await import('@omni/mock/wechat');
    const db0 = config.database;
    const keys =
      db0.kind === 'sqlite' && db0.path !== ':memory:'
        ? loadOrCreatePayKeys(dirname(resolve(db0.path)))
        : generatePayKeys();
    const mchid = '1900000109';
    const payMock = await startWechatPayMock({
      mchid,
      appid: config.wechat.appid,
      ...keys,
      now: () => clock.now(),
    });
    closers.push(() => payMock.close());
    wechatPay = new HttpWechatPay({
      apiBase: payMock.url,
      appid: config.wechat.appid,
      mchid,
      merchantSerialNo: keys.merchantSerialNo,
      merchantPrivateKeyPem: keys.merchantPrivateKeyPem,
      apiV3Key: keys.apiV3Key,
      platformPublicKeys: { [keys.platformSerialNo]: keys.platformPublicKeyPem },
      notifyUrl: `http://127.0.0.1:${config.port}/api/v1/payments/wechat/notify`,
      clock,
    });
    mockPayer = (outTradeNo) => payMock.buildNotify(outTradeNo);
    payMockRef = payMock;
  }

  let redis: RedisConnection | null = null;
  if (config.redisUrl) {
    redis = await connectRedis(config.redisUrl, log);
    closers.push(() => redis!.close());
  }
  const limiter: RateLimiter = redis ? new RedisRateLimiter(redis.pub) : new MemoryRateLimiter();

  if (config.seedDemo) {
    await withDbLock(db, 'omni_seed_demo', async () => {
      await seedDemo(db, log, overrides.progress);
      await seedHistory(db, log, {
        days: config.seedHistoryDays,
        now: clock.now(),
        progress: overrides.progress,
      });
    });
  }

  const tokens = new TokenService({
    secret: config.jwt.secret,
    ttlS: config.jwt.ttlS,
    versions: new MemberTokenCheck({ db, inner: new TokenVersions({ db }) }),
  });
  const tx = createTxRunner(db, dbKind);
  const audit = new AuditService({ db, clock });
  const catalogAdmin = await createCatalogAdmin({ db, tx, audit, redis, log });
  closers.push(catalogAdmin.close);
  const backoffice = createBackoffice({
    db,
    tx,
    tokens,
    redis,
    jwtSecret: config.jwt.secret,
    clock,
    log,
    captcha: overrides.captcha,
    audit,
  });
  const users = new UsersService({ db, tx, clock });
  const wechat = new HttpWechatAuth({
    apiBase: wechatBase,
    appid: config.wechat.appid,
    secret: config.wechat.secret,
  });
  const stores = new StoresRepository(db);
  const realtime = new Realtime({ tokens, log, redis, corsOrigins: config.corsOrigins });
  closers.push(() => realtime.close());
  const members = new MembersService({
    db,
    tx,
    audit,
    clock,
    onDisabled: (userId) => realtime.dropUser(userId),
  });
  const auth = new AuthService({
    db,
    users,
    members,
    wechat,
    tokens,
    allowDevLogin: config.allowDevLogin,
    log,
  });
  const invites = new InvitesService({ db, tx, auth, members, audit, clock });
  const oa = config.wechatOa;
  const h5Auth = createH5Auth({
    db,
    tx,
    auth,
    redis,
    clock,
    log,
    jwtSecret: config.jwt.secret,
    allowDevLogin: config.allowDevLogin,
    wechatWeb: oa && {
      appid: oa.appid,
      authorizeBase: oa.authorizeBase ?? wechatMockUrl ?? 'https://open.weixin.qq.com',
      auth: new HttpWechatWebAuth({ apiBase: wechatBase, appid: oa.appid, secret: oa.secret }),
    },
    sms:
      config.sms && smsApiBase
        ? {
            provider: new HttpSmsProvider({ apiBase: smsApiBase, apiKey: config.sms.apiKey }),
            signName: config.sms.signName,
            limits: config.sms.limits,
          }
        : null,
  });
  const catalog = new CatalogService({ catalog: new CatalogRepository(db), stores });
  const geo: GeoProvider = createGeoProvider({
    amap: config.geo.provider === 'amap' ? config.amap : undefined,
    clock,
    log,
  });
  const stock = new StockService(db);
  const slots = new SlotsService({ db, clock });
  const addresses = new AddressesService({ addresses: new AddressesRepository({ db, dbKind }), tx, clock });
  const orders = new OrdersService({
    db,
    tx,
    addresses,
    slots,
    stock,
    clock,
    log,
    paymentTtlMin: config.paymentTtlMin,
    deliveryCode: (orderId) => deliveryCode(config.jwt.secret, orderId),
  });
  const lifecycle = new OrderLifecycle({ db, tx, orders, slots, stock, clock, log });
  const alerts = new AlertsService({ db, clock, log });
  const jobs = new JobsService({
    db,
    tx,
    clock,
    log,
    autoRun: config.jobsIntervalS > 0,
    onDead: (j) =>
      void alerts
        .raise({
          kind: 'job_dead',
          severity: 'warning',
          message: `后台任务 ${j.kind} #${j.id} 已失败 ${j.attempts} 次，进入死信：${j.lastError ?? ''}`,
          details: { jobId: j.id, kind: j.kind },
        })
        .catch((err: unknown) => log.error({ err }, 'alert failed')),
  });
  closers.push(() => jobs.stop());
  // Subscription messages and shipping-info uploads: one shared access_token, an outbox of jobs.
  const mpApi = new WechatMpApi({
    apiBase: wechatBase,
    appid: config.wechat.appid,
    secret: config.wechat.secret,
    db,
    redis,
    clock,
    log,
  });
  const notifyTemplates = new NotifyTemplates({ db, tx, audit, clock });
  await notifyTemplates.ensureDefaults();
  if (config.seedDemo) {
    await withDbLock(db, 'omni_seed_notify', () => seedNotifyTemplates(notifyTemplates, wechatMock));
  }
  const notifier = new Notifier({
    db,
    tx,
    jobs,
    templates: notifyTemplates,
    wechat: mpApi,
    clock,
    log,
    miniprogramState: config.wechat.miniprogramState,
  });
  const notifyEvents = new NotifyEvents(notifier);
  lifecycle.setTransitionHook((m, c) => notifyEvents.onOrderTransition(m, c));
  lifecycle.setRescheduleHook((m, c) => notifyEvents.onSlotChanged(m, c));
  const refunds = new RefundsService({ db, tx, wechatPay, jobs, lifecycle, alerts, clock, log });
  const payments = new PaymentsService({
    db,
    tx,
    orders,
    lifecycle,
    refunds,
    jobs,
    alerts,
    wechatPay,
    mockPayer,
    clock,
    log,
  });
  lifecycle.setCancelHook((m, c) => payments.onCancelledIn(m, c));
  const bills = new BillsService({ db, tx, wechatPay, jobs, alerts, clock, log });
  lifecycle.onChange(({ orderId, to, reason }) => {
    void db
      .getRepository(OrderEntity)
      .findOneBy({ id: orderId })
      .then((o) => {
        if (!o) return;
        const e = {
          orderId,
          status: to,
          statusText: ORDER_STATUS_TEXT[to],
          staffAcknowledged: o.staffAck,
          reason,
        };
        realtime.emit([rooms.user(o.userId), rooms.storeStaff(o.storeId)], 'order:updated', e);
      })
      .catch((err: unknown) => log.warn({ err, orderId }, 'order push failed'));
  });
  const storesService = new StoresService({ db, geo, clock });
  const staffEvents = new StaffEventsService({
    db,
    tx,
    realtime,
    clock,
    log,
    escalateAfterS: config.lbs.escalateAfterS,
  });
  const lbs = new LbsService({
    db,
    tx,
    stores: storesService,
    events: staffEvents,
    limiter,
    clock,
    log,
    settings: {
      arrival: { ...PICKUP_FENCE, radiusM: config.lbs.arrivalRadiusM },
      nearby: { ...PICKUP_FENCE, radiusM: config.lbs.nearbyRadiusM, hysteresisM: 150 },
      reportsPer10s: config.lbs.reportsPer10s,
    },
  });
  staffEvents.setStoreEventHook((m, c) => notifyEvents.onStoreEvent(m, c));
  const staffOrders = new StaffOrdersService({ orders, lifecycle, events: staffEvents });
  const solverPool = new SolverPool({ log });
  closers.push(() => solverPool.close());
  const routing = new RoutingService({ geo, pool: solverPool, log });
  const courierRoutes = new CourierRoutes({ db, geo, log });
  const dispatch = new DispatchService({
    db,
    tx,
    lifecycle,
    routing,
    geo,
    realtime,
    routes: courierRoutes,
    clock,
    log,
  });
  const dispatchBoard = new DispatchBoardService({
    db,
    tx,
    lifecycle,
    routing,
    geo,
    realtime,
    routes: courierRoutes,
    audit,
    clock,
    log,
  });
  dispatch.setPublishedHook((m, planId) => notifyEvents.onRoutePublished(m, planId));
  dispatchBoard.setPublishedHook((m, planId, couriers) => notifyEvents.onRoutePublished(m, planId, couriers));
  realtime.onConnection(dispatchBoardSocket(db, log));
  lifecycle.onChange((change) => {
    dispatch.onOrderChange(change).catch((err: unknown) => log.warn({ err }, 'courier route push failed'));
  });
  const db1 = config.database;
  // Beside the SQLite file; a throwaway folder for in-memory test databases.
  const files = new LocalFileStore(
    db1.kind === 'sqlite' && db1.path === ':memory:'
      ? resolve(tmpdir(), 'omni-uploads')
      : resolve(db1.kind === 'sqlite' ? dirname(resolve(db1.path)) : '.data', 'uploads'),
  );
  const courier = new CourierService({
    db,
    tx,
    lifecycle,
    geo,
    realtime,
    routes: courierRoutes,
    clock,
    log,
    codes: new DeliveryCodeGuard({ db, tx, staffEvents, log, codeSecret: config.jwt.secret }),
    files,
  });
  const media = new MediaService({ files, tx, audit });
  const aftersales = new AftersalesService({ db, tx, orders, lifecycle, refunds, stock, clock, log });
  aftersales.setCaseHook((m, c) => notifyEvents.onCaseEvent(m, c));
  const aftersalesAdmin = new AftersalesAdminService({ db, tx, cases: aftersales, members, audit, clock });
  const nlu = createNlu();
  const knowledgeParts = await createKnowledgeAdmin({ db, tx, audit, redis, nlu, clock, log });
  closers.push(knowledgeParts.close);
  const { knowledge, knowledgeAdmin } = knowledgeParts;
  // A product written through the admin API (here or, through Redis, on another instance) is known
  // to the bot on its next message, before the table fingerprint would notice.
  catalogAdmin.services.catalogChanges.onChange(() => knowledgeParts.signal.heard());
  const dialogue = new Dialogue({
    db,
    nlu,
    knowledge,
    orders,
    lifecycle,
    slots,
    stores: storesService,
    aftersales,
  });
  const support = new SupportService({
    db,
    tx,
    dialogue,
    aftersales,
    realtime,
    limiter,
    clock,
    log,
    settings: { humanHours: config.support.humanHours, messagesPer10s: config.support.messagesPer10s },
  });
  support.setOfflineReplyHook((m, c) => notifyEvents.onAgentReply(m, c));
  realtime.onConnection(supportSocket(support, log));
  const courierPositions = new CourierPositionService({ db, tx, realtime, limiter, clock });
  orders.setCourierInfo((orderId) => courierInfoFor(db, orderId, (id) => courierPositions.fresh(id)));
  const kpis = new KpisService({ db, clock });
  const dashboardParts = createDashboard({
    kpis,
    stores: storesService,
    staffEvents,
    alerts,
    jobs,
    tx,
    clock,
    log,
  });
  const opsData = await createOpsData({
    db,
    tx,
    audit,
    clock,
    log,
    redis,
    lifecycle,
    refunds,
    stock,
    slots,
    storeIndex: storesService,
  });

  const tick = async () => {
    try {
      await payments.scheduleOverdue();
      await bills.scheduleDaily();
      await dashboardParts.kpiAnomalies.scheduleDaily();
      await jobs.runDue();
      await notifyTemplates.pruneOffers();
      const e = await staffEvents.escalateDue();
      if (e) log.info({ escalated: e }, 'escalated unclaimed store events');
      await dispatch.runScheduledDispatch(clock.now());
    } catch (err) {
      log.error({ err }, 'background job failed');
    }
  };
  if (config.jobsIntervalS > 0) {
    await tick(); // orders that expired while no instance was running
    const timer = setInterval(() => void tick(), config.jobsIntervalS * 1000);
    timer.unref();
    closers.push(async () => clearInterval(timer));
  }

  return {
    config: {
      ...config,
      h5Dir: config.h5Dir ?? resolve(REPO_ROOT, 'miniapp', 'dist', 'h5'),
      adminDir: config.adminDir ?? resolve(REPO_ROOT, 'admin', 'dist'),
      assetsDir: config.assetsDir ?? resolve(REPO_ROOT, 'mock', 'assets'),
    },
    log,
    db,
    dbKind,
    tokens,
    redisReady: () => redis?.ready() ?? false,
    realtime,
    redis,
    geo,
    services: {
      auth,
      catalog,
      slots,
      orders,
      lifecycle,
      payments,
      stores: storesService,
      lbs,
      staffEvents,
      staffOrders,
      routing,
      dispatch,
      courier,
      dispatchBoard,
      aftersales,
      aftersalesAdmin,
      media,
      support,
      kpis,
      courierPositions,
      jobs,
      refunds,
      bills,
      alerts,
      addresses,
      ...backoffice,
      audit,
      knowledgeAdmin,
      ...catalogAdmin.services,
      members,
      invites,
      opsData,
      ...dashboardParts,
      h5Auth,
      notifier,
      notifyTemplates,
    },
    nlu,
    clock,
    mocks: { pay: payMockRef, sms: smsMock, wechat: wechatMock },
    close: async () => {
      for (const c of closers.reverse()) await c();
    },
  };
}
