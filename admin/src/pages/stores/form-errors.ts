// The BFF's field issues (`details.fields` of a 400, or a code like STORE_CODE_TAKEN that names
// one field) put next to the form's fields in Chinese, through the console's applyApiError.
import type { FormInstance } from 'antd';
import type { FieldIssue } from '@omni/shared-types';
import { ApiError } from '../../api/client';
import { applyApiError } from '../../components/errors';

/** The field issues of an API error, whether `details` is the list itself or `{ fields }`. */
export function issuesOf(err: unknown): FieldIssue[] {
  if (!(err instanceof ApiError)) return [];
  const d = err.details;
  const list: unknown = Array.isArray(d)
    ? d
    : typeof d === 'object' && d !== null && 'fields' in d
      ? (d as { fields: unknown }).fields
      : [];
  return Array.isArray(list)
    ? list.filter(
        (f): f is FieldIssue =>
          typeof f === 'object' && f !== null && typeof (f as FieldIssue).path === 'string',
      )
    : [];
}

export interface FieldErrorTable {
  /** Error codes that concern one field, e.g. `STORE_CODE_TAKEN: { path: 'code', message: … }`. */
  codes?: Record<string, { path: string; message?: string }>;
  /** A Chinese message for an issue (the API's zod messages are English); null keeps the API's. */
  zh?(issue: FieldIssue): string | null;
  /** The form's path of an API path (e.g. a list index that differs). */
  remap?(path: string): string;
}

/**
 * Shows `err` on `form`: its field issues and coded field errors next to their fields (in Chinese),
 * and answers the message for the rest (null when every issue found its field).
 */
export function showFormError(form: FormInstance, err: unknown, table: FieldErrorTable = {}): string | null {
  if (!(err instanceof ApiError)) return applyApiError(form, err);
  const issues = issuesOf(err).map((f) => {
    const path = table.remap ? table.remap(f.path) : f.path;
    return { ...f, path, message: table.zh?.({ ...f, path }) ?? f.message };
  });
  const coded = table.codes?.[err.code];
  if (coded) issues.push({ path: coded.path, message: coded.message ?? err.message });
  return applyApiError(form, new ApiError(err.status, err.code, err.message, issues));
}

/** True when a message has no Chinese in it (a raw schema message to translate). */
export const untranslated = (message: string): boolean => !/[\u4e00-\u9fff]/.test(message);
