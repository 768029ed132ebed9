/**
 * `q` as a LIKE pattern matching it anywhere, its own `%` and `_` taken literally; use it with
 * `LIKE :param ESCAPE '!'` (one escape character both SQLite and MySQL read the same way).
 */
export const likeAnywhere = (q: string): string => `%${q.replace(/[!%_]/g, '!$&')}%`;
