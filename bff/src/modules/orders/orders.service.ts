import { createHash, randomInt } from 'node:crypto';
import { In, type DataSource, type EntityManager } from 'typeorm';
import type {
  CreateOrderBody,
  Order,
  OrderListQuery,
  OrderListResponse,
  OrderCourier,
} from '@omni/shared-types';
import { toGcj02 } from '../../algorithms/geo';
import type { Clock } from '../../clock';
import { isUniqueViolation, type TxRunner } from '../../db/tx';
import type { Principal } from '../../http/context';
import { ConflictError, NotFoundError, UnprocessableError } from '../../http/errors';
import { shanghaiDate } from '../../lib/shanghai-time';
import type { Logger } from '../../logger';
import { ProductEntity } from '../catalog/catalog.entity';
import type { StockService } from '../catalog/stock.service';
import type { SlotsService } from '../slots/slots.service';
import type { AddressesService, OrderAddress } from '../addresses/addresses.service';
import { StoreEntity } from '../stores/store.entity';
import { StoreExceptionEntity } from '../stores/store-exception.entity';
import { toOrders, type OrderViewer } from './order-mapper';
import { OrderEntity, OrderEventEntity, OrderItemEntity } from './order.entity';

const PRICE_FIELDS = new Set(['priceFen', 'price', 'unitPriceFen', 'amountFen', 'totalFen']);

/** sha256 of the body without the price fields the server ignores, keys sorted. */
export function requestHash(body: unknown): string {
  const canon = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(canon);
    if (v && typeof v === 'object') {
      return Object.fromEntries(
        Object.keys(v as object)
          .filter((k) => !PRICE_FIELDS.has(k) && (v as Record<string, unknown>)[k] !== undefined)
          .sort()
          .map((k) => [k, canon((v as Record<string, unknown>)[k])]),
      );
    }
    return v;
  };
  return createHash('sha256')
    .update(JSON.stringify(canon(body)))
    .digest('hex');
}

/** Placing and reading orders. Lifecycle changes live in OrderLifecycle. */
export class OrdersService {
  constructor(
    private readonly deps: {
      db: DataSource;
      tx: TxRunner;
      slots: SlotsService;
      stock: StockService;
      clock: Clock;
      log: Logger;
      paymentTtlMin: number;
      /** The owner's 4-digit delivery code of an order (dispatch proof of delivery). */
      deliveryCode?: (orderId: number) => string;
      /** The address book, for delivery orders that name an `addressId`. */
      addresses?: Pick<AddressesService, 'forOrder' | 'markUsed'>;
    },
  ) {}

  private courierInfo: ((orderId: number) => Promise<OrderCourier | null>) | null = null;
  private onCreated: ((m: EntityManager, order: OrderEntity) => Promise<void>) | null = null;

  /** Runs inside the creating transaction (payments schedules the unpaid order's expiry there). */
  setCreatedHook(fn: (m: EntityManager, order: OrderEntity) => Promise<void>): void {
    this.onCreated = fn;
  }

  /** Lets dispatch tell who is bringing a planned delivery and when. */
  setCourierInfo(fn: (orderId: number) => Promise<OrderCourier | null>): void {
    this.courierInfo = fn;
  }

  private viewer(p: Principal): OrderViewer | undefined {
    const code = this.deps.deliveryCode;
    return code && p.role === 'consumer' ? { userId: p.userId, deliveryCode: code } : undefined;
  }

