// 配送时段 of one zone: the 7-day booked/capacity grid, the weekly slot templates, and the
// blackouts and one-day capacity changes from today on.
import { useMemo, useState } from 'react';
import { App, Button, Card, Popconfirm, Space, Switch, Table, Tag, Typography } from 'antd';
import { PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import type {
  AdminSlotGridResponse,
  AdminSlotOverride,
  AdminSlotOverrideListResponse,
  AdminSlotOverrideResponse,
  AdminSlotTemplate,
  AdminSlotTemplateListResponse,
  AdminZone,
} from '@omni/shared-types';
import { api } from '../../api/client';
import { showConflict } from '../../components/conflict';
import { shDate } from '../../components/format';
import { PageState } from '../../components/PageState';
import { useApi } from '../../components/useApi';
import { OverrideDialog, type OverrideFormValues } from './override-form';
import { buildSlotGrid, dateLabelZh, weekdayZh } from './slot-grid';
import { TemplateDialog } from './template-form';
import { Legend, WeekGrid } from './week-grid';

/** 每天 first, then Monday … Sunday, then by start. */
const weekdayOrder = (w: number | null) => (w === null ? -1 : w === 0 ? 7 : w);

export function SlotsTab(props: { zone: AdminZone; isAdmin: boolean }) {
  const { message } = App.useApp();
  const { zone } = props;
  const [tick, setTick] = useState(0);
  const [showInactive, setShowInactive] = useState(true);
  const [editing, setEditing] = useState<AdminSlotTemplate | null | undefined>(undefined);
  const [preset, setPreset] = useState<Partial<OverrideFormValues> | null | undefined>(undefined);
  const refresh = () => setTick((t) => t + 1);
  const today = shDate();

  const templates = useApi(
    (signal) =>
      api.get<AdminSlotTemplateListResponse>(
        '/admin/slot-templates',
        { zoneId: zone.id, pageSize: 200 },
        signal,
      ),
    [zone.id, tick],
  );
  const overrides = useApi(
    (signal) =>
      api.get<AdminSlotOverrideListResponse>(
        '/admin/slot-overrides',
        { zoneId: zone.id, from: today, pageSize: 200 },
        signal,
      ),
    [zone.id, tick, today],
  );
  const gridRes = useApi(
    (signal) => api.get<AdminSlotGridResponse>('/admin/slots', { zoneId: zone.id, days: 7 }, signal),
    [zone.id, tick],
  );
  const grid = useMemo(
    () => (gridRes.data ? buildSlotGrid(gridRes.data, zone.id, new Date()) : null),
    [gridRes.data, zone.id],
  );

  const rows = useMemo(
    () =>
      [...(templates.data?.items ?? [])]
        .filter((t) => showInactive || t.active)
        .sort(
          (a, b) =>
            weekdayOrder(a.weekday) - weekdayOrder(b.weekday) || a.startLocal.localeCompare(b.startLocal),
        ),
    [templates.data, showInactive],
  );

  const toggle = async (t: AdminSlotTemplate) => {
    try {
      await api.patch(`/admin/slot-templates/${t.id}`, { active: !t.active, version: t.version });
      message.success(t.active ? '时段已停用，已预约的保留有效' : '时段已启用');
      refresh();
    } catch (err) {
      if (!showConflict(err, refresh)) message.error((err as Error).message);
    }
  };

  const lift = async (o: AdminSlotOverride) => {
    try {
      const res = await api.del<AdminSlotOverrideResponse>(`/admin/slot-overrides/${o.kind}/${o.id}`);
      message.success(res.message);
      refresh();
    } catch (err) {
      message.error((err as Error).message);
    }
  };

  const templateOf = (startLocal: string) => templates.data?.items.find((t) => t.startLocal === startLocal);

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card
        size="small"
        title={`未来 7 天预约 · ${zone.name}`}
        extra={
          <Space>
            <Legend />
            <Button size="small" icon={<ReloadOutlined />} onClick={refresh} aria-label="刷新" />
          </Space>
        }
      >
        <PageState loading={gridRes.loading && !grid} error={gridRes.error} onRetry={gridRes.reload}>
          {grid && (
            <WeekGrid
              grid={grid}
              onCell={(c, date) =>
                setPreset({
                  kind: 'capacity',
                  date,
                  startLocal: c.cell!.startLocal,
                  capacity: c.capacity,
                })
              }
            />
          )}
        </PageState>
      </Card>

      <Card
        size="small"
        title="时段模板"
        extra={
          <Space>
            <Space size={4}>
              <Switch
                size="small"
                checked={showInactive}
                onChange={setShowInactive}
                aria-label="显示已停用"
              />
              <Typography.Text type="secondary">显示已停用</Typography.Text>
            </Space>
            <Button size="small" type="primary" icon={<PlusOutlined />} onClick={() => setEditing(null)}>
              添加时段
            </Button>
          </Space>
        }
      >
        <PageState
          loading={templates.loading && !templates.data}
          error={templates.error}
          onRetry={templates.reload}
        >
          <Table<AdminSlotTemplate>
            rowKey="id"
            size="small"
            pagination={false}
            dataSource={rows}
            loading={templates.loading}
            locale={{ emptyText: '还没有时段模板，点击“添加时段”' }}
            columns={[
              {
                title: '星期',
                dataIndex: 'weekday',
                width: 90,
                render: (w: number | null) => (w === null ? '每天' : weekdayZh(w)),
              },
              {
                title: '时段',
                width: 140,
                render: (_, t) => `${t.startLocal}–${t.endLocal}`,
              },
              { title: '容量（单）', dataIndex: 'capacity', width: 100 },
              {
                title: '截单',
                dataIndex: 'cutoffMin',
                render: (c: number | null) =>
                  c === null ? (
                    <Typography.Text type="secondary">
                      跟随配送区（开始前 {zone.cutoffMin} 分钟）
                    </Typography.Text>
                  ) : (
                    `开始前 ${c} 分钟`
                  ),
              },
              {
                title: '状态',
                dataIndex: 'active',
                width: 80,
                render: (a: boolean) => (a ? <Tag color="green">启用</Tag> : <Tag>已停用</Tag>),
              },
              {
                title: '操作',
                width: 140,
                render: (_, t) => (
                  <Space size={0}>
                    <Button type="link" size="small" onClick={() => setEditing(t)}>
                      编辑
                    </Button>
                    <Popconfirm
                      title={t.active ? '删除（停用）这个时段？' : '重新启用这个时段？'}
                      description={
                        t.active ? '之后不再生成该时段；已有预约的时段保留原时间和预约。' : undefined
                      }
                      okText="确定"
                      cancelText="取消"
                      onConfirm={() => toggle(t)}
                    >
                      <Button type="link" size="small" danger={t.active}>
                        {t.active ? '删除' : '启用'}
                      </Button>
                    </Popconfirm>
                  </Space>
                ),
              },
            ]}
          />
        </PageState>
      </Card>

      <Card
        size="small"
        title="停运与单日容量调整（今天起）"
        extra={
          <Button size="small" icon={<PlusOutlined />} onClick={() => setPreset(null)}>
            添加
          </Button>
        }
      >
        <PageState
          loading={overrides.loading && !overrides.data}
          error={overrides.error}
          onRetry={overrides.reload}
        >
          <Table<AdminSlotOverride>
            rowKey={(o) => `${o.kind}-${o.id}`}
            size="small"
            pagination={false}
            dataSource={overrides.data?.items ?? []}
            loading={overrides.loading}
            locale={{ emptyText: '没有停运或容量调整' }}
            columns={[
              { title: '日期', dataIndex: 'date', width: 140, render: (d: string) => dateLabelZh(d) },
              {
                title: '类型',
                dataIndex: 'kind',
                width: 110,
                render: (k: AdminSlotOverride['kind']) =>
                  k === 'blackout' ? <Tag color="default">停运</Tag> : <Tag color="orange">容量调整</Tag>,
              },
              {
                title: '时段',
                width: 130,
                render: (_, o) => {
                  if (o.kind === 'blackout') return '全天';
                  const t = templateOf(o.startLocal);
                  return t ? `${t.startLocal}–${t.endLocal}` : o.startLocal;
                },
              },
              {
                title: '内容',
                render: (_, o) => (o.kind === 'blackout' ? o.reason : `当日容量 ${o.capacity} 单`),
              },
              {
                title: '范围',
                width: 120,
                render: (_, o) => (o.zoneId === null ? <Tag color="red">全部配送区</Tag> : '本配送区'),
              },
              {
                title: '操作',
                width: 90,
                render: (_, o) =>
                  o.zoneId === null && !props.isAdmin ? (
                    <Typography.Text type="secondary">—</Typography.Text>
                  ) : (
                    <Popconfirm
                      title={o.kind === 'blackout' ? '取消这次停运？' : '取消这次容量调整，恢复模板容量？'}
                      okText="确定"
                      cancelText="取消"
                      onConfirm={() => lift(o)}
                    >
                      <Button type="link" size="small">
                        取消
                      </Button>
                    </Popconfirm>
                  ),
              },
            ]}
          />
        </PageState>
      </Card>

      {editing !== undefined && (
        <TemplateDialog
          open
          zone={zone}
          template={editing}
          onClose={() => setEditing(undefined)}
          onSaved={() => {
            setEditing(undefined);
            refresh();
          }}
          reload={() => {
            setEditing(undefined);
            refresh();
          }}
        />
      )}
      {preset !== undefined && (
        <OverrideDialog
          open
          zone={zone}
          templates={templates.data?.items ?? []}
          isAdmin={props.isAdmin}
          preset={preset}
          onClose={() => setPreset(undefined)}
          onSaved={() => {
            setPreset(undefined);
            refresh();
          }}
        />
      )}
    </Space>
  );
}
