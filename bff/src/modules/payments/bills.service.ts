import { And, IsNull, LessThan, MoreThanOrEqual, Not, type DataSource } from 'typeorm';
import { z } from 'zod';
import { BillDate, type BillDifference, type BillReport } from '@omni/shared-types';
import type { WechatPay } from '../../adapters/wechat/wechat-pay';
import type { Clock } from '../../clock';
import type { TxRunner } from '../../db/tx';
import { AppError, NotFoundError, ValidationError } from '../../http/errors';
import { shanghaiDate } from '../../lib/shanghai-time';
import type { Logger } from '../../logger';
import type { JobsService } from '../jobs/jobs.service';
import type { AlertsService } from '../ops/alerts.service';
import { OrderEntity } from '../orders/order.entity';
import { BillReportEntity } from './bill.entity';
import { parseTradeBill, type BillLine } from './bill-parse';
import { RefundEntity } from './refund.entity';

const RECONCILE = 'bill.reconcile';
/** WeChat publishes a day's bill after 10:00 the next day (Asia/Shanghai). */
const READY_HOUR = 10;

/** The UTC instants a Shanghai calendar day spans: [start, end). */
function shanghaiDay(date: string): { start: Date; end: Date } {
  const start = new Date(`${date}T00:00:00+08:00`);
  return { start, end: new Date(start.getTime() + 86_400_000) };
}

/** Ours against theirs by key and amount; pure, so it is tested on its own. */
export function compareBill(
  ours: BillLine[],
  theirs: BillLine[],
): Pick<BillReport, 'matched' | 'missingOurs' | 'missingTheirs' | 'amountMismatches'> {
  const id = (l: BillLine) => `${l.kind}:${l.key}`;
  const mine = new Map(ours.map((l) => [id(l), l]));
  const wechat = new Map(theirs.map((l) => [id(l), l]));
  const diff = (l: BillLine, oursFen: number | null, theirsFen: number | null): BillDifference => ({
    kind: l.kind,
    key: l.key,
    oursFen,
    theirsFen,
  });
  let matched = 0;
  const missingOurs: BillDifference[] = [];
  const missingTheirs: BillDifference[] = [];
  const amountMismatches: BillDifference[] = [];
  for (const [k, t] of wechat) {
    const o = mine.get(k);
    if (!o) missingOurs.push(diff(t, null, t.amountFen));
    else if (o.amountFen !== t.amountFen) amountMismatches.push(diff(t, o.amountFen, t.amountFen));
    else matched++;
  }
  for (const [k, o] of mine) if (!wechat.has(k)) missingTheirs.push(diff(o, o.amountFen, null));
  return { matched, missingOurs, missingTheirs, amountMismatches };
}

/**
 * The daily 对账: WeChat Pay's trade bill of a day against our payments and refunds of that day,
 * stored as a report admins read; any difference raises an ops alert.
 */
export class BillsService {
  constructor(
    private readonly deps: {
      db: DataSource;
      tx: TxRunner;
      wechatPay: WechatPay;
      jobs: JobsService;
      alerts: AlertsService;
      clock: Clock;
      log: Logger;
    },
  ) {
    deps.jobs.register(RECONCILE, {
      schema: z.object({ billDate: BillDate }),
      handle: async (p) => {
        await this.reconcile(p.billDate);
      },
      maxAttempts: 8,
      backoff: { baseS: 300, maxS: 3 * 3600 },
    });
  }

