import { ApiError } from '../api/client';
import { canConfirm, previewFromError, previewFromResult } from './csv-preview';

describe('CSV import preview', () => {
  it('counts what a clean dry run would write and lets it be confirmed', () => {
    const p = previewFromResult({ created: 2, updated: 1, unchanged: 4, dryRun: true, errors: [] });
    expect(p).toEqual({ kind: 'ready', created: 2, updated: 1, unchanged: 4, dryRun: true });
    expect(canConfirm(p)).toBe(true);
    expect(
      canConfirm(previewFromResult({ created: 2, updated: 1, unchanged: 4, dryRun: false, errors: [] })),
    ).toBe(false);
  });

  it('lists every bad cell of a 422 CSV_ROWS_INVALID by row, and refuses to confirm', () => {
    const err = new ApiError(422, 'CSV_ROWS_INVALID', '有 2 行未通过校验，未导入任何数据', {
      created: 0,
      updated: 0,
      unchanged: 0,
      dryRun: true,
      errors: [
        { row: 5, column: 'priceFen', message: '价格须为正整数' },
        { row: 2, column: 'sku', message: 'SKU 必填' },
        { row: 2, column: 'categoryId', message: '分类 x 不存在' },
        { bogus: true },
      ],
    });
    const p = previewFromError(err);
    expect(p).toMatchObject({ kind: 'rows', rows: 2, message: '有 2 行未通过校验，未导入任何数据' });
    expect(p.kind === 'rows' && p.errors.map((e) => [e.row, e.column])).toEqual([
      [2, 'categoryId'],
      [2, 'sku'],
      [5, 'priceFen'],
    ]);
    expect(new Set(p.kind === 'rows' ? p.errors.map((e) => e.key) : []).size).toBe(3);
    expect(canConfirm(p)).toBe(false);
  });

  it('explains a bad header with the missing and unknown columns', () => {
    const p = previewFromError(
      new ApiError(400, 'CSV_HEADER_INVALID', '表头不正确', {
        missing: ['sku', 'unit'],
        unknown: ['价格'],
        repeated: [],
      }),
    );
    expect(p).toEqual({ kind: 'failed', message: '表头不正确', detail: '缺少列：sku、unit；多余列：价格' });
    expect(canConfirm(p)).toBe(false);
  });

  it('passes other failures through as their message', () => {
    expect(previewFromError(new ApiError(413, 'PAYLOAD_TOO_LARGE', 'CSV 文件不能超过 5 MB'))).toEqual({
      kind: 'failed',
      message: 'CSV 文件不能超过 5 MB',
      detail: null,
    });
    expect(previewFromError(new Error('网络连接失败'))).toMatchObject({
      kind: 'failed',
      message: '网络连接失败',
    });
  });
});
