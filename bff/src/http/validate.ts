import type { z } from 'zod';
import type { FieldIssue } from '@omni/shared-types';
import { ValidationError } from './errors';

/** Turns zod issues into the field list of a 400. */
export function toFieldIssues(error: z.ZodError): FieldIssue[] {
  return error.issues.map((i) => ({
    path: i.path.length ? i.path.map(String).join('.') : '(body)',
    message: i.message,
    code: i.code,
  }));
}

/** Parses `input` with `schema` or throws a 400 naming the offending fields. */
export function parse<S extends z.ZodType>(schema: S, input: unknown, what = '请求参数'): z.output<S> {
  const result = schema.safeParse(input);
  if (!result.success) {
    const fields = toFieldIssues(result.error);
    throw new ValidationError(`${what}无效: ${fields.map((f) => f.path).join(', ')}`, fields);
  }
  return result.data;
}

/** Flattens a query object: a repeated key (`?page=1&page=2`) is an error, not an array. */
export function singleQuery(query: Record<string, string | string[] | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  const repeated: FieldIssue[] = [];
  for (const [k, v] of Object.entries(query)) {
    if (Array.isArray(v)) repeated.push({ path: k, message: 'given more than once' });
    else if (v !== undefined) out[k] = v;
  }
  if (repeated.length) throw new ValidationError('查询参数重复', repeated);
  return out;
}
