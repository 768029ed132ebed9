import { In, MoreThanOrEqual, type DataSource, type EntityManager } from 'typeorm';
import type { Consent, ConsentBody, LbsEventKind, LocationReport, LocationResult } from '@omni/shared-types';
import { haversineM, toGcj02 } from '../../algorithms/geo';
import { checkReport, evaluateFence, type FenceConfig, type FenceState } from '../../algorithms/lbs';
import type { Clock } from '../../clock';
import type { TxRunner } from '../../db/tx';
import type { Principal } from '../../http/context';
import { ForbiddenError } from '../../http/errors';
import { enforceLimit, type RateLimiter } from '../../http/rate-limit';
import { shanghaiDate } from '../../lib/shanghai-time';
import type { Logger } from '../../logger';
import { OrderEntity } from '../orders/order.entity';
import type { StoresService } from '../stores/stores.service';
import { ConsentEntity, FenceStateEntity, PositionEntity } from './lbs.entity';
import type { StaffEventsService } from './staff-events.service';

/** Fence sizes and report limits (configurable). */
export interface LbsSettings {
  arrival: FenceConfig;
  nearby: FenceConfig;
  reportsPer10s: number;
}

/** Implausible reports in a row after which the newest becomes the reference position. */
const STREAK_TO_RESET = 3;

const PURCHASED: OrderEntity['status'][] = [
  'paid',
  'assigned',
  'out_for_delivery',
  'delivered',
  'ready_for_pickup',
  'picked_up',
];

/** Consent and location reports: geofences around stores raise events into the staff inbox. */
export class LbsService {
  constructor(
    private readonly deps: {
      db: DataSource;
      tx: TxRunner;
      stores: StoresService;
      events: StaffEventsService;
      limiter: RateLimiter;
      clock: Clock;
      log: Logger;
      settings: LbsSettings;
    },
  ) {}

  /** The caller's consent (none given yet → both false). */
  async consent(p: Principal): Promise<Consent> {
    const c = await this.deps.db.getRepository(ConsentEntity).findOneBy({ userId: p.userId });
    return {
      location: c?.location ?? false,
      nearbyOffers: c?.nearbyOffers ?? false,
      updatedAt: c?.updatedAt.toISOString() ?? null,
    };
  }

  /** Records consent; withdrawing location consent deletes the stored position and fence states. */
  async setConsent(p: Principal, body: ConsentBody): Promise<Consent> {
    const now = this.deps.clock.now();
    await this.deps.tx.run(async (m) => {
      await m.getRepository(ConsentEntity).save({
        userId: p.userId,
        location: body.location,
        nearbyOffers: body.location && (body.nearbyOffers ?? false),
        updatedAt: now,
      });
      if (!body.location) {
        await m.getRepository(PositionEntity).delete({ userId: p.userId });
        await m.getRepository(FenceStateEntity).delete({ userId: p.userId });
      }
    });
    return this.consent(p);
  }

