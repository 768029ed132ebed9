import Taro, { useDidShow, useReachBottom } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { AftersalesCase } from '@omni/shared-types';
import { ListFooter } from '../../../../components/list-footer';
import { StateView } from '../../../../components/state-view';
import { useNow } from '../../../../hooks/use-now';
import { CASE_STATUS_TEXT, CASE_TYPE_TEXT } from '../../../../services/aftersales';
import { formatFen } from '../../../../utils/money';
import { StaffHomeLink } from '../../components/home-link';
import { useStaffSession } from '../../hooks/use-staff-session';
import { caseErrorMessage, storeCases } from '../../services/support-staff';
import { StaffLogin } from '../inbox/staff-login';
import { CASE_TABS, type CaseTabKey } from './case-rules';
import { slaText } from './sla';
import './index.scss';

const PAGE_SIZE = 20;

/** One row: case no, state, type, order no, amount and the SLA countdown while it is open. */
export function CaseRow({ c, nowMs }: { c: AftersalesCase; nowMs: number }) {
  const sla = slaText(c.slaDueAt, nowMs);
  const open = c.status !== 'resolved' && c.status !== 'rejected';
  return (
    <View
      className="staff-case-row"
      data-id={c.id}
      data-status={c.status}
      onClick={() =>
        void Taro.navigateTo({ url: `/subpackages/staff/pages/aftersales/detail/index?id=${c.id}` })
      }
    >
      <View className="staff-case-row__head">
        <Text className="staff-case-no">{c.caseNo}</Text>
        <Text className={`staff-case-status staff-case-status--${c.status}`}>
          {CASE_STATUS_TEXT[c.status]}
        </Text>
      </View>
      <View className="staff-case-row__meta">
        <Text>
          {CASE_TYPE_TEXT[c.type]} · 订单 {c.orderNo}
        </Text>
        {c.refundFen !== null && <Text className="staff-case-amount">{formatFen(c.refundFen)}</Text>}
      </View>
      {open && (
        <Text className={`staff-case-sla${sla.overdue ? ' staff-case-sla--overdue' : ''}`}>{sla.text}</Text>
      )}
    </View>
  );
}

function CaseList() {
  const [tab, setTab] = useState<CaseTabKey>('todo');
  const [items, setItems] = useState<AftersalesCase[] | null>(null);
  const [total, setTotal] = useState(0);
  const [page, setPage] = useState(1);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const ticket = useRef(0);
  const nowMs = useNow(true, 30_000);

  /** Loads page `n` of `key` (page 1 replaces the list). */
  const load = useCallback((key: CaseTabKey, n: number) => {
    const mine = ++ticket.current;
    setLoading(true);
    setError(null);
    const states = CASE_TABS.find((t) => t.key === key)!.states;
    storeCases({ status: states, page: n, pageSize: PAGE_SIZE }).then(
      (res) => {
        if (mine !== ticket.current) return;
        setItems((list) => (n === 1 ? res.items : [...(list ?? []), ...res.items]));
        setTotal(res.total);
        setPage(n);
        setLoading(false);
      },
      (err: unknown) => {
        if (mine !== ticket.current) return;
        setError(caseErrorMessage(err));
        setLoading(false);
      },
    );
  }, []);

  useEffect(() => load('todo', 1), [load]);
  // Back from a case's detail the list is read again: the case may have moved to another tab.
  useDidShow(() => load(tab, 1));
  const hasMore = items !== null && items.length < total;
  const more = () => {
    if (!loading && !error && hasMore) load(tab, page + 1);
  };
  useReachBottom(more);

  return (
    <View className="staff-cases">
      <View className="staff-home-bar">
        <StaffHomeLink />
        <Text className="staff-home-bar__title">售后处理</Text>
      </View>
      <View className="staff-case-tabs">
        {CASE_TABS.map((t) => (
          <Text
            key={t.key}
            className={`staff-case-tab${t.key === tab ? ' staff-case-tab--active' : ''}`}
            data-key={t.key}
            onClick={() => {
              if (t.key === tab) return;
              setTab(t.key);
              setItems(null);
              load(t.key, 1);
            }}
          >
            {t.label}
          </Text>
        ))}
      </View>
      {error && items === null && <StateView kind="error" message={error} onRetry={() => load(tab, 1)} />}
      {!error && items === null && <StateView kind="loading" message="加载中…" />}
      {items?.length === 0 && <StateView kind="empty" message="暂无售后单" />}
      {items?.map((c) => (
        <CaseRow key={c.id} c={c} nowMs={nowMs} />
      ))}
      {items !== null && items.length > 0 && (
        <ListFooter list={{ loading, error, hasMore, retry: () => load(tab, page + 1), loadMore: more }} />
      )}
    </View>
  );
}

/** 售后处理 (staff): the store's cases by state, a page at a time, with the SLA counting down. */
export default function StaffAftersalesPage() {
  const session = useStaffSession();
  return session ? <CaseList /> : <StaffLogin />;
}
