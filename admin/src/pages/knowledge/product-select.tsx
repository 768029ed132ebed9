// A product picker that searches the catalogue on the server (`/admin/products?q=`) as you type.
import { useEffect, useRef, useState } from 'react';
import { Select, Spin } from 'antd';
import type { AdminProductListResponse } from '@omni/shared-types';
import { api } from '../../api/client';

export interface ProductOption {
  value: number;
  label: string;
}

export function ProductSelect(props: {
  value?: number;
  onChange?(v: number | undefined): void;
  /** The label of the current value (an edit form knows it before any search). */
  initial?: ProductOption;
  placeholder?: string;
  'aria-label'?: string;
  disabled?: boolean;
}) {
  const [options, setOptions] = useState<ProductOption[]>(props.initial ? [props.initial] : []);
  const [loading, setLoading] = useState(false);
  const [q, setQ] = useState('');
  const seq = useRef(0);

  useEffect(() => {
    const mine = ++seq.current;
    const ctl = new AbortController();
    const timer = setTimeout(() => {
      setLoading(true);
      api
        .get<AdminProductListResponse>(
          '/admin/products',
          { q: q.trim() || undefined, pageSize: 20 },
          ctl.signal,
        )
        .then(
          (r) => {
            if (mine !== seq.current) return;
            const found = r.items.map((p) => ({ value: p.id, label: `${p.name}（${p.sku}）` }));
            const keep = options.find((o) => o.value === props.value);
            setOptions(keep && !found.some((o) => o.value === keep.value) ? [keep, ...found] : found);
            setLoading(false);
          },
          (e: Error) => {
            if (e.name !== 'AbortError' && mine === seq.current) setLoading(false);
          },
        );
    }, 250);
    return () => {
      clearTimeout(timer);
      ctl.abort();
    };
    // Only a new search text fetches; the kept option is read as it is then.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [q]);

  return (
    <Select<number>
      aria-label={props['aria-label']}
      placeholder={props.placeholder ?? '输入名称或 SKU 搜索'}
      value={props.value}
      onChange={(v) => props.onChange?.(v)}
      allowClear
      disabled={props.disabled}
      showSearch={{ filterOption: false, onSearch: setQ }}
      options={options}
      notFoundContent={loading ? <Spin size="small" /> : '没有匹配的商品'}
      loading={loading}
    />
  );
}
