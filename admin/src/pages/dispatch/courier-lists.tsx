// Beside the map: each courier's stops in order (ETA against the window, late ones red, the route's
// length) and the orders in no route with the reason. A stop moves to another courier by dragging its
// row onto that courier's list (HTML5 drag and drop) or with its 改派给 select.
import { useState, type DragEvent } from 'react';
import { Card, Empty, Select, Space, Tag, Typography } from 'antd';
import { HolderOutlined } from '@ant-design/icons';
import type { BoardStop, BoardUnassigned, DispatchBoard } from '@omni/shared-types';
import { ORDER_STATUS_TEXT } from '@omni/shared-types';
import {
  STOP_STATUS_TEXT,
  UNASSIGNED_COLOR,
  boardCourierIds,
  etaView,
  formatWindow,
  km,
} from './board-logic';

const DRAG_TYPE = 'application/x-omni-order';

export interface CourierListsProps {
  board: DispatchBoard;
  colors: Map<number, string>;
  /** The order being reassigned (its row shows as busy). */
  busyOrderId: number | null;
  /** The order picked on the map (its row is outlined and scrolled to). */
  focusOrderId: number | null;
  onReassign(orderId: number, courierId: number): void;
}

interface Dragging {
  orderId: number;
  from: number | null;
}

function Swatch({ color, text }: { color: string; text?: string }) {
  return (
    <span
      style={{
        display: 'inline-flex',
        alignItems: 'center',
        justifyContent: 'center',
        minWidth: 20,
        height: 20,
        borderRadius: 10,
        background: color,
        color: '#fff',
        fontSize: 11,
        fontWeight: 600,
        flex: 'none',
      }}
    >
      {text}
    </span>
  );
}

