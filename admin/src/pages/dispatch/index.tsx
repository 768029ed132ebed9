// 调度: one store's delivery day — run the route planner, see each courier's route on the map in
// its own colour with numbered stops, the stops' ETA against their windows, orders in no route and
// why, move a stop to another courier (drag or 改派给), and the couriers moving live.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  DatePicker,
  Popconfirm,
  Row,
  Segmented,
  Select,
  Space,
  Spin,
  Tag,
  Typography,
} from 'antd';
import { NodeIndexOutlined, ReloadOutlined } from '@ant-design/icons';
import type { DispatchBoard, DispatchPlan, DispatchReassignBody } from '@omni/shared-types';
import { api } from '../../api/client';
import { useAuth } from '../../auth/AuthContext';
import { PageState } from '../../components/PageState';
import { dayjs, shDate, shTime } from '../../components/format';
import { useApi } from '../../components/useApi';
import { useStores } from '../../components/useStores';
import { GeoMap } from '../../map/GeoMap';
import { boardCourierIds, boardMap, courierColors, km, latestPositions } from './board-logic';
import { CourierLists } from './courier-lists';
import { useCourierPositions, type LiveStatus } from './use-courier-positions';

const LIVE_TAG: Record<LiveStatus, { color: string; text: string }> = {
  connecting: { color: 'default', text: '实时位置连接中' },
  live: { color: 'green', text: '实时位置已连接' },
  offline: { color: 'orange', text: '实时位置未连接' },
};

function useElapsedS(running: boolean): number {
  const [s, setS] = useState(0);
  useEffect(() => {
    if (!running) return;
    setS(0);
    const t = setInterval(() => setS((x) => x + 1), 1000);
    return () => clearInterval(t);
  }, [running]);
  return s;
}

