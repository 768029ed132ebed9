import { countsByEvent, statsOption } from './stats-chart';
import { stats } from './fixtures';

describe('notification stats chart', () => {
  it('sums per event in catalogue order, shipping uploads after the events', () => {
    const rows = countsByEvent({
      ...stats,
      items: [{ event: 'delivered', status: 'sent', count: 5, last24h: 1 }, ...stats.items],
    });
    expect(rows.map((r) => r.title)).toEqual(['订单支付成功', '订单已送达', '发货信息·同城配送']);
    expect(rows[0].total.sent).toBe(120);
    expect(rows[0].last24h.skipped_no_consent).toBe(4);
    expect(rows[2].total.dead).toBe(3);
  });

  it('stacks one coloured series per status that occurs, first event on top', () => {
    const option = statsOption(countsByEvent(stats));
    expect(option.yAxis).toMatchObject({ type: 'category', data: ['发货信息·同城配送', '订单支付成功'] });
    const series = option.series as {
      name: string;
      stack: string;
      data: number[];
      itemStyle: { color: string };
    }[];
    expect(series.map((s) => s.name)).toEqual(['已发送', '未订阅，未发送', '失败（死信）']);
    expect(series.every((s) => s.stack === 'total')).toBe(true);
    expect(series[0].data).toEqual([60, 120]);
    expect(series[2]).toMatchObject({ data: [3, 0], itemStyle: { color: '#f5222d' } });
  });
});