  /**
   * Prices the order on the server and reserves stock and the slot seat in one transaction.
   * The same Idempotency-Key with the same body returns the first order (`created: false`).
   */
  async create(
    p: Principal,
    key: string,
    body: CreateOrderBody,
  ): Promise<{ order: Order; created: boolean }> {
    const hash = requestHash(body);
    const replay = await this.byKey(p.userId, key, hash);
    if (replay) return { order: replay, created: false };

    const products = await this.deps.db
      .getRepository(ProductEntity)
      .findBy({ id: In(body.items.map((i) => i.productId)), active: true });
    const byId = new Map(products.map((x) => [x.id, x]));
    const missing = body.items.filter((i) => !byId.has(i.productId)).map((i) => i.productId);
    if (missing.length)
      throw new UnprocessableError('PRODUCT_NOT_FOUND', '部分商品不存在或已下架', { productIds: missing });
    const overLimit = body.items.filter((i) => i.quantity > byId.get(i.productId)!.maxPerOrder);
    if (overLimit.length) {
      throw new UnprocessableError(
        'QUANTITY_LIMIT',
        `超过每单限购数量: ${overLimit.map((i) => `${byId.get(i.productId)!.name} 限购 ${byId.get(i.productId)!.maxPerOrder}`).join('、')}`,
        {
          items: overLimit.map((i) => ({ productId: i.productId, max: byId.get(i.productId)!.maxPerOrder })),
        },
      );
    }
    const lines = body.items.map((i) => ({ product: byId.get(i.productId)!, quantity: i.quantity }));
    const itemsTotalFen = lines.reduce((n, l) => n + l.product.priceFen * l.quantity, 0);
    const volumeL = +lines.reduce((n, l) => n + l.product.volumeL * l.quantity, 0).toFixed(3);

    let storeId: number;
    let zoneId: number | null = null;
    let deliveryFeeFen = 0;
    let point: { lat: number; lng: number } | null = null;
    let shipTo: OrderAddress | null = null;
    if (body.type === 'delivery') {
      // A saved address is copied into the order, so editing the address book later leaves it as it was.
      shipTo = body.address
        ? { ...body.address, detail: body.address.detail ?? null }
        : await this.savedAddress(p.userId, body.addressId!);
      point = body.address
        ? toGcj02(shipTo, body.address.coord ?? 'gcj02')
        : { lat: shipTo.lat, lng: shipTo.lng };
      const { zone } = await this.deps.slots.zoneAt(point);
      storeId = zone.storeId;
      zoneId = zone.id;
      deliveryFeeFen =
        zone.freeThresholdFen !== null && itemsTotalFen >= zone.freeThresholdFen ? 0 : zone.feeFen;
    } else {
      const store = await this.deps.db
        .getRepository(StoreEntity)
        .findOneBy({ id: body.storeId, active: true });
      if (!store)
        throw new UnprocessableError('STORE_NOT_FOUND', '自提门店不存在', { storeId: body.storeId });
      if (!store.services.includes('pickup')) {
        throw new UnprocessableError('STORE_NOT_FOUND', '该门店不支持自提', { storeId: body.storeId });
      }
      const today = shanghaiDate(this.deps.clock.now());
      if (
        await this.deps.db
          .getRepository(StoreExceptionEntity)
          .existsBy({ storeId: store.id, date: today, closed: true })
      ) {
        throw new UnprocessableError('STORE_CLOSED_TODAY', '门店今日休息，暂不支持自提，请选择其他门店', {
          storeId: store.id,
          date: today,
        });
      }
      storeId = store.id;
    }

    const stockLines = lines.map((l) => ({
      productId: l.product.id,
      quantity: l.quantity,
      name: l.product.name,
    }));
    if (body.type === 'delivery') await this.deps.slots.precheck(body.slotId, zoneId!);
    await this.deps.stock.precheck(storeId, stockLines);

    const now = this.deps.clock.now();
    try {
      const orderId = await this.deps.tx.run(async (m) => {
        const order = await m.getRepository(OrderEntity).save({
          orderNo: `${shanghaiDate(now).replace(/-/g, '')}${String(randomInt(0, 1e8)).padStart(8, '0')}`,
          userId: p.userId,
          type: body.type,
          status: 'pending_payment' as const,
          storeId,
          zoneId,
          slotId: body.type === 'delivery' ? body.slotId : null,
          contactName: shipTo?.contactName ?? null,
          contactPhone: shipTo?.phone ?? null,
          addressText: shipTo?.address ?? null,
          addressDetail: shipTo?.detail ?? null,
          lat: point?.lat ?? null,
          lng: point?.lng ?? null,
          note: body.note ?? null,
          itemsTotalFen,
          deliveryFeeFen,
          totalFen: itemsTotalFen + deliveryFeeFen,
          volumeL,
          idempotencyKey: key,
          requestHash: hash,
          transactionId: null,
          staffAck: false,
          createdAt: now,
          updatedAt: now,
          paidAt: null,
          expiresAt: new Date(now.getTime() + this.deps.paymentTtlMin * 60_000),
        });
        await m.getRepository(OrderItemEntity).insert(
          lines.map((l) => ({
            orderId: order.id,
            productId: l.product.id,
            sku: l.product.sku,
            name: l.product.name,
            image: l.product.images[0] ?? '',
            priceFen: l.product.priceFen,
            quantity: l.quantity,
          })),
        );
        // The scarcer seat first, then stock: one lock order everywhere, and doomed orders fail early.
        if (body.type === 'delivery') await this.deps.slots.reserve(m, body.slotId, zoneId!);
        await this.deps.stock.reserve(m, storeId, stockLines);
        if (body.type === 'delivery' && body.addressId !== undefined) {
          await this.deps.addresses!.markUsed(m, p.userId, body.addressId, now);
        }
        await appendEvent(m, order.id, null, 'pending_payment', 'customer', p.userId, null, now);
        if (this.onCreated) await this.onCreated(m, order);
        return order.id;
      });
      return { order: await this.load(orderId), created: true };
    } catch (err) {
      if (!isUniqueViolation(err)) throw err;
      // A concurrent request with the same key won the insert: answer with its order.
      const winner = await this.byKey(p.userId, key, hash);
      if (winner) return { order: winner, created: false };
      throw err;
    }
  }

