import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { z } from 'zod';
import {
  MaxPerOrderField,
  PRODUCT_CSV_OPTIONAL,
  PRODUCT_CSV_REQUIRED,
  PriceFenField,
  ProductNameField,
  STOCK_CSV_COLUMNS,
  SkuField,
  StockQuantityField,
  UnitField,
  VolumeLField,
  type ImportRowError,
} from '@omni/shared-types';
import { AppError, ValidationError } from '../../http/errors';

// Pure CSV handling of the catalogue import/export: bytes → rows with cell errors, rows → bytes.
// Nothing here touches the database; the import service checks what needs it (categories, SKUs).

const BOM = '\uFEFF';

/** The text of an uploaded file: UTF-8 with or without BOM, anything else → 400 CSV_ENCODING_INVALID. */
export function decodeCsv(bytes: Buffer): string {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new AppError(
      400,
      'CSV_ENCODING_INVALID',
      '文件不是 UTF-8 编码：请在 Excel 中“另存为 CSV UTF-8（逗号分隔）”后再导入',
    );
  }
  return text.startsWith(BOM) ? text.slice(BOM.length) : text;
}

/** One data row: `row` is its line in the file (header = 1), cells (untrimmed) by column name. */
export interface CsvRow {
  row: number;
  cells: Record<string, string>;
}

/**
 * Splits `text` into a header and rows. The header must hold every `required` column, may hold
 * `optional` ones, nothing else and nothing twice (any order) → else 400 CSV_HEADER_INVALID.
 */
export function readCsv(
  text: string,
  required: readonly string[],
  optional: readonly string[],
): { columns: string[]; rows: CsvRow[] } {
  let records: Array<{ record: string[]; info: { lines: number } }>;
  try {
    records = parse(text, {
      info: true,
      relax_column_count: true,
      skip_empty_lines: true,
    }) as unknown as typeof records;
  } catch (err) {
    throw new AppError(400, 'CSV_MALFORMED', `CSV 格式错误：${(err as Error).message.slice(0, 200)}`);
  }
  const expected = [...required, ...optional];
  const header = (records[0]?.record ?? []).map((h) => h.trim());
  const missing = required.filter((c) => !header.includes(c));
  const unknown = header.filter((c) => !expected.includes(c));
  const repeated = header.filter((c, i) => header.indexOf(c) !== i);
  if (!header.length || missing.length || unknown.length || repeated.length) {
    throw new AppError(
      400,
      'CSV_HEADER_INVALID',
      `表头不正确：第一行应为 ${required.join(',')}${optional.length ? `，可选 ${optional.join(',')}` : ''}`,
      { expected: { required, optional }, got: header, missing, unknown, repeated },
    );
  }
  const rows = records.slice(1).map(({ record, info }) => ({
    row: info.lines,
    cells: Object.fromEntries(header.map((c, i) => [c, record[i] ?? ''])),
  }));
  return { columns: header, rows };
}

/** Collects cell errors of one file. */
export class RowErrors {
  readonly list: ImportRowError[] = [];
  add(row: number, column: string, message: string): void {
    this.list.push({ row, column, message });
  }
}

/** Parses one cell with `schema`, recording the first issue's message; undefined when bad. */
export function cell<S extends z.ZodType>(
  errors: RowErrors,
  r: CsvRow,
  column: string,
  schema: S,
  value: unknown,
): z.output<S> | undefined {
  const res = schema.safeParse(value);
  if (res.success) return res.data;
  errors.add(r.row, column, res.error.issues[0]?.message ?? '格式不正确');
  return undefined;
}

const StatusCell = z.enum(['active', 'archived'], { error: '状态只能是 active 或 archived' });
const DescriptionCell = z.string().max(5000, { error: '描述最多 5000 个字符' });
const trimmed = (cells: Record<string, string>): Record<string, string> =>
  Object.fromEntries(Object.entries(cells).map(([k, v]) => [k, v.trim()]));

const INTEGER = /^-?\d+$/;
const DECIMAL = /^-?\d+(\.\d+)?$/;
/** A cell as a number when it is written as one; otherwise the text (so the schema names the error). */
const numeric = (s: string, re: RegExp) => (re.test(s) ? Number(s) : s);

/** A product row of the file, validated; optional columns absent or blank are undefined. */
export interface ProductCsvRow {
  row: number;
  sku: string;
  name: string;
  categoryId: string;
  priceFen: number;
  unit: string;
  description?: string;
  status?: 'active' | 'archived';
  volumeL?: number;
  maxPerOrder?: number;
}

