// 模板: one row per event — which WeChat template carries it, when the mini-program asks for
// consent, whether it is sent, and which field shows what; 编辑 opens the template dialog.
import { useState } from 'react';
import { App, Badge, Button, Space, Table, Tag, Tooltip, Typography } from 'antd';
import {
  NOTIFY_EVENTS,
  NOTIFY_SCENE_TEXT,
  type NotifyScene,
  type NotifyTemplate,
  type NotifyTemplateListResponse,
} from '@omni/shared-types';
import { api } from '../../api/client';
import { PageState } from '../../components/PageState';
import { useApi } from '../../components/useApi';
import { AUDIENCE_TEXT } from './labels';
import { TemplateDialog } from './template-form';

const LIST = '/admin/notification-templates';

/** `thing1 → 商品` for each field, with the event's Chinese variable labels. */
const fieldsSummary = (t: NotifyTemplate): string[] =>
  Object.entries(t.fields).map(([k, v]) => `${k} → ${NOTIFY_EVENTS[t.event]?.vars[v] ?? v}`);

export function TemplatesTab() {
  const { message } = App.useApp();
  const list = useApi((signal) => api.get<NotifyTemplateListResponse>(LIST, undefined, signal), []);
  const [editing, setEditing] = useState<NotifyTemplate | null>(null);
  const items = list.data?.items ?? [];

  /** After a version conflict: the fresh list, and the dialog again with the fresh copy. */
  const reopen = async (event: string) => {
    setEditing(null);
    try {
      const fresh = await api.get<NotifyTemplateListResponse>(LIST);
      list.set(fresh);
      setEditing(fresh.items.find((x) => x.event === event) ?? null);
    } catch (err) {
      message.error((err as Error).message);
    }
  };

  return (
    <PageState loading={list.loading} error={list.error} onRetry={list.reload} empty={!list.data}>
      <Table<NotifyTemplate>
        rowKey="event"
        size="middle"
        loading={list.loading}
        dataSource={items}
        pagination={false}
        locale={{ emptyText: '暂无通知' }}
        columns={[
          {
            title: '通知',
            dataIndex: 'title',
            render: (v: string, t) => (
              <Space orientation="vertical" size={0}>
                <Typography.Text strong>{v}</Typography.Text>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t.event}
                </Typography.Text>
              </Space>
            ),
          },
          {
            title: '接收人',
            dataIndex: 'audience',
            width: 80,
            render: (v: NotifyTemplate['audience']) => AUDIENCE_TEXT[v] ?? v,
          },
          {
            title: '微信模板 ID',
            dataIndex: 'templateId',
            width: 220,
            render: (v: string | null) =>
              v ? (
                <Typography.Text code copyable ellipsis={{ tooltip: v }} style={{ maxWidth: 200 }}>
                  {v}
                </Typography.Text>
              ) : (
                <Tag>未配置</Tag>
              ),
          },
          {
            title: '询问时机',
            dataIndex: 'scenes',
            width: 200,
            render: (ss: NotifyScene[]) =>
              ss.length ? (
                <Space size={[0, 4]} wrap>
                  {ss.map((s) => (
                    <Tag key={s} color="blue">
                      {NOTIFY_SCENE_TEXT[s] ?? s}
                    </Tag>
                  ))}
                </Space>
              ) : (
                <Typography.Text type="secondary">—</Typography.Text>
              ),
          },
          {
            title: '状态',
            dataIndex: 'enabled',
            width: 90,
            render: (v: boolean) =>
              v ? <Badge status="success" text="启用" /> : <Badge status="default" text="停用" />,
          },
          {
            title: '字段',
            width: 260,
            render: (_, t) => {
              const s = fieldsSummary(t);
              if (!s.length) return <Typography.Text type="secondary">未配置字段</Typography.Text>;
              return (
                <Tooltip title={s.join('；')}>
                  <Typography.Text style={{ fontSize: 12 }}>
                    {s.slice(0, 2).join('；')}
                    {s.length > 2 ? ` 等 ${s.length} 个` : ''}
                  </Typography.Text>
                </Tooltip>
              );
            },
          },
          {
            title: '操作',
            width: 80,
            render: (_, t) => (
              <Button type="link" size="small" aria-label={`编辑 ${t.title}`} onClick={() => setEditing(t)}>
                编辑
              </Button>
            ),
          },
        ]}
      />
      <TemplateDialog
        key={editing ? `${editing.event}-${editing.version}` : 'closed'}
        template={editing}
        onClose={() => setEditing(null)}
        onSaved={(saved) => {
          setEditing(null);
          list.set({ items: items.map((x) => (x.event === saved.event ? saved : x)) });
        }}
        reload={() => {
          if (editing) void reopen(editing.event);
        }}
      />
    </PageState>
  );
}
