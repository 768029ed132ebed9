import { createHash, randomBytes } from 'node:crypto';
import { type Answer, fail, rfc3339 } from './pay-common';
import type { MockBillFaults, MockPayTransaction } from './pay-types';

/** The columns of WeChat Pay's trade bill of type ALL, in its order. */
export const TRADE_BILL_HEADER = [
  '交易时间',
  '公众账号ID',
  '商户号',
  '特约商户号',
  '设备号',
  '微信订单号',
  '商户订单号',
  '用户标识',
  '交易类型',
  '交易状态',
  '付款银行',
  '货币种类',
  '应结订单金额',
  '代金券金额',
  '微信退款单号',
  '商户退款单号',
  '退款金额',
  '充值券退款金额',
  '退款类型',
  '退款状态',
  '商品名称',
  '商户数据包',
  '手续费',
  '费率',
  '订单金额',
  '申请退款金额',
  '费率备注',
] as const;

/** The columns of the summary that closes a trade bill. */
export const TRADE_BILL_SUMMARY_HEADER = [
  '总交易单数',
  '应结订单总金额',
  '退款总金额',
  '充值券退款总金额',
  '手续费总金额',
  '订单总金额',
  '申请退款总金额',
] as const;

/** The fee WeChat keeps on a payment (and gives back, in proportion, on its refunds). */
const FEE_RATE = 0.006;
/** How long a download_url works, as WeChat documents it. */
const DOWNLOAD_TTL_MS = 30_000;

/** Fen as yuan with two decimals, without floating point: 1230 → `12.30`, -24 → `-0.24`. */
export function fenToYuan(fen: number): string {
  const abs = Math.abs(fen);
  return `${fen < 0 ? '-' : ''}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

/** `2026-12-01T18:00:00+08:00` → `2026-12-01 18:00:00` (all mock times are Beijing time already). */
const billTime = (rfc: string): string => rfc.slice(0, 19).replace('T', ' ');
const dayOf = (rfc: string): string => rfc.slice(0, 10);
/** WeChat puts a backtick before every field of the data lines so Excel keeps long numbers as text. */
const line = (cells: readonly string[]): string => cells.map((c) => `\`${c}`).join(',');

type Column = (typeof TRADE_BILL_HEADER)[number];
/** The cells of one data line in header order; columns not given are empty. */
const cellsOf = (v: Partial<Record<Column, string>>): string[] => TRADE_BILL_HEADER.map((c) => v[c] ?? '');

interface Row {
  time: string;
  cells: string[];
  settleFen: number;
  refundFen: number;
  feeFen: number;
}

/** The lines a `broken` fault inserts: alternately one column short, and one whose 商品名称 opens a quote never closed. */
function brokenLine(i: number, billDate: string, mchid: string): string {
  const cells = cellsOf({
    交易时间: `${billDate} 12:00:00`,
    商户号: mchid,
    微信订单号: `4200BROKEN${i + 1}`,
    商户订单号: `BROKEN${i + 1}`,
    交易类型: 'JSAPI',
    交易状态: 'SUCCESS',
    应结订单金额: '1.00',
    商品名称: '商品',
    订单金额: '1.00',
  });
  if (i % 2 === 0) return line(cells.slice(0, -1));
  const name = TRADE_BILL_HEADER.indexOf('商品名称');
  return cells.map((c, k) => (k === name ? `"${c}` : `\`${c}`)).join(',');
}

/**
 * The CSV WeChat serves as the ALL trade bill of `billDate` (`YYYY-MM-DD`, Beijing time): the header, one
 * line per payment whose success_time and per successful refund whose success time is on that day (in time
 * order), then the summary of the lines written. `faults` change only the file; `trades` counts the true records.
 */
