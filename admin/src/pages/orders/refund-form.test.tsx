import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { App } from 'antd';
import { mockFetch } from '../../../test/mockFetch';
import { orderDetail } from './fixtures';
import { RefundDialog } from './refund-form';
import { CancelDialog } from './cancel-form';

const confirm = () => fireEvent.click(screen.getByRole('button', { name: /确认退款/ }));

describe('RefundDialog', () => {
  let restore = () => undefined as void;
  afterEach(() => restore());

  const renderDialog = () => {
    const onDone = jest.fn();
    render(
      <App>
        <RefundDialog order={orderDetail()} open onClose={() => undefined} onDone={onDone} />
      </App>,
    );
    return onDone;
  };

  it('requires a reason and sends nothing without one', async () => {
    const f = mockFetch(() => [500, {}]);
    restore = f.restore;
    renderDialog();
    expect(screen.getByRole('button', { name: /确认退款 ¥61\.00/ })).toBeInTheDocument();
    confirm();
    expect(await screen.findByText('请填写退款原因')).toBeInTheDocument();
    expect(f.calls).toHaveLength(0);
  });

  it('previews the chosen lines and sends them with the amount', async () => {
    const f = mockFetch(({ body }) => [
      200,
      {
        order: orderDetail({ refundStatus: 'refunding' }),
        refund: { refundNo: 'RF1', amountFen: (body as { amountFen: number }).amountFen },
      },
    ]);
    restore = f.restore;
    const onDone = renderDialog();
    fireEvent.click(screen.getByLabelText('部分商品'));
    fireEvent.change(await screen.findByLabelText('香皂 退款数量'), { target: { value: '1' } });
    await waitFor(() => expect(screen.getByTestId('refund-preview')).toHaveTextContent('¥12.50'));
    fireEvent.click(screen.getByLabelText(/同时退配送费/));
    await waitFor(() => expect(screen.getByTestId('refund-preview')).toHaveTextContent('¥18.50'));
    fireEvent.change(screen.getByLabelText('退款原因'), { target: { value: '香皂破损' } });
    fireEvent.click(screen.getByRole('button', { name: /确认退款 ¥18\.50/ }));
    await waitFor(() => expect(onDone).toHaveBeenCalledTimes(1));
    expect(f.calls).toEqual([
      {
        method: 'POST',
        url: '/api/v1/admin/orders/7/refund',
        body: {
          reason: '香皂破损',
          lines: [{ productId: 11, quantity: 1 }],
          includeFee: true,
          amountFen: 1850,
        },
      },
    ]);
  });

  it('sends the whole order without lines and shows ALREADY_REFUNDED from the BFF', async () => {
    const f = mockFetch(() => [
      409,
      { error: { code: 'ALREADY_REFUNDED', message: '这笔订单已经全部退款了' } },
    ]);
    restore = f.restore;
    const onDone = renderDialog();
    fireEvent.change(screen.getByLabelText('退款原因'), { target: { value: '顾客取消' } });
    confirm();
    expect(await screen.findByText('这笔订单已经全部退款了')).toBeInTheDocument();
    expect(f.calls[0].body).toEqual({ reason: '顾客取消', includeFee: true, amountFen: 6100 });
    expect(onDone).not.toHaveBeenCalled();
  });

  it('asks for at least one line in a partial refund', async () => {
    const f = mockFetch(() => [500, {}]);
    restore = f.restore;
    renderDialog();
    fireEvent.click(screen.getByLabelText('部分商品'));
    fireEvent.click(screen.getByLabelText(/同时退配送费/));
    fireEvent.change(screen.getByLabelText('退款原因'), { target: { value: '破损' } });
    confirm();
    expect(await screen.findByText('请至少选择一件要退的商品')).toBeInTheDocument();
    expect(f.calls).toHaveLength(0);
  });
});

describe('CancelDialog', () => {
  let restore = () => undefined as void;
  afterEach(() => restore());

  it('requires a reason, then sends it and shows the BFF refusal', async () => {
    const f = mockFetch(() => [
      409,
      { error: { code: 'INVALID_STATE', message: '订单已出库或已完成，无法取消' } },
    ]);
    restore = f.restore;
    render(
      <App>
        <CancelDialog
          order={orderDetail({ status: 'paid' })}
          onClose={() => undefined}
          onDone={() => undefined}
        />
      </App>,
    );
    fireEvent.click(screen.getByRole('button', { name: /确认取消订单/ }));
    expect(await screen.findByText('请填写取消原因')).toBeInTheDocument();
    expect(f.calls).toHaveLength(0);
    fireEvent.change(screen.getByLabelText('取消原因'), { target: { value: '门店缺货' } });
    fireEvent.click(screen.getByRole('button', { name: /确认取消订单/ }));
    expect(await screen.findByText('订单已出库或已完成，无法取消')).toBeInTheDocument();
    expect(f.calls).toEqual([
      { method: 'POST', url: '/api/v1/admin/orders/7/cancel', body: { reason: '门店缺货' } },
    ]);
  });
});
