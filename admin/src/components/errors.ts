// Turning the BFF's error answers into what a form and a page show.
import type { FormInstance } from 'antd';
import { ApiError } from '../api/client';

/** Field path `lines.0.quantity` → antd name path `['lines', 0, 'quantity']`. */
export function namePath(path: string): (string | number)[] {
  return path
    .split(/[.[\]]/)
    .filter(Boolean)
    .map((p) => (/^\d+$/.test(p) ? Number(p) : p));
}

/**
 * Puts each field issue of a 400/409/422 next to its field (when the form has it) and answers the
 * message for what is left (shown above the form); `null` when every issue found its field.
 */
export function applyApiError(form: FormInstance | null, err: unknown): string | null {
  if (!(err instanceof ApiError)) return err instanceof Error ? err.message : String(err);
  const known = form ? new Set(Object.keys(form.getFieldsValue(true) as object)) : new Set<string>();
  const unplaced: string[] = [];
  const fields = err.fields.filter((f) => {
    const top = namePath(f.path)[0];
    if (form && typeof top === 'string' && known.has(top)) return true;
    unplaced.push(f.path ? `${f.path}：${f.message}` : f.message);
    return false;
  });
  if (form && fields.length)
    form.setFields(fields.map((f) => ({ name: namePath(f.path), errors: [f.message] })));
  if (!fields.length) return err.message;
  return unplaced.length ? `${err.message}（${unplaced.join('；')}）` : null;
}

export const isConflict = (err: unknown): err is ApiError =>
  err instanceof ApiError && err.status === 409 && err.code === 'VERSION_CONFLICT';

export const isForbidden = (err: unknown): boolean =>
  err instanceof ApiError && (err.status === 403 || err.status === 404) && err.code !== 'VALIDATION_FAILED';
