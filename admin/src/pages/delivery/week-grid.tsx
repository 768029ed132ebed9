// The next 7 days of one zone: columns are days, rows slot times, each cell booked/capacity on the
// green → amber → red scale (grey: blackout or closed). Clicking a cell offers a capacity change.
import { Space, Tag, Tooltip, Typography } from 'antd';
import { dayTotal, fillColour, type GridCell, type SlotGrid } from './slot-grid';

const cellStyle = { padding: '6px 8px', border: '1px solid #f0f0f0', textAlign: 'center' as const };

export function Legend() {
  const stops = [0, 0.25, 0.5, 0.75, 1].map((r) => fillColour(r * 10, 10).background);
  return (
    <Space size={12} wrap style={{ fontSize: 12, color: '#595959' }}>
      <Space size={4}>
        空
        <span
          style={{
            display: 'inline-block',
            width: 120,
            height: 10,
            borderRadius: 5,
            background: `linear-gradient(90deg, ${stops.join(', ')})`,
          }}
        />
        满
      </Space>
      <Space size={4}>
        <span style={{ display: 'inline-block', width: 14, height: 10, background: '#f0f0f0' }} />
        停运 / 关闭
      </Space>
      <span>淡色：已截单</span>
    </Space>
  );
}

export function WeekGrid(props: { grid: SlotGrid; onCell?(cell: GridCell, date: string): void }) {
  const { grid } = props;
  if (!grid.rows.length) {
    return <Typography.Text type="secondary">该配送区未来 7 天没有时段，请先添加时段模板。</Typography.Text>;
  }
  return (
    <div style={{ overflowX: 'auto' }}>
      <table style={{ borderCollapse: 'collapse', width: '100%', fontSize: 13 }} aria-label="7 天时段预约">
        <thead>
          <tr>
            <th style={{ ...cellStyle, background: '#fafafa', width: 110 }}>时段</th>
            {grid.columns.map((c) => (
              <th key={c.date} style={{ ...cellStyle, background: '#fafafa', fontWeight: 500 }}>
                {c.label}
                {c.storeClosed && (
                  <Tag color="default" style={{ marginLeft: 4, marginInlineEnd: 0 }}>
                    门店休息
                  </Tag>
                )}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {grid.rows.map((r) => (
            <tr key={r.key}>
              <th style={{ ...cellStyle, fontWeight: 400, background: '#fafafa' }}>
                {r.startLocal}–{r.endLocal}
              </th>
              {r.cells.map((c, i) => (
                <td
                  key={grid.columns[i].date}
                  data-state={c.state}
                  style={{
                    ...cellStyle,
                    background: c.background,
                    color: c.color,
                    opacity: c.state === 'past' ? 0.45 : 1,
                    cursor: c.cell && props.onCell && c.state !== 'past' ? 'pointer' : 'default',
                    fontWeight: c.state === 'full' ? 600 : 400,
                  }}
                  onClick={() => c.cell && c.state !== 'past' && props.onCell?.(c, grid.columns[i].date)}
                >
                  <Tooltip title={c.title}>
                    <span>{c.text}</span>
                  </Tooltip>
                  {c.cell?.overridden && <sup style={{ marginLeft: 2 }}>*</sup>}
                </td>
              ))}
            </tr>
          ))}
          <tr>
            <th style={{ ...cellStyle, fontWeight: 500, background: '#fafafa' }}>合计</th>
            {grid.columns.map((c, i) => {
              const t = dayTotal(grid, i);
              return (
                <td key={c.date} style={{ ...cellStyle, background: '#fafafa', fontWeight: 500 }}>
                  {t.booked}/{t.capacity}
                </td>
              );
            })}
          </tr>
        </tbody>
      </table>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        * 当日容量已调整。点击格子可调整当日容量。
      </Typography.Text>
    </div>
  );
}
