// FAQ: the help-centre articles the support bot answers from — searched and paged by the server,
// added, edited and deleted here, with a 试一试 box beside the table.
import { useState } from 'react';
import { App, Button, Col, Input, Popconfirm, Row, Select, Space, Table, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { FAQ_CATEGORIES, type AdminFaq, type FaqCategory, type FaqListResponse } from '@omni/shared-types';
import { api } from '../../api/client';
import { showConflict } from '../../components/conflict';
import { PageState } from '../../components/PageState';
import { shTime } from '../../components/format';
import { useTable } from '../../components/useTable';
import { FaqDialog } from './faq-form';
import { FaqTryPanel } from './faq-try';
import { CATEGORY_TEXT } from './labels';

type ActiveFilter = 'all' | 'true' | 'false';

export function FaqTab() {
  const { message } = App.useApp();
  const [q, setQ] = useState<string>();
  const [category, setCategory] = useState<FaqCategory>();
  const [active, setActive] = useState<ActiveFilter>('all');
  /** undefined: closed; null: a new article; else the one being edited. */
  const [editing, setEditing] = useState<AdminFaq | null | undefined>(undefined);
  const [busy, setBusy] = useState<number | null>(null);
  const t = useTable<AdminFaq, object>(
    (query, signal) =>
      api.get<FaqListResponse>(
        '/admin/faq',
        {
          page: query.page,
          pageSize: query.pageSize,
          q,
          category,
          active: active === 'all' ? undefined : active,
        },
        signal,
      ),
    { q, category, active },
  );

  /** After a conflict: the fresh copy of the article, in the form again. */
  const reopen = async (id: number) => {
    setEditing(undefined);
    t.reload();
    try {
      setEditing(await api.get<AdminFaq>(`/admin/faq/${id}`));
    } catch (err) {
      message.error((err as Error).message);
    }
  };

  const remove = async (f: AdminFaq) => {
    setBusy(f.id);
    try {
      await api.del(`/admin/faq/${f.id}?version=${f.version}`);
      message.success('已删除');
      t.reload();
    } catch (err) {
      if (!showConflict(err, t.reload)) message.error((err as Error).message);
    } finally {
      setBusy(null);
    }
  };

  return (
    <Row gutter={16}>
      <Col xs={24} xl={16}>
        <Space wrap style={{ marginBottom: 16, width: '100%', justifyContent: 'space-between' }}>
          <Space wrap>
            <Input.Search
              allowClear
              aria-label="搜索常见问题"
              placeholder="问题、答案或关键词"
              style={{ width: 220 }}
              onSearch={(v) => setQ(v.trim() || undefined)}
            />
            <Select<FaqCategory>
              aria-label="分类"
              allowClear
              placeholder="全部分类"
              style={{ width: 120 }}
              value={category}
              onChange={setCategory}
              options={FAQ_CATEGORIES.map((c) => ({ value: c, label: CATEGORY_TEXT[c] }))}
            />
            <Select<ActiveFilter>
              aria-label="状态"
              style={{ width: 110 }}
              value={active}
              onChange={setActive}
              options={[
                { value: 'all', label: '全部状态' },
                { value: 'true', label: '启用' },
                { value: 'false', label: '停用' },
              ]}
            />
          </Space>
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing(null)}>
            添加常见问题
          </Button>
        </Space>
        <PageState loading={t.loading} error={t.error} onRetry={t.reload} empty={false}>
          <Table<AdminFaq>
            rowKey="id"
            size="middle"
            loading={t.loading}
            dataSource={t.rows}
            pagination={t.pagination}
            locale={{ emptyText: q ? '没有匹配的常见问题' : '暂无常见问题' }}
            columns={[
              {
                title: '问题',
                dataIndex: 'question',
                render: (v: string, f) => (
                  <Space orientation="vertical" size={0}>
                    <Typography.Text strong>{v}</Typography.Text>
                    <Typography.Text
                      type="secondary"
                      ellipsis={{ tooltip: f.answer }}
                      style={{ maxWidth: 420 }}
                    >
                      {f.answer}
                    </Typography.Text>
                  </Space>
                ),
              },
              {
                title: '分类',
                dataIndex: 'category',
                width: 80,
                render: (v: FaqCategory) => CATEGORY_TEXT[v] ?? v,
              },
              {
                title: '关键词',
                dataIndex: 'keywords',
                width: 200,
                render: (ks: string[]) =>
                  ks.length ? (
                    <Space size={[0, 4]} wrap>
                      {ks.slice(0, 6).map((k) => (
                        <Tag key={k}>{k}</Tag>
                      ))}
                      {ks.length > 6 && <Tag>+{ks.length - 6}</Tag>}
                    </Space>
                  ) : (
                    '—'
                  ),
              },
              {
                title: '状态',
                dataIndex: 'active',
                width: 70,
                render: (v: boolean) => (v ? <Tag color="green">启用</Tag> : <Tag>停用</Tag>),
              },
              { title: '更新时间', dataIndex: 'updatedAt', width: 110, render: (v: string) => shTime(v) },
              {
                title: '操作',
                width: 110,
                render: (_: unknown, f: AdminFaq) => (
                  <Space size={0}>
                    <Button type="link" size="small" onClick={() => setEditing(f)}>
                      编辑
                    </Button>
                    <Popconfirm
                      title="删除这条常见问题？"
                      description="删除后机器人不再使用它，且不能恢复；只想暂停可改为停用。"
                      okText="删除"
                      okButtonProps={{ danger: true }}
                      cancelText="取消"
                      onConfirm={() => remove(f)}
                    >
                      <Button type="link" size="small" danger loading={busy === f.id}>
                        删除
                      </Button>
                    </Popconfirm>
                  </Space>
                ),
              },
            ]}
          />
        </PageState>
      </Col>
      <Col xs={24} xl={8}>
        <FaqTryPanel />
      </Col>
      <FaqDialog
        key={editing ? `${editing.id}-${editing.version}` : 'new'}
        open={editing !== undefined}
        faq={editing ?? null}
        onClose={() => setEditing(undefined)}
        onSaved={() => {
          setEditing(undefined);
          t.reload();
        }}
        reload={() => {
          if (editing) void reopen(editing.id);
        }}
      />
    </Row>
  );
}
