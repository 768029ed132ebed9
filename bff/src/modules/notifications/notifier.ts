// The outbox of what people should hear about. `enqueueIn` writes a notification row and its
// `notify.send` job inside the caller's transaction (no message for a change that rolled back, no
// change without its message); the job, claimed by lease on any instance, spends the recipient's
// one-time allowance and sends through WeChat once, retrying what can be retried.
import { z } from 'zod';
import { In, type DataSource, type EntityManager } from 'typeorm';
import {
  NOTIFY_EVENTS,
  type NotificationListQuery,
  type NotificationListResponse,
  type NotificationRow,
  type NotificationStats,
  type NotificationStatus,
  type NotifyEvent,
} from '@omni/shared-types';
import type { Clock } from '../../clock';
import type { TxRunner } from '../../db/tx';
import { ConflictError, NotFoundError } from '../../http/errors';
import type { Logger } from '../../logger';
import type { WechatMpApi } from '../../adapters/wechat/mp-api';
import { PermanentJobError, RetryLater, backoffS, type JobsService } from '../jobs/jobs.service';
import { JobEntity } from '../jobs/job.entity';
import { UserEntity } from '../users/user.entity';
import { fitFields, type NotifyValue } from './fit';
import { NotificationEntity, NotifyAllowanceEntity, NotifyPrefEntity } from './notify.entity';
import type { NotifyTemplates } from './templates';

export const NOTIFY_JOB = 'notify.send';
// 5 s doubling up to 10 min, half of it random: about 15–30 minutes of a WeChat outage are ridden
// out before a message becomes a dead letter (re-driven from the console).
const MAX_ATTEMPTS = 10;
const BACKOFF = { baseS: 5, maxS: 10 * 60 };
const ERROR_MAX = 500;

/** Who a message is for: a WeChat identity (users.id) in a role. */
export interface Recipient {
  userId: number;
  role: 'consumer' | 'staff' | 'courier';
}

/** One thing to tell: the event, for whom, its values, and what it is about. */
export interface NotifyRequest {
  event: NotifyEvent;
  recipients: Recipient[];
  /** What makes this occurrence unique (e.g. `order:42`, `case:7:approved`); with recipient and template it is the send's idempotency key. */
  key: string;
  vars: Record<string, NotifyValue>;
  orderId?: number | null;
  caseId?: number | null;
  /** Values for the page's `{orderId}`, `{caseId}`, `{date}`. */
  pageVars?: Record<string, string | number>;
}

/** A shipping-info upload owed for a paid order (发货信息录入). */
export interface ShippingRequest {
  kind: 'delivery' | 'pickup';
  orderId: number;
  userId: number;
  transactionId: string;
  itemDesc: string;
  /** Masked phones (`138****1234`). */
  receiverContact?: string;
  consignorContact?: string;
}

const JobPayload = z.object({ id: z.number().int() });

function fillPage(page: string, vars: Record<string, string | number>): string {
  return page.replace(/\{(\w+)\}/g, (_, k: string) => encodeURIComponent(String(vars[k] ?? '')));
}

/** The outbox: writes rows with their jobs, sends them, lists them for admins. */
export class Notifier {
  constructor(
    private readonly deps: {
      db: DataSource;
      tx: TxRunner;
      jobs: JobsService;
      templates: NotifyTemplates;
      wechat: WechatMpApi;
      clock: Clock;
      log: Logger;
      /** `developer` | `trial` | `formal`: which build of the mini-program a card opens. */
      miniprogramState: 'developer' | 'trial' | 'formal';
    },
  ) {
    deps.jobs.register(NOTIFY_JOB, {
      schema: JobPayload,
      maxAttempts: MAX_ATTEMPTS + 2,
      handle: (p, job) => this.send(p.id, job.attempt),
    });
  }

  /** The WeChat client this instance sends with (its counters: metrics, tests). */
  get wechat(): WechatMpApi {
    return this.deps.wechat;
  }

