import { parse } from 'csv-parse/sync';

/** One line of WeChat Pay's trade bill that we reconcile; amounts in fen. */
export interface BillLine {
  kind: 'payment' | 'refund';
  /** out_trade_no of a payment, out_refund_no of a refund. */
  key: string;
  amountFen: number;
  line: number;
}

/** What a trade bill holds: its lines and the lines that could not be read (1-based line numbers). */
export interface ParsedBill {
  lines: BillLine[];
  broken: Array<{ line: number; message: string }>;
}

const NEEDED = ['交易状态', '商户订单号', '应结订单金额', '商户退款单号', '退款金额'] as const;

/** `12.30` (yuan, WeChat writes two decimals) → 1230 fen; null when it is not an amount. */
export function yuanToFen(s: string): number | null {
  const m = /^(\d{1,12})(?:\.(\d{1,2}))?$/.exec(s);
  if (!m) return null;
  return Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
}

/**
 * Reads the CSV of `GET /v3/bill/tradebill` (type ALL): a header line, one line per payment
 * (交易状态 SUCCESS) or refund (REFUND), every field prefixed with a backtick, then the summary.
 * Each line is parsed on its own, so one broken line is reported and the others still count.
 */
export function parseTradeBill(text: string): ParsedBill {
  const rows = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const broken: ParsedBill['broken'] = [];
  const lines: BillLine[] = [];
  const header = readLine(rows[0] ?? '');
  const col = new Map((header ?? []).map((h, i) => [h, i]));
  const missing = NEEDED.filter((n) => !col.has(n));
  if (!header || missing.length) {
    return { lines, broken: [{ line: 1, message: `表头缺少列: ${missing.join('、') || '无法解析'}` }] };
  }
  for (let i = 1; i < rows.length; i++) {
    const raw = rows[i];
    if (!raw.trim()) continue;
    if (raw.startsWith('总交易单数')) break; // the summary: not lines to match
    const cells = readLine(raw);
    if (!cells || cells.length !== header.length) {
      broken.push({
        line: i + 1,
        message: cells ? `应有 ${header.length} 列，实有 ${cells.length} 列` : '无法解析',
      });
      continue;
    }
    const get = (name: (typeof NEEDED)[number]) => cells[col.get(name)!];
    const state = get('交易状态');
    const refund = state === 'REFUND';
    if (!refund && state !== 'SUCCESS') continue; // other states carry no money
    const key = refund ? get('商户退款单号') : get('商户订单号');
    const amountFen = yuanToFen(refund ? get('退款金额') : get('应结订单金额'));
    if (!key || key === '0' || amountFen === null) {
      broken.push({ line: i + 1, message: `${refund ? '退款单号或退款金额' : '订单号或金额'}无效` });
      continue;
    }
    lines.push({ kind: refund ? 'refund' : 'payment', key, amountFen, line: i + 1 });
  }
  return { lines, broken };
}

/** The cells of one CSV line without WeChat's leading backticks, or null when it is not valid CSV. */
function readLine(line: string): string[] | null {
  try {
    const records = parse(line, { relax_quotes: false, skip_empty_lines: false }) as string[][];
    if (records.length !== 1) return null;
    return records[0].map((c) => c.trim().replace(/^`/, ''));
  } catch {
    return null;
  }
}
