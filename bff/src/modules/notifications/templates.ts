// Which WeChat template carries each event (admin-edited, versioned, audited), consent offers and
// one-time allowances, and the preferences of 我的 → 消息通知.
import { In, IsNull, MoreThan, type DataSource, type EntityManager } from 'typeorm';
import {
  MAX_ALLOWANCE,
  MAX_TEMPLATES_PER_REQUEST,
  NOTIFY_EVENTS,
  NotifyEvent,
  type NotifyPreference,
  type NotifyPreferencesResponse,
  type NotifyScene,
  type NotifyTemplate,
  type NotifyTemplateListResponse,
  type OfferedTemplatesResponse,
  type SubscribeConsentBody,
  type SubscribeConsentResponse,
  type UpdateNotifyTemplateBody,
} from '@omni/shared-types';
import type { Clock } from '../../clock';
import type { TxRunner } from '../../db/tx';
import { NotFoundError, ValidationError } from '../../http/errors';
import type { AuditActor, AuditService } from '../audit/audit.service';
import { VersionConflictError } from '../audit/versioned';
import { fieldTypeOf } from './fit';
import {
  NotifyAllowanceEntity,
  NotifyOfferEntity,
  NotifyPrefEntity,
  NotifyTemplateEntity,
} from './notify.entity';

/** Where each event is asked for unless an admin says otherwise. */
const DEFAULT_SCENES: Partial<Record<NotifyEvent, NotifyScene[]>> = {
  order_paid: ['checkout'],
  out_for_delivery: ['checkout'],
  slot_changed: ['checkout'],
  ready_for_pickup: ['checkout'],
  support_reply: ['handoff'],
  aftersales_opened: ['aftersales'],
  aftersales_updated: ['aftersales'],
  aftersales_resolved: ['aftersales'],
  staff_lbs_event: ['staff'],
  courier_route_published: ['courier'],
};
/** Events that only concern one kind of order (for the checkout offer of a delivery or a pickup order). */
const DELIVERY_ONLY: NotifyEvent[] = ['out_for_delivery', 'delivered', 'delivery_failed', 'slot_changed'];
const PICKUP_ONLY: NotifyEvent[] = ['ready_for_pickup'];
const OFFER_TTL_MS = 15 * 60_000;

type Audience = 'consumer' | 'staff' | 'courier';

/** The audience of a caller's role (store managers hear what staff hear). */
export function audienceOf(role: string): Audience {
  return role === 'courier' ? 'courier' : role === 'staff' || role === 'store_manager' ? 'staff' : 'consumer';
}

function toDto(row: NotifyTemplateEntity): NotifyTemplate {
  const info = NOTIFY_EVENTS[row.event as NotifyEvent];
  return {
    event: row.event as NotifyEvent,
    title: info.title,
    audience: info.audience,
    templateId: row.templateId,
    fields: row.fields,
    page: row.page,
    scenes: row.scenes as NotifyScene[],
    enabled: row.enabled,
    version: row.version,
    updatedAt: row.updatedAt.toISOString(),
  };
}

export class NotifyTemplates {
  constructor(private readonly deps: { db: DataSource; tx: TxRunner; audit: AuditService; clock: Clock }) {}

  /** Writes the row of every event that has none yet (no WeChat template: nothing is sent). */
  async ensureDefaults(): Promise<void> {
    const have = new Set(
      (await this.deps.db.getRepository(NotifyTemplateEntity).find({ select: { event: true } })).map(
        (r) => r.event,
      ),
    );
    const now = this.deps.clock.now();
    for (const event of NotifyEvent.options) {
      if (have.has(event)) continue;
      await this.deps.db
        .createQueryBuilder()
        .insert()
        .into(NotifyTemplateEntity)
        .values({
          event,
          templateId: null,
          fields: {},
          page: NOTIFY_EVENTS[event].page,
          scenes: DEFAULT_SCENES[event] ?? [],
          enabled: true,
          version: 1,
          updatedAt: now,
        })
        .orIgnore()
        .execute();
    }
  }

  async get(event: NotifyEvent, m?: EntityManager): Promise<NotifyTemplate> {
    const row = await (m ?? this.deps.db.manager).getRepository(NotifyTemplateEntity).findOneBy({ event });
    if (row) return toDto(row);
    return {
      event,
      title: NOTIFY_EVENTS[event].title,
      audience: NOTIFY_EVENTS[event].audience,
      templateId: null,
      fields: {},
      page: NOTIFY_EVENTS[event].page,
      scenes: DEFAULT_SCENES[event] ?? [],
      enabled: true,
      version: 1,
      updatedAt: this.deps.clock.now().toISOString(),
    };
  }