  /**
   * Writes one row per recipient (and its job) inside `m`. A repeated request (same event, key,
   * recipient and template) writes nothing. An event without a configured, enabled template is
   * recorded as `skipped_disabled` so admins see what was not sent.
   */
  async enqueueIn(m: EntityManager, r: NotifyRequest): Promise<void> {
    if (!r.recipients.length) return;
    const t = await this.deps.templates.get(r.event, m);
    const now = this.deps.clock.now();
    const users = await m.getRepository(UserEntity).findBy({ id: In(r.recipients.map((x) => x.userId)) });
    const openidOf = new Map(users.map((u) => [u.id, u.openid]));
    const usable = t.templateId !== null && t.enabled;
    const { data, missing } = fitFields(t.fields, r.vars);
    const page = fillPage(t.page, r.pageVars ?? {});
    for (const rc of r.recipients) {
      const dedupeKey = `${r.event}:${r.key}:u${rc.userId}:${t.templateId ?? '-'}`.slice(0, 160);
      const status: NotificationStatus = usable ? 'pending' : 'skipped_disabled';
      await m
        .createQueryBuilder()
        .insert()
        .into(NotificationEntity)
        .values({
          dedupeKey,
          event: r.event,
          channel: 'subscribe',
          userId: rc.userId,
          recipientRole: rc.role,
          openid: openidOf.get(rc.userId) ?? null,
          templateId: t.templateId,
          orderId: r.orderId ?? null,
          caseId: r.caseId ?? null,
          page,
          data: JSON.stringify(data),
          status,
          attempts: 0,
          allowanceSpent: false,
          lastError: usable
            ? missing.length
              ? `模板字段 ${missing.join('、')} 没有对应的内容，已略去`
              : null
            : t.templateId === null
              ? '商家未配置该通知的微信模板'
              : '该通知已停用',
          errcode: null,
          nextAttemptAt: usable ? now : null,
          createdAt: now,
          updatedAt: now,
          sentAt: null,
        })
        .orIgnore()
        .execute();
      if (!usable) continue;
      await this.enqueueJob(m, dedupeKey);
    }
  }

  /** Records a shipping-info upload owed to WeChat, inside `m` (once per order and kind). */
  async enqueueShippingIn(m: EntityManager, s: ShippingRequest): Promise<void> {
    const now = this.deps.clock.now();
    const user = await m.getRepository(UserEntity).findOneBy({ id: s.userId });
    const body = {
      order_key: { order_number_type: 2, transaction_id: s.transactionId },
      // 2 同城配送 (our couriers), 4 用户自提.
      logistics_type: s.kind === 'delivery' ? 2 : 4,
      delivery_mode: 1,
      shipping_list: [
        {
          item_desc: s.itemDesc,
          ...(s.receiverContact || s.consignorContact
            ? {
                contact: {
                  ...(s.consignorContact ? { consignor_contact: s.consignorContact } : {}),
                  ...(s.receiverContact ? { receiver_contact: s.receiverContact } : {}),
                },
              }
            : {}),
        },
      ],
      payer: { openid: user?.openid ?? '' },
    };
    const event = s.kind === 'delivery' ? 'shipping_delivery' : 'shipping_pickup';
    await m
      .createQueryBuilder()
      .insert()
      .into(NotificationEntity)
      .values({
        dedupeKey: `shipping:${s.orderId}`,
        event,
        channel: 'shipping',
        userId: s.userId,
        recipientRole: 'wechat',
        openid: user?.openid ?? null,
        templateId: null,
        orderId: s.orderId,
        caseId: null,
        page: null,
        data: JSON.stringify(body),
        status: 'pending',
        attempts: 0,
        allowanceSpent: false,
        lastError: null,
        errcode: null,
        nextAttemptAt: now,
        createdAt: now,
        updatedAt: now,
        sentAt: null,
      })
      .orIgnore()
      .execute();
    await this.enqueueJob(m, `shipping:${s.orderId}`);
  }

  /**
   * The row's job, by the row's key (an INSERT that was ignored reports no reliable id on every
   * driver); a row that already had its job keeps it (the job's dedupe key).
   */
  private async enqueueJob(m: EntityManager, dedupeKey: string): Promise<void> {
    const row = await m
      .getRepository(NotificationEntity)
      .findOne({ where: { dedupeKey }, select: { id: true } });
    if (!row) return;
    await this.deps.jobs.enqueue(m, NOTIFY_JOB, { id: row.id }, { dedupeKey: `notify:${row.id}` });
  }

