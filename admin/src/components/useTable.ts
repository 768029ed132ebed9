// Server-side paging for an antd Table: page and pageSize in the URL-less state, filters in,
// `{items, total}` out, reset to page 1 whenever a filter changes.
import { useEffect, useState } from 'react';
import type { TablePaginationConfig } from 'antd';
import type { AdminPage } from '@omni/shared-types';
import { useApi } from './useApi';

export function useTable<T, F extends object>(
  load: (q: F & { page: number; pageSize: number }, signal: AbortSignal) => Promise<AdminPage<T>>,
  filters: F,
  opts: { pageSize?: number } = {},
) {
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(opts.pageSize ?? 20);
  const key = JSON.stringify(filters);
  useEffect(() => setPage(1), [key]);
  const res = useApi((signal) => load({ ...filters, page, pageSize }, signal), [key, page, pageSize]);
  const pagination: TablePaginationConfig = {
    current: page,
    pageSize,
    total: res.data?.total ?? 0,
    showSizeChanger: true,
    showTotal: (t) => `共 ${t} 条`,
    onChange: (p, s) => {
      setPage(s !== pageSize ? 1 : p);
      setPageSize(s);
    },
  };
  return { ...res, rows: res.data?.items ?? [], pagination };
}
