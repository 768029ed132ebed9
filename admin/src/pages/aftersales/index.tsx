// 售后: the after-sales queue of the store in the header picker (or every store), with each open
// case's SLA counting down live; a row opens the case in a Drawer (`?id=12`) to decide and assign.
import { useState } from 'react';
import { Card, Input, Select, Space, Switch, Table, Tag, Typography } from 'antd';
import { useSearchParams } from 'react-router-dom';
import type { AdminCase, AdminCaseListResponse, CaseStatus, CaseType } from '@omni/shared-types';
import { api } from '../../api/client';
import { useAuth } from '../../auth/AuthContext';
import { PageState } from '../../components/PageState';
import { shTime } from '../../components/format';
import { useTable } from '../../components/useTable';
import { CaseDrawer } from './case-drawer';
import { CASE_STATUS, CASE_TYPE_TEXT, OPEN_STATUSES } from './labels';
import { SlaCountdown } from './sla-countdown';
import { useElapsed } from './sla';

type StatusFilter = 'open' | 'all' | CaseStatus;

const STATUS_OPTIONS: { value: StatusFilter; label: string }[] = [
  { value: 'open', label: '待处理（未结束）' },
  { value: 'all', label: '全部状态' },
  ...(Object.keys(CASE_STATUS) as CaseStatus[]).map((s) => ({ value: s, label: CASE_STATUS[s].text })),
];

export default function AftersalesPage() {
  const { storeId } = useAuth();
  const [params, setParams] = useSearchParams();
  const [status, setStatus] = useState<StatusFilter>('open');
  const [type, setType] = useState<CaseType>();
  const [overdue, setOverdue] = useState(false);
  const [q, setQ] = useState<string>();
  const [sort, setSort] = useState<'newest' | 'sla'>('sla');
  const t = useTable<AdminCase, object>(
    (query, signal) =>
      api.get<AdminCaseListResponse>(
        '/admin/aftersales',
        {
          page: query.page,
          pageSize: query.pageSize,
          storeId: storeId ?? undefined,
          status: status === 'all' ? undefined : status === 'open' ? OPEN_STATUSES : status,
          type,
          overdue: overdue ? 'true' : undefined,
          q,
          sort,
        },
        signal,
      ),
    { storeId, status, type, overdue, q, sort },
  );
  // Seconds since the page was loaded: every row's countdown is the server's figure minus this.
  const elapsedS = Math.floor(useElapsed(t.data) / 1000);
  const idParam = params.get('id');
  const openId = idParam && /^\d+$/.test(idParam) ? Number(idParam) : null;
  const open = (id: number | null) => {
    const next = new URLSearchParams(params);
    if (id === null) next.delete('id');
    else next.set('id', String(id));
    setParams(next, { replace: true });
  };

  return (
    <Card>
      <Space wrap style={{ marginBottom: 16 }}>
        <Select<StatusFilter>
          aria-label="状态"
          style={{ width: 170 }}
          value={status}
          onChange={setStatus}
          options={STATUS_OPTIONS}
        />
        <Select<CaseType>
          aria-label="类型"
          allowClear
          placeholder="全部类型"
          style={{ width: 130 }}
          value={type}
          onChange={setType}
          options={(Object.keys(CASE_TYPE_TEXT) as CaseType[]).map((k) => ({
            value: k,
            label: CASE_TYPE_TEXT[k],
          }))}
        />
        <Input.Search
          allowClear
          aria-label="搜索售后单"
          placeholder="售后单号或订单号"
          style={{ width: 220 }}
          onSearch={(v) => setQ(v.trim() || undefined)}
        />
        <Select<'newest' | 'sla'>
          aria-label="排序"
          style={{ width: 150 }}
          value={sort}
          onChange={setSort}
          options={[
            { value: 'sla', label: '最紧急优先' },
            { value: 'newest', label: '最新提交优先' },
          ]}
        />
        <Space size={4}>
          <Switch aria-label="只看已超时" checked={overdue} onChange={setOverdue} size="small" />
          <Typography.Text>只看已超时</Typography.Text>
        </Space>
      </Space>
      <PageState loading={t.loading} error={t.error} onRetry={t.reload} empty={false}>
        <Table<AdminCase>
          rowKey="id"
          size="middle"
          loading={t.loading}
          dataSource={t.rows}
          pagination={t.pagination}
          locale={{ emptyText: overdue ? '没有超时的售后单' : '暂无售后单' }}
          onRow={(r) => ({ onClick: () => open(r.id), style: { cursor: 'pointer' } })}
          columns={[
            { title: '售后单号', dataIndex: 'caseNo', width: 170 },
            { title: '订单号', dataIndex: 'orderNo', width: 170 },
            {
              title: '类型',
              dataIndex: 'type',
              width: 100,
              render: (v: CaseType) => CASE_TYPE_TEXT[v] ?? v,
            },
            {
              title: '状态',
              dataIndex: 'status',
              width: 90,
              render: (v: CaseStatus) => <Tag color={CASE_STATUS[v]?.color}>{CASE_STATUS[v]?.text ?? v}</Tag>,
            },
            ...(storeId === null ? [{ title: '门店', dataIndex: 'storeName', width: 140 }] : []),
            { title: '原因', dataIndex: 'reason', ellipsis: true },
            {
              title: '处理人',
              width: 110,
              render: (_: unknown, r: AdminCase) =>
                r.assignee ? r.assignee.name : <Typography.Text type="secondary">未指派</Typography.Text>,
            },
            { title: '提交时间', dataIndex: 'createdAt', width: 120, render: (v: string) => shTime(v) },
            {
              title: 'SLA',
              width: 150,
              render: (_: unknown, r: AdminCase) => (
                <SlaCountdown remainingS={r.slaRemainingS} elapsedS={elapsedS} />
              ),
            },
          ]}
        />
      </PageState>
      <CaseDrawer caseId={openId} onClose={() => open(null)} onChanged={t.reload} />
    </Card>
  );
}