/** Validates every cell of every product row against `categories` (the ids that exist); repeated SKUs are errors. */
export function productRows(
  text: string,
  categories: ReadonlySet<string>,
): { columns: string[]; rows: ProductCsvRow[]; errors: RowErrors } {
  const { columns, rows } = readCsv(text, PRODUCT_CSV_REQUIRED, PRODUCT_CSV_OPTIONAL);
  const errors = new RowErrors();
  const seen = new Map<string, number>();
  const out: ProductCsvRow[] = [];
  for (const r of rows) {
    const c = trimmed(r.cells);
    const before = errors.list.length;
    const sku = cell(errors, r, 'sku', SkuField, c.sku);
    if (sku !== undefined) {
      const first = seen.get(sku);
      if (first !== undefined) errors.add(r.row, 'sku', `SKU ${sku} 与第 ${first} 行重复`);
      else seen.set(sku, r.row);
    }
    const name = cell(errors, r, 'name', ProductNameField, c.name);
    const categoryId = c.categoryId;
    if (!categoryId) errors.add(r.row, 'categoryId', '分类必填');
    else if (!categories.has(categoryId)) errors.add(r.row, 'categoryId', `分类 ${categoryId} 不存在`);
    const priceFen = cell(errors, r, 'priceFen', PriceFenField, numeric(c.priceFen, INTEGER));
    const unit = cell(errors, r, 'unit', UnitField, c.unit);
    const row: ProductCsvRow = {
      row: r.row,
      sku: sku!,
      name: name!,
      categoryId,
      priceFen: priceFen!,
      unit: unit!,
    };
    // The description keeps its spaces, so an exported file imports back unchanged.
    if ('description' in r.cells)
      row.description = cell(errors, r, 'description', DescriptionCell, r.cells.description);
    if (c.status) row.status = cell(errors, r, 'status', StatusCell, c.status);
    if (c.volumeL) row.volumeL = cell(errors, r, 'volumeL', VolumeLField, numeric(c.volumeL, DECIMAL));
    if (c.maxPerOrder) {
      row.maxPerOrder = cell(errors, r, 'maxPerOrder', MaxPerOrderField, numeric(c.maxPerOrder, INTEGER));
    }
    if (errors.list.length === before) out.push(row);
  }
  return { columns, rows: out, errors };
}

/** A stock row of the file: `quantity` is units on hand. */
export interface StockCsvRow {
  row: number;
  storeCode: string;
  sku: string;
  quantity: number;
}

/** Validates every cell of every stock row against `storeCodes`; a (store, SKU) pair given twice is an error. */
export function stockRows(
  text: string,
  storeCodes: ReadonlySet<string>,
): { rows: StockCsvRow[]; errors: RowErrors } {
  const { rows } = readCsv(text, STOCK_CSV_COLUMNS, []);
  const errors = new RowErrors();
  const seen = new Map<string, number>();
  const out: StockCsvRow[] = [];
  for (const r of rows) {
    const before = errors.list.length;
    const c = trimmed(r.cells);
    const storeCode = c.storeCode;
    if (!storeCode) errors.add(r.row, 'storeCode', '门店编码必填');
    else if (!storeCodes.has(storeCode)) errors.add(r.row, 'storeCode', `门店 ${storeCode} 不存在`);
    const sku = cell(errors, r, 'sku', SkuField, c.sku);
    const quantity = cell(errors, r, 'quantity', StockQuantityField, numeric(c.quantity, INTEGER));
    if (storeCode && sku !== undefined) {
      const first = seen.get(`${storeCode}\n${sku}`);
      if (first !== undefined) errors.add(r.row, 'sku', `门店 ${storeCode} 的 ${sku} 与第 ${first} 行重复`);
      else seen.set(`${storeCode}\n${sku}`, r.row);
    }
    if (errors.list.length === before) out.push({ row: r.row, storeCode, sku: sku!, quantity: quantity! });
  }
  return { rows: out, errors };
}

/** A CSV file Excel opens as UTF-8: BOM, header, CRLF line ends. */
export function writeCsv(columns: readonly string[], rows: Array<Array<string | number>>): string {
  return (
    BOM + stringify([columns as string[], ...rows.map((r) => r.map(String))], { record_delimiter: '\r\n' })
  );
}

/** 400 for a request body that is not CSV. */
export function notCsv(): ValidationError {
  return new ValidationError('请求体须为 CSV 文件（Content-Type: text/csv）', [
    { path: '(body)', message: 'expected text/csv' },
  ]);
}
