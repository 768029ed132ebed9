import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { App } from 'antd';
import type { NotifyTemplate } from '@omni/shared-types';
import { mockFetch, type Call } from '../../../test/mockFetch';
import { paidTemplate, routeTemplate } from './fixtures';
import { TemplatesTab } from './templates-tab';

function renderTab(onPut: (c: Call) => [number, unknown]) {
  const f = mockFetch((c) => {
    if (c.method === 'GET') return [200, { items: [paidTemplate, routeTemplate] }];
    return onPut(c);
  });
  render(
    <App>
      <TemplatesTab />
    </App>,
  );
  return f;
}

const itemOf = (el: HTMLElement) => el.closest('.ant-form-item') as HTMLElement;
const save = (dialog: HTMLElement) =>
  fireEvent.click(within(dialog).getByRole('button', { name: /保\s*存/ }));

async function openPaid() {
  fireEvent.click(await screen.findByRole('button', { name: '编辑 订单支付成功' }));
  return screen.findByRole('dialog');
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

describe('notification templates', () => {
  let restore = () => undefined as void;
  afterEach(() => restore());

  it('lists the events and saves the edited template as a key → variable object, a cleared id as null', async () => {
    const f = renderTab((c) => [
      200,
      { ...paidTemplate, ...(c.body as object), version: 4 } as NotifyTemplate,
    ]);
    restore = f.restore;
    const route = (await screen.findByText('配送路线已发布')).closest('tr') as HTMLElement;
    expect(within(route).getByText('未配置')).toBeInTheDocument();
    expect(within(route).getByText('骑手')).toBeInTheDocument();
    expect(within(route).getByText('停用')).toBeInTheDocument();
    const paid = screen.getByText('订单支付成功').closest('tr') as HTMLElement;
    expect(within(paid).getByText('tpl-paid-001')).toBeInTheDocument();
    expect(within(paid).getByText('提交订单')).toBeInTheDocument();
    expect(within(paid).getByText('启用')).toBeInTheDocument();

    const dialog = await openPaid();
    const preview = within(dialog).getByTestId('notify-preview');
    expect(preview).toHaveTextContent('2026120812345678');
    expect(preview).toHaveTextContent('草莓奶油蛋糕 等 2 件');
    expect(preview).toHaveTextContent('¥128.00');
    expect(itemOf(within(dialog).getByLabelText('字段 2 关键词'))).toHaveTextContent('事物：20 个字以内');

    fireEvent.change(within(dialog).getByLabelText('模板 ID'), { target: { value: '' } });
    fireEvent.click(within(dialog).getByRole('button', { name: '删除字段 4' }));
    fireEvent.click(within(dialog).getByRole('button', { name: /添加字段/ }));
    fireEvent.change(within(dialog).getByLabelText('字段 4 关键词'), { target: { value: ' thing5 ' } });
    await pick('字段 4 内容', '门店');
    await waitFor(() => expect(preview).toHaveTextContent('徐汇旗舰店'));
    expect(preview).not.toHaveTextContent('18:00~20:00');
    save(dialog);

    await waitFor(() => expect(f.calls.some((c) => c.method === 'PUT')).toBe(true));
    const put = f.calls.find((c) => c.method === 'PUT')!;
    expect(put.url).toBe('/api/v1/admin/notification-templates/order_paid');
    expect(put.body).toEqual({
      templateId: null,
      fields: { character_string1: 'orderNo', thing2: 'items', amount3: 'amount', thing5: 'store' },
      page: 'pages/order-detail/index?id={orderId}',
      scenes: ['checkout'],
      enabled: true,
      version: 3,
    });
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    const saved = screen.getByText('订单支付成功').closest('tr') as HTMLElement;
    expect(within(saved).getByText('未配置')).toBeInTheDocument();
  });

  it('puts the API’s VALIDATION_FAILED issues next to the page and the field row they name', async () => {
    const f = renderTab(() => [
      400,
      {
        error: {
          code: 'VALIDATION_FAILED',
          message: '请求参数无效',
          details: {
            fields: [
              { path: 'page', message: '小程序里没有这个页面' },
              { path: 'fields.thing2', message: 'Too big: expected string to have <=32 characters' },
            ],
          },
        },
      },
    ]);
    restore = f.restore;
    const dialog = await openPaid();
    save(dialog);
    const pageError = await within(dialog).findByText('小程序里没有这个页面');
    expect(itemOf(pageError)).toHaveTextContent('跳转页面');
    const varItem = itemOf(within(dialog).getByLabelText('字段 2 内容'));
    expect(varItem).toHaveTextContent('内容无效，请重新选择');
    expect(screen.getByRole('dialog')).toBeInTheDocument();
  });

  it('refuses a key that is not a WeChat keyword before sending anything', async () => {
    const f = renderTab(() => [200, paidTemplate]);
    restore = f.restore;
    const dialog = await openPaid();
    fireEvent.change(within(dialog).getByLabelText('字段 1 关键词'), { target: { value: 'orderNo1' } });
    save(dialog);
    const err = await within(dialog).findByText('字段名须为微信模板的关键词，如 thing1、amount2');
    expect(itemOf(err)).toContainElement(within(dialog).getByLabelText('字段 1 关键词'));
    expect(f.calls.filter((c) => c.method === 'PUT')).toHaveLength(0);

    fireEvent.change(within(dialog).getByLabelText('字段 1 关键词'), { target: { value: 'phrase1' } });
    await waitFor(() =>
      expect(itemOf(within(dialog).getByLabelText('字段 1 关键词'))).toHaveTextContent('短语：5 个汉字以内'),
    );
    await waitFor(() =>
      expect(
        within(dialog).queryByText('字段名须为微信模板的关键词，如 thing1、amount2'),
      ).not.toBeInTheDocument(),
    );
  });
});