export function CourierLists(props: CourierListsProps) {
  const { board, colors } = props;
  const [dragging, setDragging] = useState<Dragging | null>(null);
  const [over, setOver] = useState<number | null>(null);
  const names = new Map<number, string>(board.couriers.map((c) => [c.id, c.name]));
  for (const r of board.routes) if (!names.has(r.courierId)) names.set(r.courierId, r.courierName);
  const ids = boardCourierIds(board).sort((a, b) => a - b);
  const routeOf = (id: number) => board.routes.find((r) => r.courierId === id);
  const assignable = board.couriers.map((c) => c.id);

  const targets = (from: number | null) =>
    assignable
      .filter((id) => id !== from)
      .map((id) => ({ value: id, label: names.get(id) ?? `骑手 #${id}` }));

  const dragProps = (orderId: number, from: number | null, movable: boolean) =>
    movable
      ? {
          draggable: true,
          onDragStart: (e: DragEvent) => {
            e.dataTransfer.setData(DRAG_TYPE, JSON.stringify({ orderId, from }));
            e.dataTransfer.setData('text/plain', String(orderId));
            e.dataTransfer.effectAllowed = 'move';
            setDragging({ orderId, from });
          },
          onDragEnd: () => {
            setDragging(null);
            setOver(null);
          },
        }
      : {};

  const dropProps = (courierId: number) => ({
    onDragOver: (e: DragEvent) => {
      if (!dragging || dragging.from === courierId || !assignable.includes(courierId)) return;
      e.preventDefault();
      e.dataTransfer.dropEffect = 'move';
      if (over !== courierId) setOver(courierId);
    },
    onDragLeave: () => setOver((o) => (o === courierId ? null : o)),
    onDrop: (e: DragEvent) => {
      e.preventDefault();
      setOver(null);
      let d = dragging;
      try {
        d = (JSON.parse(e.dataTransfer.getData(DRAG_TYPE)) as Dragging) ?? d;
      } catch {
        // Dropped from elsewhere: fall back to what this page started dragging.
      }
      setDragging(null);
      if (d && d.from !== courierId) props.onReassign(d.orderId, courierId);
    },
  });

  const stopRow = (s: BoardStop, courierId: number) => {
    const eta = etaView(s);
    const movable = s.status === 'pending';
    const busy = props.busyOrderId === s.orderId;
    const focus = props.focusOrderId === s.orderId;
    return (
      <div
        key={s.stopId}
        data-testid={`stop-${s.orderId}`}
        id={`dispatch-order-${s.orderId}`}
        {...dragProps(s.orderId, courierId, movable && !busy)}
        style={{
          display: 'flex',
          gap: 8,
          alignItems: 'flex-start',
          padding: '6px 8px',
          borderRadius: 6,
          background: s.late ? '#fff1f0' : '#fafafa',
          border: `1px solid ${focus ? '#1677ff' : s.late ? '#ffccc7' : '#f0f0f0'}`,
          opacity: busy ? 0.5 : 1,
          cursor: movable ? 'grab' : 'default',
        }}
      >
        {movable && <HolderOutlined style={{ color: '#bfbfbf', marginTop: 4 }} aria-hidden />}
        <Swatch color={colors.get(courierId) ?? '#1677ff'} text={String(s.seq)} />
        <div style={{ flex: 1, minWidth: 0 }}>
          <Space size={4} wrap>
            <Typography.Text strong>{s.orderNo}</Typography.Text>
            {s.status !== 'pending' && <Tag>{STOP_STATUS_TEXT[s.status]}</Tag>}
            {s.late && <Tag color="red">迟到</Tag>}
          </Space>
          <Typography.Text
            type="secondary"
            ellipsis={{ tooltip: s.address }}
            style={{ display: 'block', fontSize: 12 }}
          >
            {s.address}
          </Typography.Text>
          <Typography.Text type={s.late ? 'danger' : undefined} style={{ fontSize: 12 }}>
            {eta.text}
          </Typography.Text>
        </div>
        {movable && (
          <Select<number>
            size="small"
            placeholder="改派给"
            aria-label={`改派 ${s.orderNo}`}
            style={{ width: 104 }}
            value={null}
            disabled={busy}
            options={targets(courierId)}
            onChange={(to) => props.onReassign(s.orderId, to)}
          />
        )}
      </div>
    );
  };

  const unassignedRow = (u: BoardUnassigned) => {
    const busy = props.busyOrderId === u.orderId;
    return (
      <div
        key={u.orderId}
        data-testid={`unassigned-${u.orderId}`}
        id={`dispatch-order-${u.orderId}`}
        {...dragProps(u.orderId, null, !busy)}
        style={{
          display: 'flex',
          gap: 8,
          alignItems: 'flex-start',
          padding: '6px 8px',
          borderRadius: 6,
          background: '#fafafa',
          border: `1px solid ${props.focusOrderId === u.orderId ? '#1677ff' : '#f0f0f0'}`,
          opacity: busy ? 0.5 : 1,
          cursor: 'grab',
        }}
      >
        <HolderOutlined style={{ color: '#bfbfbf', marginTop: 4 }} aria-hidden />
        <Swatch color={UNASSIGNED_COLOR} />
        <div style={{ flex: 1, minWidth: 0 }}>
          <Space size={4} wrap>
            <Typography.Text strong>{u.orderNo}</Typography.Text>
            <Tag color="default">{u.reason}</Tag>
            <Tag>{ORDER_STATUS_TEXT[u.orderStatus]}</Tag>
          </Space>
          <Typography.Text
            type="secondary"
            ellipsis={{ tooltip: u.address }}
            style={{ display: 'block', fontSize: 12 }}
          >
            {u.address}
          </Typography.Text>
          <Typography.Text style={{ fontSize: 12 }}>时段 {formatWindow(u.window)}</Typography.Text>
        </div>
        {board.planned && assignable.length > 0 && (
          <Select<number>
            size="small"
            placeholder="分配给"
            aria-label={`分配 ${u.orderNo}`}
            style={{ width: 104 }}
            value={null}
            disabled={busy}
            options={targets(null)}
            onChange={(to) => props.onReassign(u.orderId, to)}
          />
        )}
      </div>
    );
  };

  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      {ids.length === 0 && <Empty description="本店没有可用骑手" />}
      {ids.map((id) => {
        const r = routeOf(id);
        const late = r?.stops.filter((s) => s.late).length ?? 0;
        const canDrop = dragging && dragging.from !== id && assignable.includes(id);
        return (
          <Card
            key={id}
            size="small"
            data-testid={`courier-${id}`}
            {...dropProps(id)}
            style={{
              borderColor: over === id ? (colors.get(id) ?? '#1677ff') : undefined,
              borderStyle: canDrop ? 'dashed' : undefined,
              boxShadow: over === id ? `0 0 0 2px ${colors.get(id) ?? '#1677ff'}33` : undefined,
            }}
            title={
              <Space size={6}>
                <Swatch color={colors.get(id) ?? '#1677ff'} />
                <span>{names.get(id) ?? `骑手 #${id}`}</span>
                {!assignable.includes(id) && <Tag>不可接单</Tag>}
              </Space>
            }
            extra={
              <Space size={4}>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {r?.stops.length ?? 0} 站 · {km(r?.distanceKm ?? 0)}
                </Typography.Text>
                {late > 0 && <Tag color="red">迟到 {late}</Tag>}
              </Space>
            }
          >
            {r && r.stops.length > 0 ? (
              <Space orientation="vertical" size={6} style={{ width: '100%' }}>
                {r.stops.map((s) => stopRow(s, id))}
              </Space>
            ) : (
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                暂无站点{canDrop ? '，松开即可改派到该骑手' : ''}
              </Typography.Text>
            )}
          </Card>
        );
      })}
      <Card
        size="small"
        data-testid="unassigned"
        title={
          <Space size={6}>
            <Swatch color={UNASSIGNED_COLOR} />
            <span>未分配</span>
          </Space>
        }
        extra={<Typography.Text type="secondary">{board.unassigned.length} 单</Typography.Text>}
      >
        {board.unassigned.length ? (
          <Space orientation="vertical" size={6} style={{ width: '100%' }}>
            {board.unassigned.map(unassignedRow)}
          </Space>
        ) : (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {board.totals.orders ? '所有订单都已分配' : '暂无订单'}
          </Typography.Text>
        )}
      </Card>
    </Space>
  );
}
