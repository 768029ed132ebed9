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
  int: (name: string, extra: Extra = {}): TableColumnOptions => ({ name, type: 'int', ...extra }),
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
  bool: (name: string, dflt: boolean, extra: Extra = {}): TableColumnOptions => ({
    name,
    type: 'boolean',
    default: dflt,
    ...extra,
  }),
};