  /** The `notify.send` job: one row, once. */
  private async send(id: number, attempt: number): Promise<void> {
    const repo = this.deps.db.getRepository(NotificationEntity);
    const row = await repo.findOneBy({ id });
    if (!row || row.status === 'sent' || row.status.startsWith('skipped') || row.status === 'dead') return;
    if (row.channel === 'subscribe') {
      const allowed = await this.takeAllowance(row);
      if (!allowed) return;
    }
    const outcome =
      row.channel === 'shipping'
        ? await this.deps.wechat.uploadShipping({
            ...(JSON.parse(row.data) as object),
            upload_time: rfc3339Shanghai(this.deps.clock.now()),
          })
        : await this.deps.wechat.sendSubscribe({
            touser: row.openid ?? '',
            template_id: row.templateId ?? '',
            ...(row.page ? { page: row.page } : {}),
            data: JSON.parse(row.data) as Record<string, { value: string }>,
            miniprogram_state: this.deps.miniprogramState,
            lang: 'zh_CN',
          });
    const now = this.deps.clock.now();
    if (outcome.ok) {
      await this.update(id, {
        status: 'sent',
        sentAt: now,
        attempts: attempt,
        lastError: null,
        errcode: 0,
        nextAttemptAt: null,
      });
      return;
    }
    const errcode = outcome.errcode;
    if (outcome.kind === 'final' || outcome.kind === 'token') {
      // WeChat delivered nothing: the one-time allowance is not spent.
      if (row.channel === 'subscribe') await this.giveBack(row);
      if (errcode === 43101) {
        await this.update(id, {
          status: 'skipped_no_consent',
          attempts: attempt,
          errcode,
          lastError: '用户未订阅或已取消订阅（43101）',
          nextAttemptAt: null,
        });
        return;
      }
      const field = /data\.(\w+)\.value/.exec(outcome.message)?.[1];
      const message =
        errcode === 47003 && field
          ? `字段 ${field} 不符合微信模板规则（47003）: ${outcome.message}`
          : outcome.message;
      await this.update(id, {
        status: 'dead',
        attempts: attempt,
        errcode,
        lastError: message,
        nextAttemptAt: null,
      });
      throw new PermanentJobError(message);
    }
    if (attempt >= MAX_ATTEMPTS) {
      if (row.channel === 'subscribe') await this.giveBack(row);
      await this.update(id, {
        status: 'dead',
        attempts: attempt,
        errcode,
        lastError: `重试 ${attempt} 次仍失败: ${outcome.message}`,
        nextAttemptAt: null,
      });
      throw new PermanentJobError(outcome.message);
    }
    const waitS = backoffS(attempt, BACKOFF);
    await this.update(id, {
      status: 'retrying',
      attempts: attempt,
      errcode,
      lastError: outcome.message,
      nextAttemptAt: new Date(now.getTime() + waitS * 1000),
    });
    throw new RetryLater(outcome.message, waitS);
  }

  /** Takes one allowance for the row's user and template (once per row); false → recorded as skipped. */
  private async takeAllowance(row: NotificationEntity): Promise<boolean> {
    if (row.allowanceSpent) return true;
    const now = this.deps.clock.now();
    const result = await this.deps.tx.run(async (m) => {
      const pref = await m
        .getRepository(NotifyPrefEntity)
        .findOneBy({ userId: row.userId ?? -1, event: row.event });
      if (pref && !pref.enabled) return 'off' as const;
      const took = await m
        .createQueryBuilder()
        .update(NotifyAllowanceEntity)
        .set({ remaining: () => 'remaining - 1', updatedAt: now })
        .where('user_id = :u AND template_id = :t AND remaining > 0', { u: row.userId, t: row.templateId })
        .execute();
      if (took.affected !== 1) return 'none' as const;
      await m
        .createQueryBuilder()
        .update(NotificationEntity)
        .set({ allowanceSpent: true, updatedAt: now })
        .where('id = :id', { id: row.id })
        .execute();
      return 'ok' as const;
    });
    if (result === 'ok') return true;
    await this.update(row.id, {
      status: 'skipped_no_consent',
      lastError: result === 'off' ? '用户已在“消息通知”中关闭此类通知' : '用户没有可用的订阅次数',
      nextAttemptAt: null,
    });
    return false;
  }

  private async giveBack(row: NotificationEntity): Promise<void> {
    await this.deps.tx.run(async (m) => {
      const res = await m
        .createQueryBuilder()
        .update(NotificationEntity)
        .set({ allowanceSpent: false })
        .where('id = :id AND allowance_spent = :yes', { id: row.id, yes: true })
        .execute();
      if (res.affected !== 1) return;
      await m
        .createQueryBuilder()
        .update(NotifyAllowanceEntity)
        .set({ remaining: () => 'remaining + 1' })
        .where('user_id = :u AND template_id = :t', { u: row.userId, t: row.templateId })
        .execute();
    });
  }

  private async update(id: number, patch: Partial<NotificationEntity>): Promise<void> {
    if (patch.lastError) patch.lastError = patch.lastError.slice(0, ERROR_MAX);
    await this.deps.tx.run((m) =>
      m.getRepository(NotificationEntity).update({ id }, { ...patch, updatedAt: this.deps.clock.now() }),
    );
  }