  async list(): Promise<NotifyTemplateListResponse> {
    await this.ensureDefaults();
    const rows = await this.deps.db.getRepository(NotifyTemplateEntity).find();
    const order = NotifyEvent.options;
    return {
      items: rows
        .filter((r) => (order as readonly string[]).includes(r.event))
        .sort((a, b) => order.indexOf(a.event as NotifyEvent) - order.indexOf(b.event as NotifyEvent))
        .map(toDto),
    };
  }

  /** An admin's edit: every field key must be WeChat's and show a value the event has. */
  async update(actor: AuditActor, event: string, body: UpdateNotifyTemplateBody): Promise<NotifyTemplate> {
    const parsed = NotifyEvent.safeParse(event);
    if (!parsed.success) throw new NotFoundError('NOTIFY_TEMPLATE_NOT_FOUND', '没有这种通知');
    const ev = parsed.data;
    const vars = NOTIFY_EVENTS[ev].vars;
    const bad = Object.entries(body.fields).filter(([k, v]) => !fieldTypeOf(k) || !(v in vars));
    if (bad.length) {
      throw new ValidationError(
        `字段引用了“${NOTIFY_EVENTS[ev].title}”没有的内容：${bad.map(([k, v]) => `${k}→${v}`).join('、')}`,
        bad.map(([k, v]) => ({
          path: `fields.${k}`,
          message: `“${v}”不是这种通知的内容`,
          code: 'NOTIFY_FIELD_UNKNOWN',
        })),
        'NOTIFY_FIELD_UNKNOWN',
      );
    }
    if (body.enabled && body.templateId && !Object.keys(body.fields).length) {
      throw new ValidationError('启用的模板至少要有一个字段', [
        { path: 'fields', message: '请至少配置一个字段', code: 'VALIDATION_FAILED' },
      ]);
    }
    await this.ensureDefaults();
    const now = this.deps.clock.now();
    const saved = await this.deps.tx.run(async (m) => {
      const repo = m.getRepository(NotifyTemplateEntity);
      const before = await repo.findOneByOrFail({ event: ev });
      const res = await m
        .createQueryBuilder()
        .update(NotifyTemplateEntity)
        .set({
          templateId: body.templateId,
          fields: body.fields,
          page: body.page,
          scenes: [...new Set(body.scenes)],
          enabled: body.enabled,
          version: () => 'version + 1',
          updatedAt: now,
        })
        .where('event = :event AND version = :v', { event: ev, v: body.version })
        .execute();
      if (res.affected !== 1) throw new VersionConflictError(toDto(before));
      const after = await repo.findOneByOrFail({ event: ev });
      await this.deps.audit.record(m, actor, {
        action: 'notify_template.update',
        entity: 'notify_template',
        entityId: ev,
        before: toDto(before),
        after: toDto(after),
      });
      return after;
    });
    return toDto(saved);
  }

  /** Templates of `scene` for this user, offered to `requestSubscribeMessage` (and remembered, so consent can be trusted). */
  async offer(
    user: { userId: number; role: string },
    scene: NotifyScene,
    orderType?: 'delivery' | 'pickup',
  ): Promise<OfferedTemplatesResponse> {
    const audience = audienceOf(user.role);
    const [rows, prefs] = await Promise.all([
      this.list(),
      this.deps.db.getRepository(NotifyPrefEntity).findBy({ userId: user.userId, enabled: false }),
    ]);
    const off = new Set(prefs.map((p) => p.event));
    const skip = orderType === 'delivery' ? PICKUP_ONLY : orderType === 'pickup' ? DELIVERY_ONLY : [];
    const seen = new Set<string>();
    const items = rows.items
      .filter(
        (t) =>
          t.templateId !== null &&
          t.enabled &&
          t.audience === audience &&
          t.scenes.includes(scene) &&
          !off.has(t.event) &&
          !skip.includes(t.event),
      )
      // One template may carry several events; WeChat asks about each id once.
      .filter((t) => !seen.has(t.templateId!) && seen.add(t.templateId!))
      .slice(0, MAX_TEMPLATES_PER_REQUEST)
      .map((t) => ({ templateId: t.templateId!, event: t.event, title: t.title }));
    if (items.length) {
      await this.deps.db.getRepository(NotifyOfferEntity).insert({
        userId: user.userId,
        scene,
        templateIds: items.map((i) => i.templateId),
        expiresAt: new Date(this.deps.clock.now().getTime() + OFFER_TTL_MS),
        usedAt: null,
      });
    }
    return { items };
  }