export default function DispatchPage() {
  const auth = useAuth();
  const stores = useStores();
  const { message } = App.useApp();
  const [picked, setPicked] = useState<number | null>(null);
  const storeId = auth.storeId ?? picked ?? stores.data?.[0]?.id ?? null;
  const [date, setDate] = useState(() => shDate());
  const [planning, setPlanning] = useState(false);
  const [busyOrderId, setBusyOrderId] = useState<number | null>(null);
  const [actionError, setActionError] = useState<string | null>(null);
  const [focusOrderId, setFocusOrderId] = useState<number | null>(null);
  const elapsed = useElapsedS(planning);

  const board = useApi(
    (signal) => api.get<DispatchBoard>('/admin/dispatch', { date, storeId: storeId ?? undefined }, signal),
    [storeId, date],
  );
  const data =
    board.data && board.data.storeId === storeId && board.data.date === date ? board.data : undefined;
  const version = useRef<number | null>(null);
  version.current = data?.version ?? null;

  const onUpdated = useCallback(
    (e: { date: string; version: number }) => {
      if (e.date === date && (version.current === null || e.version > version.current)) board.reload();
    },
    [date, board],
  );
  const live = useCourierPositions(storeId, onUpdated);

  useEffect(() => {
    setActionError(null);
    setFocusOrderId(null);
  }, [storeId, date]);

  const colors = useMemo(() => courierColors(data ? boardCourierIds(data) : []), [data]);
  const positions = useMemo(
    () => latestPositions(data?.couriers ?? [], live.positions),
    [data, live.positions],
  );
  const map = useMemo(
    () =>
      data
        ? boardMap(data, colors, positions, (orderId) => {
            setFocusOrderId(orderId);
            document.getElementById(`dispatch-order-${orderId}`)?.scrollIntoView({ block: 'nearest' });
          })
        : { points: [], lines: [] },
    [data, colors, positions],
  );

  const plan = async () => {
    if (storeId === null) return;
    setPlanning(true);
    setActionError(null);
    try {
      const res = await api.post<DispatchPlan>('/dispatch/plan', { date, storeId });
      board.set(await api.get<DispatchBoard>('/admin/dispatch', { date, storeId }));
      message.success(
        `排线完成：${res.routes.length} 条路线，${res.unassigned.length} 单未分配，用时 ${res.summary.computingMs} 毫秒`,
      );
    } catch (err) {
      setActionError(`排线失败：${(err as Error).message}`);
    } finally {
      setPlanning(false);
    }
  };

  const reassign = async (orderId: number, courierId: number) => {
    if (storeId === null || busyOrderId !== null) return;
    setBusyOrderId(orderId);
    setActionError(null);
    try {
      const body: DispatchReassignBody = { date, storeId, orderId, courierId };
      board.set(await api.post<DispatchBoard>('/admin/dispatch/reassign', body));
      const name = data?.couriers.find((c) => c.id === courierId)?.name ?? `骑手 #${courierId}`;
      message.success(`已改派给 ${name}，路线已重新优化`);
    } catch (err) {
      setActionError(`改派失败：${(err as Error).message}`);
    } finally {
      setBusyOrderId(null);
    }
  };

  const today = shDate();
  const tomorrow = shDate(1);
  const storePicker = auth.isAdmin && auth.storeId === null && (
    <Select
      aria-label="选择门店"
      style={{ width: 200 }}
      value={storeId ?? undefined}
      loading={stores.loading}
      showSearch={{ optionFilterProp: 'label' }}
      onChange={(v: number) => setPicked(v)}
      options={(stores.data ?? []).map((s) => ({ value: s.id, label: s.name }))}
    />
  );

  return (
    <Card>
      <PageState
        loading={stores.loading}
        error={stores.error}
        onRetry={stores.reload}
        empty={!stores.loading && storeId === null}
        emptyText="还没有门店，请先在“门店”中创建"
      >
        <Space wrap style={{ width: '100%', justifyContent: 'space-between', marginBottom: 12 }}>
          <Space wrap>
            {storePicker || (
              <Typography.Text strong>
                {stores.data?.find((s) => s.id === storeId)?.name ?? data?.store.name ?? ''}
              </Typography.Text>
            )}
            <Segmented<string>
              aria-label="配送日"
              value={date === today ? 'today' : date === tomorrow ? 'tomorrow' : 'other'}
              onChange={(v) => {
                if (v === 'today') setDate(today);
                if (v === 'tomorrow') setDate(tomorrow);
              }}
              options={[
                { value: 'today', label: '今天' },
                { value: 'tomorrow', label: '明天' },
                { value: 'other', label: '其他日期', disabled: true },
              ]}
            />
            <DatePicker
              aria-label="配送日期"
              allowClear={false}
              value={dayjs(date)}
              onChange={(d) => d && setDate(d.format('YYYY-MM-DD'))}
            />
            <Popconfirm
              title="重新排线？"
              description="将按当前订单重新生成路线（新版本），未出发的站点可能换骑手。"
              okText="重新排线"
              cancelText="取消"
              disabled={!data?.planned}
              onConfirm={() => void plan()}
            >
              <Button
                type="primary"
                icon={<NodeIndexOutlined />}
                loading={planning}
                disabled={!data || busyOrderId !== null}
                onClick={() => {
                  if (!data?.planned) void plan();
                }}
              >
                运行排线
              </Button>
            </Popconfirm>
            <Button icon={<ReloadOutlined />} onClick={board.reload} disabled={planning}>
              刷新
            </Button>
          </Space>
          <Space wrap>
            <Tag color={LIVE_TAG[live.status].color} title={live.error ?? undefined}>
              {LIVE_TAG[live.status].text}
            </Tag>
            {data && (
              <Typography.Text type="secondary">
                {data.planned ? `第 ${data.version ?? 1} 版 · 排线于 ${shTime(data.plannedAt)}` : '尚未排线'}
              </Typography.Text>
            )}
          </Space>
        </Space>
        {data && (
          <Space wrap size="large" style={{ marginBottom: 12 }} aria-label="当日汇总">
            <span>订单 {data.totals.orders}</span>
            <span>已分配 {data.totals.assigned}</span>
            <span style={{ color: data.totals.late ? '#cf1322' : undefined }}>迟到 {data.totals.late}</span>
            <span>总里程 {km(data.totals.distanceKm)}</span>
            <span>未分配 {data.unassigned.length}</span>
          </Space>
        )}
        {actionError && (
          <Alert
            type="error"
            showIcon
            closable={{ onClose: () => setActionError(null) }}
            title={actionError}
            style={{ marginBottom: 12 }}
          />
        )}
        {data && data.totals.orders === 0 && data.unassigned.length === 0 && (
          <Alert
            type="info"
            showIcon
            title="当天暂无配送订单：有顾客预约该日的配送时段后，订单会出现在这里。"
            style={{ marginBottom: 12 }}
          />
        )}
        {data && !data.planned && data.totals.orders > 0 && (
          <Alert
            type="info"
            showIcon
            title="当日尚未排线：点击“运行排线”为这些订单生成骑手路线。"
            style={{ marginBottom: 12 }}
          />
        )}
        <PageState loading={board.loading && !data} error={board.error} onRetry={board.reload} empty={false}>
          {data && (
            <Spin
              spinning={planning}
              size="large"
              percent="auto"
              description={`正在排线，请稍候…（已用时 ${elapsed} 秒）`}
            >
              <Row gutter={[16, 16]}>
                <Col xs={24} xl={15}>
                  <GeoMap
                    height={620}
                    points={map.points}
                    lines={map.lines}
                    fitKey={`${storeId}|${date}`}
                    ariaLabel="调度地图"
                  />
                </Col>
                <Col xs={24} xl={9}>
                  <div style={{ maxHeight: 620, overflowY: 'auto', paddingRight: 4 }}>
                    <CourierLists
                      board={data}
                      colors={colors}
                      busyOrderId={busyOrderId}
                      focusOrderId={focusOrderId}
                      onReassign={(o, c) => void reassign(o, c)}
                    />
                  </div>
                </Col>
              </Row>
            </Spin>
          )}
        </PageState>
      </PageState>
    </Card>
  );
}
