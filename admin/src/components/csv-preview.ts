// What a CSV import's dry run (or its commit) answered, turned into what the import dialog shows:
// the counts to write, every bad cell of a 422 CSV_ROWS_INVALID, or a file-level problem.
import type { ImportResult, ImportRowError } from '@omni/shared-types';
import { ApiError } from '../api/client';

export interface CsvRowIssue extends ImportRowError {
  key: string;
}

export type CsvPreview =
  /** Every row passed: these counts would be (or were) written. */
  | { kind: 'ready'; created: number; updated: number; unchanged: number; dryRun: boolean }
  /** Some rows are bad: every bad cell, and how many rows they are on; nothing was written. */
  | { kind: 'rows'; message: string; rows: number; errors: CsvRowIssue[] }
  /** The file as a whole was refused (header, encoding, size, type, network…). */
  | { kind: 'failed'; message: string; detail: string | null };

const isRowError = (e: unknown): e is ImportRowError =>
  typeof e === 'object' &&
  e !== null &&
  typeof (e as ImportRowError).row === 'number' &&
  typeof (e as ImportRowError).column === 'string' &&
  typeof (e as ImportRowError).message === 'string';

function issues(errors: ImportRowError[]): CsvRowIssue[] {
  return [...errors]
    .sort((a, b) => a.row - b.row || a.column.localeCompare(b.column))
    .map((e, i) => ({ ...e, key: `${e.row}:${e.column}:${i}` }));
}

/** A 2xx import answer (a result with errors is treated like the 422 it should have been). */
export function previewFromResult(r: ImportResult): CsvPreview {
  if (r.errors.length) {
    return {
      kind: 'rows',
      message: '有行未通过校验，未导入任何数据',
      rows: new Set(r.errors.map((e) => e.row)).size,
      errors: issues(r.errors),
    };
  }
  return { kind: 'ready', created: r.created, updated: r.updated, unchanged: r.unchanged, dryRun: r.dryRun };
}

const list = (label: string, xs: unknown): string | null =>
  Array.isArray(xs) && xs.length ? `${label}：${xs.map(String).join('、')}` : null;

/** A failed import request: row errors of CSV_ROWS_INVALID, or a file-level message. */
export function previewFromError(err: unknown): CsvPreview {
  if (!(err instanceof ApiError)) {
    return { kind: 'failed', message: err instanceof Error ? err.message : String(err), detail: null };
  }
  const d = (err.details ?? {}) as Record<string, unknown>;
  if (err.code === 'CSV_ROWS_INVALID' && Array.isArray(d.errors)) {
    const errors = (d.errors as unknown[]).filter(isRowError);
    return {
      kind: 'rows',
      message: err.message,
      rows: new Set(errors.map((e) => e.row)).size,
      errors: issues(errors),
    };
  }
  if (err.code === 'CSV_HEADER_INVALID') {
    const parts = [list('缺少列', d.missing), list('多余列', d.unknown), list('重复列', d.repeated)].filter(
      (p): p is string => p !== null,
    );
    return { kind: 'failed', message: err.message, detail: parts.length ? parts.join('；') : null };
  }
  return { kind: 'failed', message: err.message, detail: null };
}

/** Only a clean dry run may be committed. */
export const canConfirm = (p: CsvPreview | null): boolean => p?.kind === 'ready' && p.dryRun;
