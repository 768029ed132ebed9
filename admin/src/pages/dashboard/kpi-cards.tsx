// The 看板's KPI cards: value, change against the period before (arrow coloured by `better`), the
// goal (a bar with its mark) and an 异常 badge with the band when the latest day is out of it.
import { Card, Tag, Tooltip, Typography } from 'antd';
import { ArrowDownOutlined, ArrowUpOutlined } from '@ant-design/icons';
import type { DashboardCard } from '@omni/shared-types';
import { anomalyText, changeView, formatKpi, meetsGoal } from './kpi-format';

function GoalBar({ card }: { card: DashboardCard }) {
  if (card.goal === undefined) return null;
  const ok = meetsGoal(card);
  const fraction = card.unit === '%';
  const value = card.value ?? 0;
  const widthPct = fraction ? Math.min(Math.max(value, 0), 1) * 100 : 0;
  return (
    <div style={{ marginTop: 8 }} aria-label={`目标 ${formatKpi(card.unit, card.goal)}`}>
      {fraction && (
        <div style={{ position: 'relative', height: 6, background: '#f0f0f0', borderRadius: 3 }}>
          <div
            style={{
              width: `${widthPct}%`,
              height: 6,
              borderRadius: 3,
              background: ok ? '#52c41a' : '#faad14',
            }}
          />
          <div
            style={{
              position: 'absolute',
              left: `${card.goal * 100}%`,
              top: -3,
              width: 2,
              height: 12,
              background: '#cf1322',
            }}
          />
        </div>
      )}
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        目标 {formatKpi(card.unit, card.goal)}
        {ok === null ? '' : ok ? ' · 已达标' : ' · 未达标'}
      </Typography.Text>
    </div>
  );
}

export function KpiCard({ card }: { card: DashboardCard }) {
  const ch = changeView(card.changePct, card.better);
  return (
    <Card size="small" data-kpi={card.key} style={{ height: '100%' }}>
      <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center' }}>
        <Typography.Text type="secondary">{card.label}</Typography.Text>
        {card.anomaly && (
          <Tooltip title={anomalyText(card.unit, card.anomaly)}>
            <Tag color="red" style={{ marginInlineEnd: 0 }}>
              异常
            </Tag>
          </Tooltip>
        )}
      </div>
      <div data-value={card.value ?? ''} style={{ fontSize: 24, fontWeight: 600, margin: '4px 0' }}>
        {formatKpi(card.unit, card.value)}
      </div>
      <div style={{ fontSize: 12 }}>
        <span style={{ color: ch.color }}>
          {ch.arrow === 'up' && <ArrowUpOutlined aria-label="上升" />}
          {ch.arrow === 'down' && <ArrowDownOutlined aria-label="下降" />} {ch.text}
        </span>
        <Typography.Text type="secondary" style={{ fontSize: 12, marginInlineStart: 6 }}>
          上期 {formatKpi(card.unit, card.previous)}
        </Typography.Text>
      </div>
      {card.anomaly && (
        <Typography.Text type="danger" style={{ fontSize: 12, display: 'block', marginTop: 4 }}>
          {anomalyText(card.unit, card.anomaly)}
        </Typography.Text>
      )}
      <GoalBar card={card} />
    </Card>
  );
}

export function KpiCards({ cards }: { cards: DashboardCard[] }) {
  return (
    <div
      style={{
        display: 'grid',
        gridTemplateColumns: 'repeat(auto-fill, minmax(210px, 1fr))',
        gap: 12,
      }}
    >
      {cards.map((c) => (
        <KpiCard key={c.key} card={c} />
      ))}
    </div>
  );
}