  /** Enqueues yesterday's reconciliation once its bill is published (called by every instance's tick; runs once). */
  async scheduleDaily(): Promise<void> {
    const now = this.deps.clock.now();
    const hour = Number(
      new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Shanghai', hour: '2-digit', hour12: false }).format(
        now,
      ),
    );
    if (hour < READY_HOUR) return;
    const yesterday = shanghaiDate(new Date(now.getTime() - 86_400_000));
    await this.deps.tx.run((m) =>
      this.deps.jobs.enqueue(
        m,
        RECONCILE,
        { billDate: yesterday },
        { dedupeKey: `${RECONCILE}:${yesterday}` },
      ),
    );
  }

  /** Downloads, matches and stores the report of `billDate` (a past day); a transient WeChat failure throws (the job retries). */
  async reconcile(billDate: string): Promise<BillReport> {
    if (!BillDate.safeParse(billDate).success || Number.isNaN(Date.parse(`${billDate}T00:00:00+08:00`))) {
      throw new ValidationError('账单日期必须是 YYYY-MM-DD', [
        { path: 'date', message: 'must be YYYY-MM-DD' },
      ]);
    }
    if (billDate >= shanghaiDate(this.deps.clock.now())) {
      throw new ValidationError('只能对账已经结束的日期', [{ path: 'date', message: 'must be a past day' }]);
    }
    let text: string | null;
    try {
      text = await this.deps.wechatPay.tradeBill(billDate);
    } catch (err) {
      if (err instanceof AppError && err.status === 503) throw err;
      const message = `${(err as Error).message} ${String((err as { cause?: unknown }).cause ?? '')}`.trim();
      return this.store(billDate, { status: 'failed', error: message.slice(0, 500) });
    }
    const bill = parseTradeBill(text ?? '');
    const ours = await this.ours(billDate);
    const result = compareBill(ours, bill.lines);
    const clean =
      !result.missingOurs.length &&
      !result.missingTheirs.length &&
      !result.amountMismatches.length &&
      !bill.broken.length;
    return this.store(billDate, {
      status: clean ? 'balanced' : 'mismatch',
      ...result,
      brokenLines: bill.broken,
      paymentsFen: bill.lines.filter((l) => l.kind === 'payment').reduce((n, l) => n + l.amountFen, 0),
      refundsFen: bill.lines.filter((l) => l.kind === 'refund').reduce((n, l) => n + l.amountFen, 0),
    });
  }

  /** Our payments (by paid time) and successful refunds (by WeChat's success time) of that Shanghai day. */
  private async ours(billDate: string): Promise<BillLine[]> {
    const { start, end } = shanghaiDay(billDate);
    const within = And(MoreThanOrEqual(start), LessThan(end));
    const [orders, refunds] = await Promise.all([
      this.deps.db
        .getRepository(OrderEntity)
        .find({ where: { paidAt: within, transactionId: Not(IsNull()) } }),
      this.deps.db.getRepository(RefundEntity).find({ where: { status: 'success', settledAt: within } }),
    ]);
    return [
      ...orders.map((o) => ({ kind: 'payment' as const, key: o.orderNo, amountFen: o.totalFen, line: 0 })),
      ...refunds.map((r) => ({ kind: 'refund' as const, key: r.refundNo, amountFen: r.amountFen, line: 0 })),
    ];
  }

  private async store(
    billDate: string,
    r: Partial<BillReport> & Pick<BillReport, 'status'>,
  ): Promise<BillReport> {
    const report: BillReport = {
      billDate,
      status: r.status,
      matched: r.matched ?? 0,
      paymentsFen: r.paymentsFen ?? 0,
      refundsFen: r.refundsFen ?? 0,
      missingOurs: r.missingOurs ?? [],
      missingTheirs: r.missingTheirs ?? [],
      amountMismatches: r.amountMismatches ?? [],
      brokenLines: r.brokenLines ?? [],
      error: r.error ?? null,
      createdAt: this.deps.clock.now().toISOString(),
    };
    await this.deps.tx.run(async (m) => {
      const repo = m.getRepository(BillReportEntity);
      await repo.delete({ billDate });
      await repo.insert({
        billDate,
        status: report.status,
        matched: report.matched,
        paymentsFen: report.paymentsFen,
        refundsFen: report.refundsFen,
        details: JSON.stringify({
          missingOurs: report.missingOurs,
          missingTheirs: report.missingTheirs,
          amountMismatches: report.amountMismatches,
          brokenLines: report.brokenLines,
        }),
        error: report.error,
        createdAt: new Date(report.createdAt),
      });
      if (report.status !== 'balanced') {
        const n =
          report.missingOurs.length +
          report.missingTheirs.length +
          report.amountMismatches.length +
          report.brokenLines.length;
        await this.deps.alerts.raise(
          {
            kind: report.status === 'failed' ? 'bill_failed' : 'bill_mismatch',
            severity: 'critical',
            message:
              report.status === 'failed'
                ? `${billDate} 微信支付账单无法对账：${report.error ?? ''}`
                : `${billDate} 微信支付对账不平：${n} 处差异`,
            details: report,
          },
          m,
        );
      }
    });
    return report;
  }

  /** One day's report. */
  async get(billDate: string): Promise<BillReport> {
    const row = await this.deps.db.getRepository(BillReportEntity).findOneBy({ billDate });
    if (!row) throw new NotFoundError('BILL_NOT_FOUND', '该日还没有对账报告');
    return toReport(row);
  }

  /** The latest reports, newest day first. */
  async list(limit = 60): Promise<BillReport[]> {
    const rows = await this.deps.db
      .getRepository(BillReportEntity)
      .find({ order: { billDate: 'DESC' }, take: limit });
    return rows.map(toReport);
  }
}

function toReport(r: BillReportEntity): BillReport {
  const d = JSON.parse(r.details) as Pick<
    BillReport,
    'missingOurs' | 'missingTheirs' | 'amountMismatches' | 'brokenLines'
  >;
  return {
    billDate: r.billDate,
    status: r.status,
    matched: r.matched,
    paymentsFen: r.paymentsFen,
    refundsFen: r.refundsFen,
    ...d,
    error: r.error,
    createdAt: r.createdAt.toISOString(),
  };
}