  /**
   * What `requestSubscribeMessage` answered. Only ids of this user's open offers for the scene count,
   * each offer once; `accept` adds one allowance (up to MAX_ALLOWANCE), anything else adds none.
   */
  async consent(
    user: { userId: number; role: string },
    body: SubscribeConsentBody,
  ): Promise<SubscribeConsentResponse> {
    const now = this.deps.clock.now();
    const result = await this.deps.tx.run(async (m) => {
      const offers = await m.getRepository(NotifyOfferEntity).findBy({
        userId: user.userId,
        scene: body.scene,
        usedAt: IsNull(),
        expiresAt: MoreThan(now),
      });
      const offered = new Set(offers.flatMap((o) => o.templateIds));
      const ignored: string[] = [];
      const accepted: string[] = [];
      for (const [templateId, answer] of Object.entries(body.results)) {
        if (!offered.has(templateId)) ignored.push(templateId);
        else if (answer === 'accept') accepted.push(templateId);
      }
      if (offers.length) {
        await m
          .createQueryBuilder()
          .update(NotifyOfferEntity)
          .set({ usedAt: now })
          .where({ id: In(offers.map((o) => o.id)) })
          .andWhere('used_at IS NULL')
          .execute();
      }
      for (const templateId of accepted) {
        const repo = m.getRepository(NotifyAllowanceEntity);
        const had = await repo.findOneBy({ userId: user.userId, templateId });
        if (!had) await repo.insert({ userId: user.userId, templateId, remaining: 1, updatedAt: now });
        else
          await repo.update(
            { userId: user.userId, templateId },
            { remaining: Math.min(MAX_ALLOWANCE, had.remaining + 1), updatedAt: now },
          );
      }
      return { accepted, ignored };
    });
    const templates = (await this.list()).items;
    const allowances = await this.deps.db
      .getRepository(NotifyAllowanceEntity)
      .findBy({ userId: user.userId, templateId: In([...new Set(Object.keys(body.results))]) });
    return {
      accepted: result.accepted.length,
      ignored: result.ignored,
      allowances: allowances.flatMap((a) => {
        const t = templates.find((x) => x.templateId === a.templateId);
        return t ? [{ templateId: a.templateId, event: t.event, remaining: a.remaining }] : [];
      }),
    };
  }

  /** 我的 → 消息通知: the events that reach this user, on or off, with what is left to send. */
  async preferences(user: { userId: number; role: string }): Promise<NotifyPreferencesResponse> {
    const audience = audienceOf(user.role);
    const [templates, prefs, allowances] = await Promise.all([
      this.list(),
      this.deps.db.getRepository(NotifyPrefEntity).findBy({ userId: user.userId }),
      this.deps.db.getRepository(NotifyAllowanceEntity).findBy({ userId: user.userId }),
    ]);
    const items: NotifyPreference[] = templates.items
      .filter((t) => t.audience === audience)
      .map((t) => ({
        event: t.event,
        title: t.title,
        enabled: prefs.find((p) => p.event === t.event)?.enabled ?? true,
        remaining: allowances.find((a) => a.templateId === t.templateId)?.remaining ?? 0,
        available: t.templateId !== null && t.enabled,
      }));
    return { items };
  }

  async setPreference(
    user: { userId: number; role: string },
    event: string,
    enabled: boolean,
  ): Promise<NotifyPreference> {
    const parsed = NotifyEvent.safeParse(event);
    if (!parsed.success || NOTIFY_EVENTS[parsed.data].audience !== audienceOf(user.role)) {
      throw new NotFoundError('NOTIFY_TEMPLATE_NOT_FOUND', '没有这种通知');
    }
    await this.deps.db
      .getRepository(NotifyPrefEntity)
      .save({ userId: user.userId, event: parsed.data, enabled, updatedAt: this.deps.clock.now() });
    const all = await this.preferences(user);
    return all.items.find((i) => i.event === parsed.data)!;
  }

  /** Deletes offers that ended a day ago (the periodic tick). */
  async pruneOffers(): Promise<void> {
    await this.deps.db
      .createQueryBuilder()
      .delete()
      .from(NotifyOfferEntity)
      .where('expires_at < :t', { t: new Date(this.deps.clock.now().getTime() - 24 * 3600_000) })
      .execute();
  }
}