export function buildTradeBill(o: {
  billDate: string;
  mchid: string;
  transactions: Iterable<MockPayTransaction>;
  faults?: MockBillFaults;
}): { csv: string; trades: number } {
  const faults = o.faults ?? {};
  const drop = new Set(faults.drop ?? []);
  const amount = (key: string, fen: number): number => faults.alter?.[key] ?? fen;
  const rows: Row[] = [];
  let trades = 0;
  for (const t of o.transactions) {
    const common = {
      公众账号ID: t.appid,
      商户号: o.mchid,
      特约商户号: '0',
      微信订单号: t.transactionId ?? '',
      商户订单号: t.outTradeNo,
      用户标识: t.openid,
      交易类型: 'JSAPI',
      付款银行: 'OTHERS',
      货币种类: 'CNY',
      代金券金额: '0.00',
      充值券退款金额: '0.00',
      商品名称: t.description,
      费率: '0.60%',
    };
    if (t.transactionId && t.successTime && t.paidFen !== null && dayOf(t.successTime) === o.billDate) {
      trades++;
      const fen = amount(t.outTradeNo, t.paidFen);
      const fee = Math.round(fen * FEE_RATE);
      if (!drop.has(t.outTradeNo)) {
        const yuan = fenToYuan(fen);
        const cells = cellsOf({
          ...common,
          交易时间: billTime(t.successTime),
          交易状态: 'SUCCESS',
          应结订单金额: yuan,
          微信退款单号: '0',
          商户退款单号: '0',
          退款金额: '0.00',
          手续费: fenToYuan(fee),
          订单金额: yuan,
          申请退款金额: '0.00',
        });
        rows.push({ time: t.successTime, cells, settleFen: fen, refundFen: 0, feeFen: fee });
      }
    }
    for (const r of t.refunds) {
      if (r.status !== 'SUCCESS' || !r.successTime || dayOf(r.successTime) !== o.billDate) continue;
      trades++;
      if (drop.has(r.outRefundNo)) continue;
      const fen = amount(r.outRefundNo, r.refundFen);
      const fee = -Math.round(fen * FEE_RATE); // WeChat gives back the fee of the refunded part: negative
      const yuan = fenToYuan(fen);
      const cells = cellsOf({
        ...common,
        交易时间: billTime(r.successTime),
        交易状态: 'REFUND',
        应结订单金额: '0.00',
        微信退款单号: r.refundId,
        商户退款单号: r.outRefundNo,
        退款金额: yuan,
        退款类型: 'ORIGINAL',
        退款状态: 'SUCCESS',
        手续费: fenToYuan(fee),
        订单金额: '0.00',
        申请退款金额: yuan,
      });
      rows.push({ time: r.successTime, cells, settleFen: 0, refundFen: fen, feeFen: fee });
    }
  }
  rows.sort((a, b) => (a.time < b.time ? -1 : a.time > b.time ? 1 : 0));
  const lines = rows.map((r) => line(r.cells));
  for (let i = 0; i < (faults.broken ?? 0); i++) {
    lines.splice(Math.min(lines.length, 2 * i + 1), 0, brokenLine(i, o.billDate, o.mchid));
  }
  const sum = (f: (r: Row) => number): string => fenToYuan(rows.reduce((s, r) => s + f(r), 0));
  const settle = sum((r) => r.settleFen);
  const refund = sum((r) => r.refundFen);
  const summary = [String(rows.length), settle, refund, '0.00', sum((r) => r.feeFen), settle, refund];
  const text = [TRADE_BILL_HEADER.join(','), ...lines, TRADE_BILL_SUMMARY_HEADER.join(','), line(summary)];
  return { csv: `${text.join('\r\n')}\r\n`, trades };
}

/** What the bill part of the mock needs: merchant, clock, orders, its own URL and the current faults. */
export interface BillsDeps {
  mchid: string;
  now: () => Date;
  transactions: ReadonlyMap<string, MockPayTransaction>;
  baseUrl: () => string;
  faults: () => MockBillFaults;
}

/** `GET /v3/bill/tradebill` and `GET /v3/billdownload/file?token=`. */
export interface MockBills {
  tradeBill(url: URL): Answer;
  download(url: URL): Answer;
}

const isCalendarDate = (s: string): boolean =>
  /^\d{4}-\d\d-\d\d$/.test(s) && new Date(`${s}T00:00:00Z`).toISOString().slice(0, 10) === s;

/** Creates the bill part of the mock: each tradebill request snapshots the file behind a 30-second token. */
export function createBills(deps: BillsDeps): MockBills {
  const files = new Map<string, { csv: string; expiresMs: number }>();

  const tradeBill = (url: URL): Answer => {
    const billDate = url.searchParams.get('bill_date') ?? '';
    const billType = url.searchParams.get('bill_type') ?? 'ALL';
    if (!isCalendarDate(billDate)) return fail(400, 'PARAM_ERROR', 'bill_date 必须是 yyyy-MM-DD 格式的日期');
    if (billType !== 'ALL')
      return fail(400, 'PARAM_ERROR', `mock 只提供 ALL 账单，不支持 bill_type=${billType}`);
    if (url.searchParams.has('tar_type')) return fail(400, 'PARAM_ERROR', 'mock 不提供压缩账单（tar_type）');
    if (billDate >= rfc3339(deps.now()).slice(0, 10)) return fail(400, 'INVALID_REQUEST', '账单尚未生成');
    const { csv, trades } = buildTradeBill({
      billDate,
      mchid: deps.mchid,
      transactions: deps.transactions.values(),
      faults: deps.faults(),
    });
    if (trades === 0) return fail(400, 'NO_STATEMENT_EXIST', '请求的账单文件不存在');
    const token = randomBytes(24).toString('base64url');
    files.set(token, { csv, expiresMs: deps.now().getTime() + DOWNLOAD_TTL_MS });
    return {
      status: 200,
      body: {
        hash_type: 'SHA1',
        hash_value: createHash('sha1').update(csv, 'utf8').digest('hex'),
        download_url: `${deps.baseUrl()}/v3/billdownload/file?token=${token}`,
      },
    };
  };

  const download = (url: URL): Answer => {
    const file = files.get(url.searchParams.get('token') ?? '');
    if (!file || deps.now().getTime() > file.expiresMs) {
      return fail(400, 'INVALID_REQUEST', '下载地址无效或已过期，请重新申请账单');
    }
    return { status: 200, file: { contentType: 'text/plain; charset=utf-8', text: file.csv } };
  };

  return { tradeBill, download };
}