  /** Outbox rows for admins, newest first. */
  async list(q: NotificationListQuery): Promise<NotificationListResponse> {
    const where: Record<string, unknown> = {};
    if (q.status) where.status = q.status;
    if (q.event) where.event = q.event;
    if (q.channel) where.channel = q.channel;
    if (q.orderId) where.orderId = q.orderId;
    const [rows, total] = await this.deps.db.getRepository(NotificationEntity).findAndCount({
      where,
      order: { id: 'DESC' },
      skip: (q.page - 1) * q.pageSize,
      take: q.pageSize,
    });
    return { items: rows.map(toRow), total, page: q.page, pageSize: q.pageSize };
  }

  /** Re-drives a dead letter: its job runs again from the first attempt. */
  async retry(id: number): Promise<NotificationRow> {
    const repo = this.deps.db.getRepository(NotificationEntity);
    const row = await repo.findOneBy({ id });
    if (!row) throw new NotFoundError('NOTIFICATION_NOT_FOUND', '通知记录不存在');
    if (row.status !== 'dead') throw new ConflictError('INVALID_STATE', '只有失败（死信）的通知可以重新发送');
    const job = await this.deps.db.getRepository(JobEntity).findOneBy({ dedupeKey: `notify:${id}` });
    const now = this.deps.clock.now();
    await this.deps.tx.run(async (m) => {
      await m
        .getRepository(NotificationEntity)
        .update({ id }, { status: 'pending', attempts: 0, nextAttemptAt: now, updatedAt: now });
      if (job) {
        await m.getRepository(JobEntity).update(
          { id: job.id },
          {
            status: 'pending',
            attempts: 0,
            runAt: now,
            finishedAt: null,
            leaseOwner: null,
            leaseUntil: null,
            updatedAt: now,
          },
        );
      } else {
        await this.deps.jobs.enqueue(m, NOTIFY_JOB, { id }, { dedupeKey: `notify:${id}` });
      }
    });
    this.deps.jobs.poke();
    return toRow((await repo.findOneBy({ id }))!);
  }

  /** Counts per event and status, all time and the last 24 hours. */
  async stats(): Promise<NotificationStats> {
    const now = this.deps.clock.now();
    const since = new Date(now.getTime() - 24 * 3600_000);
    const rows = await this.deps.db
      .getRepository(NotificationEntity)
      .createQueryBuilder('n')
      .select('n.event', 'event')
      .addSelect('n.status', 'status')
      .addSelect('COUNT(*)', 'count')
      .addSelect('SUM(CASE WHEN n.created_at >= :since THEN 1 ELSE 0 END)', 'last24h')
      .setParameter('since', since)
      .groupBy('n.event')
      .addGroupBy('n.status')
      .orderBy('n.event', 'ASC')
      .getRawMany<{
        event: string;
        status: NotificationStatus;
        count: string | number;
        last24h: string | number | null;
      }>();
    const items = rows.map((r) => ({
      event: r.event,
      status: r.status,
      count: Number(r.count),
      last24h: Number(r.last24h ?? 0),
    }));
    return {
      items,
      dead: items.filter((i) => i.status === 'dead').reduce((n, i) => n + i.count, 0),
      generatedAt: now.toISOString(),
    };
  }
}

/** `2026-12-08T18:01:02.345+08:00`: RFC 3339 in Asia/Shanghai, as WeChat's upload_time wants. */
export function rfc3339Shanghai(d: Date): string {
  return new Date(d.getTime() + 8 * 3600_000).toISOString().replace('Z', '+08:00');
}

export function toRow(n: NotificationEntity): NotificationRow {
  let data: unknown = n.data;
  try {
    data = JSON.parse(n.data);
  } catch {
    // shown as stored
  }
  return {
    id: n.id,
    event: n.event,
    channel: n.channel,
    recipient: { userId: n.userId, role: n.recipientRole, openid: n.openid },
    templateId: n.templateId,
    orderId: n.orderId,
    caseId: n.caseId,
    page: n.page,
    data,
    status: n.status,
    attempts: n.attempts,
    lastError: n.lastError,
    errcode: n.errcode,
    createdAt: n.createdAt.toISOString(),
    sentAt: n.sentAt?.toISOString() ?? null,
    nextAttemptAt: n.nextAttemptAt?.toISOString() ?? null,
  };
}

export const isNotifyEvent = (e: string): e is NotifyEvent => e in NOTIFY_EVENTS;