  private async savedAddress(userId: number, addressId: number): Promise<OrderAddress> {
    if (!this.deps.addresses) throw new Error('OrdersService: no address book wired');
    return this.deps.addresses.forOrder(userId, addressId);
  }

  private async byKey(userId: number, key: string, hash: string): Promise<Order | null> {
    const existing = await this.deps.db.getRepository(OrderEntity).findOneBy({ userId, idempotencyKey: key });
    if (!existing) return null;
    if (existing.requestHash !== hash) {
      throw new ConflictError('IDEMPOTENCY_KEY_REUSED', '该幂等键已用于另一笔不同的下单请求');
    }
    return (await toOrders(this.deps.db, [existing], this.deps.clock.now()))[0];
  }

  /** The caller's orders (consumer), their store's (staff) or all (admin), newest first. */
  async list(p: Principal, q: OrderListQuery): Promise<OrderListResponse> {
    const page = q.page ?? 1;
    const pageSize = q.pageSize ?? 10;
    const where: Record<string, unknown> = {};
    if (p.role === 'consumer') where.userId = p.userId;
    else if (p.role === 'staff') where.storeId = p.storeId ?? -1;
    else if (p.role !== 'admin') return { items: [], total: 0, page, pageSize };
    if (q.status) where.status = In(q.status);
    const [rows, total] = await this.deps.db.getRepository(OrderEntity).findAndCount({
      where,
      order: { id: 'DESC' },
      skip: (page - 1) * pageSize,
      take: pageSize,
    });
    return {
      items: await toOrders(this.deps.db, rows, this.deps.clock.now(), this.viewer(p)),
      total,
      page,
      pageSize,
    };
  }

  /** One order the caller may see, or 404 ORDER_NOT_FOUND (also for others' orders). */
  async get(p: Principal, id: number): Promise<Order> {
    const o = await this.entityFor(p, id);
    const [dto] = await toOrders(this.deps.db, [o], this.deps.clock.now(), this.viewer(p));
    const live = o.type === 'delivery' && (o.status === 'assigned' || o.status === 'out_for_delivery');
    return { ...dto, courier: live && this.courierInfo ? await this.courierInfo(o.id) : null };
  }

  /** The order entity if the caller may see it. */
  async entityFor(p: Principal, id: number, m?: EntityManager): Promise<OrderEntity> {
    const o = await (m ?? this.deps.db.manager).getRepository(OrderEntity).findOneBy({ id });
    if (!o || !canSee(p, o)) throw new NotFoundError('ORDER_NOT_FOUND', '订单不存在');
    return o;
  }

  /** An order by id in wire shape (no access check; for internal callers). */
  async load(id: number): Promise<Order> {
    const o = await this.deps.db.getRepository(OrderEntity).findOneByOrFail({ id });
    return (await toOrders(this.deps.db, [o], this.deps.clock.now()))[0];
  }
}

/** Owner, staff of the fulfilling store, or admin. */
export function canSee(p: Principal, o: OrderEntity): boolean {
  if (p.role === 'admin') return true;
  if (p.role === 'consumer') return o.userId === p.userId;
  if (p.role === 'staff') return p.storeId !== null && o.storeId === p.storeId;
  return false;
}

/** Appends one entry to an order's timeline. */
export async function appendEvent(
  m: EntityManager,
  orderId: number,
  from: OrderEntity['status'] | null,
  to: OrderEntity['status'],
  actorType: OrderEventEntity['actorType'],
  actorId: number | null,
  reason: string | null,
  at: Date,
): Promise<void> {
  await m
    .getRepository(OrderEventEntity)
    .insert({ orderId, fromStatus: from, toStatus: to, actorType, actorId, reason, createdAt: at });
}
