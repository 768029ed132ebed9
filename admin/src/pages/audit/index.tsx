// 审计: who changed what in the back office (before → after), and every back-office login attempt.
import { useState } from 'react';
import { Card, DatePicker, Input, Select, Space, Table, Tabs, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import type {
  AuditItem,
  AuditListResponse,
  LoginLogEntry,
  LoginLogResponse,
  LoginOutcome,
} from '@omni/shared-types';
import { api } from '../../api/client';
import { PageState } from '../../components/PageState';
import { shTime } from '../../components/format';
import { useTable } from '../../components/useTable';

const ENTITIES = [
  'product',
  'stock',
  'store',
  'zone',
  'slot_template',
  'slot_override',
  'order',
  'faq',
  'product_relation',
  'invite',
  'member',
  'admin_user',
  'aftersales',
  'dispatch',
];

const OUTCOME: Record<LoginOutcome, { text: string; color: string }> = {
  success: { text: '成功', color: 'green' },
  invalid_credentials: { text: '用户名或密码错误', color: 'red' },
  locked: { text: '已锁定', color: 'volcano' },
  disabled: { text: '账号停用', color: 'default' },
  captcha_required: { text: '需要验证码', color: 'orange' },
  captcha_invalid: { text: '验证码错误', color: 'orange' },
  totp_required: { text: '需要动态码', color: 'blue' },
  totp_invalid: { text: '动态码错误', color: 'orange' },
};

function Diff({ item }: { item: AuditItem }) {
  const keys = [...new Set([...Object.keys(item.before ?? {}), ...Object.keys(item.after ?? {})])];
  if (!keys.length) return <Typography.Text type="secondary">—</Typography.Text>;
  const show = (v: unknown) => (v === undefined ? '—' : typeof v === 'string' ? v : JSON.stringify(v));
  return (
    <Space direction="vertical" size={0} style={{ maxWidth: 560 }}>
      {keys.map((k) => (
        <Typography.Text key={k} style={{ fontSize: 12 }} ellipsis={{ tooltip: true }}>
          <b>{k}</b>：<del style={{ color: '#999' }}>{show(item.before?.[k])}</del> → {show(item.after?.[k])}
        </Typography.Text>
      ))}
    </Space>
  );
}

function AuditLog() {
  const [entity, setEntity] = useState<string>();
  const [entityId, setEntityId] = useState<string>();
  const [actor, setActor] = useState<string>();
  const [range, setRange] = useState<[Dayjs | null, Dayjs | null] | null>(null);
  const t = useTable<AuditItem, object>(
    (q, signal) =>
      api.get<AuditListResponse>(
        '/admin/audit',
        {
          ...q,
          entity,
          entityId,
          actor: actor && /^\d+$/.test(actor) ? actor : undefined,
          from: range?.[0]?.startOf('day').toISOString(),
          to: range?.[1]?.endOf('day').toISOString(),
        },
        signal,
      ),
    { entity, entityId, actor, range: range?.map((d) => d?.valueOf()) },
  );
  return (
    <>
      <Space wrap style={{ marginBottom: 16 }}>
        <Select
          allowClear
          placeholder="对象类型"
          style={{ width: 160 }}
          value={entity}
          onChange={setEntity}
          options={ENTITIES.map((e) => ({ value: e, label: e }))}
        />
        <Input.Search
          allowClear
          placeholder="对象编号"
          style={{ width: 160 }}
          onSearch={(v) => setEntityId(v || undefined)}
        />
        <Input.Search
          allowClear
          placeholder="操作人编号"
          style={{ width: 160 }}
          onSearch={(v) => setActor(v || undefined)}
        />
        <DatePicker.RangePicker value={range} onChange={(v) => setRange(v)} />
      </Space>
      <PageState loading={t.loading} error={t.error} onRetry={t.reload} empty={false}>
        <Table<AuditItem>
          rowKey="id"
          size="middle"
          loading={t.loading}
          dataSource={t.rows}
          pagination={t.pagination}
          locale={{ emptyText: '暂无审计记录' }}
          columns={[
            { title: '时间', dataIndex: 'at', width: 170, render: (v: string) => shTime(v, true) },
            {
              title: '操作人',
              width: 140,
              render: (_, r) => `${r.actorKind === 'wechat' ? '微信' : '后台'} #${r.actorId}（${r.role}）`,
            },
            { title: '操作', dataIndex: 'action', width: 140, render: (v: string) => <Tag>{v}</Tag> },
            { title: '对象', width: 160, render: (_, r) => `${r.entity} #${r.entityId}` },
            { title: '变更', render: (_, r) => <Diff item={r} /> },
            { title: '请求号', dataIndex: 'requestId', width: 120, ellipsis: true },
          ]}
        />
      </PageState>
    </>
  );
}

function LoginLog() {
  const [username, setUsername] = useState<string>();
  const t = useTable<LoginLogEntry, object>(
    (q, signal) =>
      api.get<LoginLogResponse>(
        '/admin/auth/logins',
        { page: q.page, pageSize: Math.min(q.pageSize, 100), username },
        signal,
      ),
    { username },
  );
  return (
    <>
      <Space style={{ marginBottom: 16 }}>
        <Input.Search
          allowClear
          placeholder="用户名"
          style={{ width: 200 }}
          onSearch={(v) => setUsername(v || undefined)}
        />
      </Space>
      <PageState loading={t.loading} error={t.error} onRetry={t.reload} empty={false}>
        <Table<LoginLogEntry>
          rowKey="id"
          size="middle"
          loading={t.loading}
          dataSource={t.rows}
          pagination={t.pagination}
          locale={{ emptyText: '暂无登录记录' }}
          columns={[
            { title: '时间', dataIndex: 'at', width: 170, render: (v: string) => shTime(v, true) },
            { title: '用户名', dataIndex: 'username', width: 160 },
            {
              title: '结果',
              dataIndex: 'outcome',
              width: 120,
              render: (v: LoginOutcome) => <Tag color={OUTCOME[v]?.color}>{OUTCOME[v]?.text ?? v}</Tag>,
            },
            { title: 'IP', dataIndex: 'ip', width: 140 },
            { title: '浏览器', dataIndex: 'userAgent', ellipsis: true },
          ]}
        />
      </PageState>
    </>
  );
}

export default function AuditPage() {
  return (
    <Card>
      <Tabs
        items={[
          { key: 'audit', label: '操作审计', children: <AuditLog /> },
          { key: 'logins', label: '登录日志', children: <LoginLog /> },
        ]}
      />
    </Card>
  );
}
