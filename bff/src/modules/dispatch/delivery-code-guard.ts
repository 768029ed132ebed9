import type { DataSource, EntityManager } from 'typeorm';
import type { TxRunner } from '../../db/tx';
import { AppError, UnprocessableError } from '../../http/errors';
import { DELIVERY_CODE_MAX_ATTEMPTS, deliveryCode } from '../../lib/delivery-code';
import type { Logger } from '../../logger';
import type { StaffEventsService } from '../lbs/staff-events.service';
import { OrderEntity } from '../orders/order.entity';
import { StoreEntity } from '../stores/store.entity';

/**
 * The delivery-code check of a courier's deliver: each wrong code is counted on the order by a
 * conditional UPDATE (so concurrent attempts are counted exactly); at the limit the code is locked
 * for good, the store's staff get an inbox event, and only 送达失败 or a photo is left.
 */
export class DeliveryCodeGuard {
  constructor(
    private readonly deps: {
      db: DataSource;
      tx: TxRunner;
      staffEvents: StaffEventsService;
      log: Logger;
      /** Key of the delivery codes (see `deliveryCode`). */
      codeSecret: string;
    },
  ) {}

  /**
   * Passes when `code` is the order's code and the order is not locked; otherwise throws 422
   * DELIVERY_CODE_INVALID (`details.attemptsLeft`) or 423 DELIVERY_CODE_LOCKED (`details.storePhone`).
   */
  async verify(orderId: number, code: string): Promise<void> {
    const order = await this.deps.db.getRepository(OrderEntity).findOneByOrFail({ id: orderId });
    if (order.deliveryCodeFailures >= DELIVERY_CODE_MAX_ATTEMPTS) throw await this.locked(order);
    if (code === deliveryCode(this.deps.codeSecret, orderId)) return;
    const failures = await this.deps.tx.run(async (m) => {
      const res = await m
        .createQueryBuilder()
        .update(OrderEntity)
        .set({ deliveryCodeFailures: () => 'delivery_code_failures + 1' })
        .where('id = :id AND delivery_code_failures < :max', { id: orderId, max: DELIVERY_CODE_MAX_ATTEMPTS })
        .execute();
      // Our own UPDATE holds the row: this read sees exactly the count it made.
      return res.affected === 1 ? await this.failuresIn(m, orderId) : null;
    });
    if (failures === null) throw await this.locked(order);
    const attemptsLeft = DELIVERY_CODE_MAX_ATTEMPTS - failures;
    if (attemptsLeft === 0) await this.alertStaff(order);
    const store = attemptsLeft === 0 ? await this.storeOf(order) : null;
    throw new UnprocessableError(
      'DELIVERY_CODE_INVALID',
      attemptsLeft > 0
        ? `收货码不正确，还可以再试 ${attemptsLeft} 次`
        : '收货码错误次数过多，已锁定，请联系门店',
      { attemptsLeft, ...(store ? { storeName: store.name, storePhone: store.phone } : {}) },
    );
  }

  /** Inside the delivering transaction (after its order UPDATE): refuses when a wrong code locked the order meanwhile. */
  async assertOpenIn(m: EntityManager, orderId: number): Promise<void> {
    if ((await this.failuresIn(m, orderId)) < DELIVERY_CODE_MAX_ATTEMPTS) return;
    throw await this.locked(await m.getRepository(OrderEntity).findOneByOrFail({ id: orderId }));
  }

  private async failuresIn(m: EntityManager, orderId: number): Promise<number> {
    const row = await m
      .getRepository(OrderEntity)
      .findOne({ where: { id: orderId }, select: { id: true, deliveryCodeFailures: true } });
    return row?.deliveryCodeFailures ?? 0;
  }

  private storeOf(order: OrderEntity): Promise<StoreEntity> {
    return this.deps.db.getRepository(StoreEntity).findOneByOrFail({ id: order.storeId });
  }

  private async locked(order: OrderEntity): Promise<AppError> {
    const store = await this.storeOf(order);
    return new AppError(423, 'DELIVERY_CODE_LOCKED', '收货码错误次数过多，已锁定，请联系门店', {
      attemptsLeft: 0,
      storeName: store.name,
      storePhone: store.phone,
    });
  }

  /** One inbox event per order (its dedupe key), pushed to the store's staff over socket.io. */
  private async alertStaff(order: OrderEntity): Promise<void> {
    try {
      await this.deps.staffEvents.raise({
        storeId: order.storeId,
        kind: 'DELIVERY_CODE_LOCKED',
        userId: order.userId,
        orderId: order.id,
        distanceM: null,
        dedupeKey: `delivery-code-locked:${order.id}`,
      });
    } catch (err) {
      // The lock itself is committed; a lost alert must not turn the courier's answer into a 500.
      this.deps.log.error({ err, orderId: order.id }, 'delivery code lock alert failed');
    }
  }
}
