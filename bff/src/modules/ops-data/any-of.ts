import { In, type FindOperator } from 'typeorm';

/** `IN (ids)` that matches nothing for an empty list (an empty `IN ()` is not valid SQL everywhere). */
export function anyOf(ids: number[]): FindOperator<number> {
  return In(ids.length ? ids : [-1]);
}
