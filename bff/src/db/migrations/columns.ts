import type { TableColumnOptions } from 'typeorm';

type Extra = Partial<TableColumnOptions>;

/** Column builders whose types mean the same on SQLite and MySQL/MariaDB. */
export const col = {
  id: (): TableColumnOptions => ({
    name: 'id',
    type: 'integer',
    isPrimary: true,
    isGenerated: true,
    generationStrategy: 'increment',
  }),
  // `integer`, not `int`: the same INT on MySQL, and what TypeORM reads back from SQLite, so the
  // schema diff stays empty there (1764000650000-schema-align converted the older `int` columns).
  int: (name: string, extra: Extra = {}): TableColumnOptions => ({ name, type: 'integer', ...extra }),
  bigint: (name: string, extra: Extra = {}): TableColumnOptions => ({ name, type: 'bigint', ...extra }),
  double: (name: string, extra: Extra = {}): TableColumnOptions => ({ name, type: 'double', ...extra }),
  varchar: (name: string, length: number, extra: Extra = {}): TableColumnOptions => ({
    name,
    type: 'varchar',
    length: String(length),
    ...extra,
  }),
  text: (name: string, extra: Extra = {}): TableColumnOptions => ({ name, type: 'text', ...extra }),
  datetime: (name: string, extra: Extra = {}): TableColumnOptions => ({ name, type: 'datetime', ...extra }),
  // The default is written as 1/0: SQLite keeps a `false` default as the text `false`, which
  // TypeORM then reads as a change from the entity's 0 (MySQL stores 0 either way).
  bool: (name: string, dflt: boolean, extra: Extra = {}): TableColumnOptions => ({
    name,
    type: 'boolean',
    default: dflt ? 1 : 0,
    ...extra,
  }),
};