  /** One position report: checked for plausibility, then run through the fences of nearby stores. */
  async report(p: Principal, body: LocationReport): Promise<LocationResult> {
    if (p.role !== 'consumer') throw new ForbiddenError('仅顾客可上报位置');
    const consent = await this.deps.db.getRepository(ConsentEntity).findOneBy({ userId: p.userId });
    if (!consent?.location) throw new ForbiddenError('请先同意使用位置信息', 'CONSENT_REQUIRED');
    await enforceLimit(this.deps.limiter, `lbs:${p.userId}`, this.deps.settings.reportsPer10s, 10);
    const now = this.deps.clock.now();
    const at = body.at ? new Date(body.at) : now;
    const point = toGcj02({ lat: body.lat, lng: body.lng }, body.coord);
    const prev = await this.deps.db.getRepository(PositionEntity).findOneBy({ userId: p.userId });
    const check = checkReport(
      prev ? { lat: prev.lat, lng: prev.lng, at: prev.reportedAt } : null,
      { ...point, at },
      now,
    );
    // A bad first fix (a GPS glitch far away) would make every real report look too fast:
    // after STREAK_TO_RESET such reports in a row, the newest one becomes the reference.
    const streakReset =
      !check.ok && check.reason === 'TOO_FAST' && prev !== null && prev.rejectedStreak + 1 >= STREAK_TO_RESET;
    if (!check.ok && !streakReset) {
      if (check.reason === 'TOO_FAST' && prev) {
        await this.deps.tx.run((m) =>
          m
            .getRepository(PositionEntity)
            .update({ userId: p.userId }, { rejectedStreak: prev.rejectedStreak + 1 }),
        );
      }
      this.deps.log.info({ userId: p.userId, flag: check.reason }, 'location report flagged, not acted on');
      return { accepted: false, flagged: check.reason, events: [] };
    }

    const { index, byId } = await this.deps.stores.index();
    const near = index.nearest(point, 8, {
      maxDistanceM: this.deps.settings.nearby.radiusM + this.deps.settings.nearby.hysteresisM + 200,
    });
    const states = await this.deps.db.getRepository(FenceStateEntity).findBy({ userId: p.userId });
    const storeIds = new Set([...near.map((h) => h.id), ...states.map((s) => s.storeId)]);
    const raised: Array<{ kind: LbsEventKind; storeId: number; distanceM: number }> = [];

    await this.deps.tx.run(async (m) => {
      await m
        .getRepository(PositionEntity)
        .save({ userId: p.userId, lat: point.lat, lng: point.lng, reportedAt: at });
      for (const storeId of storeIds) {
        const store = byId.get(storeId);
        if (!store) continue;
        const d = haversineM(point, store);
        for (const kind of ['arrival', 'nearby'] as const) {
          const row = states.find((s) => s.storeId === storeId && s.kind === kind);
          const fence = kind === 'arrival' ? this.deps.settings.arrival : this.deps.settings.nearby;
          const { state, events } = evaluateFence(
            row ? (JSON.parse(row.state) as FenceState) : null,
            d,
            fence,
            at,
          );
          await this.saveState(m, p.userId, storeId, kind, state, row);
          if (events.includes('enter'))
            raised.push({
              kind: kind === 'arrival' ? 'PICKUP_ARRIVAL' : 'NEARBY_MEMBER',
              storeId,
              distanceM: d,
            });
        }
      }
    });

    const created: LocationResult['events'] = [];
    for (const r of raised) {
      const ids =
        r.kind === 'PICKUP_ARRIVAL'
          ? await this.arrival(p, r.storeId, r.distanceM, at)
          : await this.nearbyMember(p, consent, r.storeId, r.distanceM, at);
      for (const id of ids) created.push({ id, kind: r.kind, storeId: r.storeId });
    }
    return { accepted: true, flagged: null, events: created };
  }

  private async saveState(
    m: EntityManager,
    userId: number,
    storeId: number,
    kind: 'arrival' | 'nearby',
    state: FenceState,
    row?: FenceStateEntity,
  ): Promise<void> {
    if (row) await m.getRepository(FenceStateEntity).update({ id: row.id }, { state: JSON.stringify(state) });
    else
      await m.getRepository(FenceStateEntity).insert({ userId, storeId, kind, state: JSON.stringify(state) });
  }

  /** A customer with a pickup order at this store entered its arrival fence: one event per order per day. */
  private async arrival(p: Principal, storeId: number, distanceM: number, at: Date): Promise<number[]> {
    const orders = await this.deps.db.getRepository(OrderEntity).findBy({
      userId: p.userId,
      storeId,
      type: 'pickup',
      status: In(['paid', 'ready_for_pickup']),
    });
    const ids: number[] = [];
    for (const o of orders) {
      const id = await this.deps.events.raise({
        storeId,
        kind: 'PICKUP_ARRIVAL',
        userId: p.userId,
        orderId: o.id,
        distanceM,
        dedupeKey: `PA:${o.id}:${shanghaiDate(at)}`,
      });
      if (id) ids.push(id);
    }
    return ids;
  }

  /** An opted-in member with recent purchases came near: at most once per member, store and day. */
  private async nearbyMember(
    p: Principal,
    consent: ConsentEntity,
    storeId: number,
    distanceM: number,
    at: Date,
  ): Promise<number[]> {
    if (!consent.nearbyOffers) return [];
    const since = new Date(at.getTime() - 180 * 86_400_000);
    const purchases = await this.deps.db
      .getRepository(OrderEntity)
      .countBy({ userId: p.userId, status: In(PURCHASED), createdAt: MoreThanOrEqual(since) });
    if (!purchases) return [];
    const id = await this.deps.events.raise({
      storeId,
      kind: 'NEARBY_MEMBER',
      userId: p.userId,
      orderId: null,
      distanceM,
      dedupeKey: `NM:${p.userId}:${storeId}:${shanghaiDate(at)}`,
    });
    return id ? [id] : [];
  }
}
