import { TextEncoder } from 'node:util';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { App } from 'antd';
import type { NotificationRow } from '@omni/shared-types';
import { mockFetch, type Call } from '../../../test/mockFetch';
import { deadRow, sentRow, stats } from './fixtures';

// react-router encodes with TextEncoder at load, which jsdom lacks: load it (and the page) after.
(globalThis as { TextEncoder?: unknown }).TextEncoder ??= TextEncoder;
const { MemoryRouter } = require('react-router-dom') as typeof import('react-router-dom');
const NotificationsPage = (require('./index') as typeof import('./index')).default;

jest.mock('../../components/Chart', () => ({
  Chart: (p: { ariaLabel?: string }) => <div data-testid="chart">{p.ariaLabel}</div>,
}));

const page = (items: NotificationRow[]) => ({ items, total: items.length, page: 1, pageSize: 20 });
const listCalls = (calls: Call[]) =>
  calls.filter((c) => c.method === 'GET' && /\/admin\/notifications(\?|$)/.test(c.url));
const queryOf = (c: Call) => Object.fromEntries(new URL(c.url, 'http://x').searchParams);

function renderPage(url: string, handler: (c: Call) => [number, unknown]) {
  const f = mockFetch(handler);
  render(
    <App>
      <MemoryRouter initialEntries={[url]}>
        <NotificationsPage />
      </MemoryRouter>
    </App>,
  );
  return f;
}

async function pick(label: string, option: string) {
  fireEvent.mouseDown(screen.getByLabelText(label));
  const el = await waitFor(() => {
    const o = document.querySelector(`.ant-select-item-option[title="${option}"]`);
    if (!o) throw new Error('no option yet');
    return o as HTMLElement;
  });
  fireEvent.click(el);
}

describe('notifications page', () => {
  let restore = () => undefined as void;
  afterEach(() => restore());

  it('lists the outbox in Shanghai time and opens a row with its data, errcode and next attempt', async () => {
    const f = renderPage('/notifications?tab=outbox', () => [200, page([sentRow, deadRow])]);
    restore = f.restore;
    const sent = (await screen.findByText('2026-12-08 15:32:00')).closest('tr') as HTMLElement;
    expect(within(sent).getByText('订单支付成功')).toBeInTheDocument();
    expect(within(sent).getByText('顾客 #12')).toBeInTheDocument();
    expect(within(sent).getByText('已发送')).toBeInTheDocument();
    expect(within(sent).queryByRole('button', { name: '重新发送' })).not.toBeInTheDocument();
    const dead = screen.getByText('发货信息·同城配送').closest('tr') as HTMLElement;
    expect(within(dead).getByText('失败（死信）')).toBeInTheDocument();
    expect(within(dead).getByText('access_token 已失效')).toBeInTheDocument();

    fireEvent.click(within(dead).getByText('发货信息·同城配送'));
    const drawer = await screen.findByRole('dialog');
    expect(within(drawer).getByText('通知 #42')).toBeInTheDocument();
    expect(within(drawer).getByText('40001')).toBeInTheDocument();
    expect(within(drawer).getByText('2026-12-08 16:30:00')).toBeInTheDocument();
    expect(within(drawer).getByTestId('notification-data')).toHaveTextContent(
      '"out_trade_no": "P2026120812345678"',
    );
    expect(listCalls(f.calls)[0].url).toBe('/api/v1/admin/notifications?page=1&pageSize=20');
  });

  it('sends the chosen filters as the list query', async () => {
    const f = renderPage('/notifications?tab=outbox', () => [200, page([sentRow])]);
    restore = f.restore;
    await screen.findByText('订单支付成功');
    await pick('状态', '失败（死信）');
    await pick('通知类型', '订单支付成功');
    await pick('渠道', '订阅消息');
    fireEvent.change(screen.getByLabelText('订单 ID'), { target: { value: '88' } });
    fireEvent.keyDown(screen.getByLabelText('订单 ID'), { key: 'Enter', code: 'Enter', keyCode: 13 });
    await waitFor(() =>
      expect(queryOf(listCalls(f.calls).at(-1)!)).toEqual({
        status: 'dead',
        event: 'order_paid',
        channel: 'subscribe',
        orderId: '88',
        page: '1',
        pageSize: '20',
      }),
    );
  });

  it('sends a dead row again after confirming, and reloads the list', async () => {
    let retried = false;
    const f = renderPage('/notifications?tab=outbox', (c) => {
      if (c.method === 'POST') {
        retried = true;
        return [200, { ...deadRow, status: 'pending', attempts: 0 }];
      }
      return [200, page(retried ? [{ ...deadRow, status: 'pending', attempts: 0 }] : [deadRow])];
    });
    restore = f.restore;
    const row = (await screen.findByText('发货信息·同城配送')).closest('tr') as HTMLElement;
    const before = listCalls(f.calls).length;
    fireEvent.click(within(row).getByRole('button', { name: '重新发送' }));
    const ok = await waitFor(() => {
      const b = document.querySelector<HTMLElement>('.ant-popconfirm-buttons .ant-btn-primary');
      if (!b) throw new Error('no confirm yet');
      return b;
    });
    fireEvent.click(ok);
    await waitFor(() => expect(screen.getByText('待发送')).toBeInTheDocument());
    const post = f.calls.filter((c) => c.method === 'POST');
    expect(post.map((c) => c.url)).toEqual(['/api/v1/admin/notifications/42/retry']);
    expect(listCalls(f.calls).length).toBeGreaterThan(before);
    expect(screen.queryByRole('button', { name: '重新发送' })).not.toBeInTheDocument();
    expect(screen.queryByText('通知 #42')).not.toBeInTheDocument();
  });

  it('shows the dead-letter count and the last 24 h, and links to the dead rows', async () => {
    const f = renderPage('/notifications?tab=stats', (c) =>
      c.url.includes('/stats') ? [200, stats] : [200, page([deadRow])],
    );
    restore = f.restore;
    expect(await screen.findByTestId('notify-dead')).toHaveTextContent('3');
    expect(screen.getByTestId('chart')).toHaveTextContent('各通知发送结果');
    const paid = screen.getByText('订单支付成功').closest('tr') as HTMLElement;
    expect(within(paid).getByText('14')).toBeInTheDocument();
    expect(within(paid).getByText('18')).toBeInTheDocument();

    fireEvent.click(screen.getByRole('button', { name: '查看失败记录' }));
    await screen.findByText('发货信息·同城配送');
    expect(queryOf(listCalls(f.calls).at(-1)!)).toMatchObject({ status: 'dead' });
    expect(screen.getByRole('tab', { name: '发送记录', selected: true })).toBeInTheDocument();
  });
});
