import Taro from '@tarojs/taro';
import type { OfferedTemplate } from '@omni/shared-types';
import { act, fireEvent, render, waitFor } from '@testing-library/react';
import { order, productDetail, session, slot, slotsResponse } from '../../../test/fixtures';
import { saveCheckoutDraft } from '../../services/cart';
import * as catalog from '../../services/catalog';
import * as geo from '../../services/geo';
import * as orders from '../../services/orders';
import { saveSession } from '../../services/session';
import * as slots from '../../services/slots';
import { offerForOrder } from '../../services/notify';
import CheckoutPage from '.';

// The mini-program build: 提交订单 asks about order messages with WeChat's sheet (index.test.tsx runs as H5).
jest.mock('../../config', () => ({ ...jest.requireActual('../../config'), IS_H5: false }));
jest.mock('../../services/catalog');
jest.mock('../../services/geo');
jest.mock('../../services/slots');
jest.mock('../../services/orders', () => ({
  ...jest.requireActual('../../services/orders'),
  createOrder: jest.fn(),
}));
const createOrder = jest.mocked(orders.createOrder);
const mockRequest = Taro.request as unknown as jest.Mock;
const subscribe = Taro.requestSubscribeMessage as unknown as jest.Mock;

type Call = { url: string; method: string; data?: unknown };
const offered: OfferedTemplate[] = [
  { templateId: 'T-paid', event: 'order_paid', title: '订单支付成功' },
  { templateId: 'T-out', event: 'out_for_delivery', title: '订单配送中' },
];

const serum = {
  productId: 1,
  name: '玻尿酸保湿精华液',
  image: '/a.svg',
  priceFen: 1290,
  quantity: 2,
  maxPerOrder: 5,
};

beforeEach(() => {
  saveSession(session());
  saveCheckoutDraft({ source: 'buy-now', lines: [serum] });
  jest.mocked(catalog.getProduct).mockResolvedValue(productDetail());
  jest.mocked(geo.geocode).mockResolvedValue({
    lat: 31.2233,
    lng: 121.4454,
    formattedAddress: '上海市静安区静安寺',
    district: '静安区',
  });
  jest
    .mocked(slots.getSlots)
    .mockImplementation((_point, date) => Promise.resolve(slotsResponse([slot()], date)));
  createOrder.mockResolvedValue(order({ id: 5, status: 'pending_payment' }));
  mockRequest.mockImplementation((call: Call) => {
    if (call.url.includes('/notifications/templates'))
      return Promise.resolve({ statusCode: 200, data: { items: offered } });
    if (call.url.endsWith('/notifications/consents'))
      return Promise.resolve({ statusCode: 200, data: { accepted: 1, ignored: [], allowances: [] } });
    return Promise.resolve({ statusCode: 404, data: {} });
  });
});

const consentCalls = () =>
  mockRequest.mock.calls.map(([c]) => c as Call).filter((c) => c.url.endsWith('/notifications/consents'));

async function readyToOrder() {
  const view = render(<CheckoutPage />);
  const { container } = view;
  await waitFor(() =>
    expect(mockRequest.mock.calls.some(([c]) => String(c.url).includes('scene=checkout'))).toBe(true),
  );
  await act(() => new Promise((resolve) => setTimeout(resolve, 0))); // the offer is taken in
  const type = (selector: string, value: string) =>
    fireEvent.change(container.querySelector(selector)!, { target: { value } });
  type('.contact-name-input', '王小美');
  type('.phone-input', '13800138000');
  type('.address-input', '静安寺');
  fireEvent.click(container.querySelector('.geocode-button')!);
  await waitFor(() => expect(container.querySelector('.slot-chip[data-id="11"]')).not.toBeNull());
  fireEvent.click(container.querySelector('.slot-chip[data-id="11"]')!);
  return container;
}

describe('结算: order messages', () => {
  it('asks for the checkout templates in the tap, before the order is posted, and records the answer', async () => {
    subscribe.mockResolvedValueOnce({
      errMsg: 'requestSubscribeMessage:ok',
      'T-paid': 'accept',
      'T-out': 'reject',
    });
    const container = await readyToOrder();

    fireEvent.click(container.querySelector('.submit-order')!);

    expect(subscribe).toHaveBeenCalledWith({ tmplIds: ['T-paid', 'T-out'] });
    await waitFor(() =>
      expect(Taro.redirectTo).toHaveBeenCalledWith({ url: '/pages/order-detail/index?id=5&pay=1' }),
    );
    expect(subscribe.mock.invocationCallOrder[0]).toBeLessThan(createOrder.mock.invocationCallOrder[0]);
    await waitFor(() => expect(consentCalls()).toHaveLength(1));
    expect(consentCalls()[0].data).toEqual({
      scene: 'checkout',
      results: { 'T-paid': 'accept', 'T-out': 'reject' },
    });
  });

  it('still posts the order when the user has switched subscriptions off', async () => {
    subscribe.mockRejectedValueOnce({
      errCode: 20004,
      errMsg: 'requestSubscribeMessage:fail main switch is off',
    });
    const container = await readyToOrder();

    fireEvent.click(container.querySelector('.submit-order')!);

    await waitFor(() => expect(createOrder).toHaveBeenCalledTimes(1));
    await waitFor(() => expect(Taro.redirectTo).toHaveBeenCalled());
    expect(consentCalls()).toHaveLength(0);
  });

  it('posts the order once the sheet is answered, without waiting for the answer to be recorded', async () => {
    let answer: (r: Record<string, string>) => void = () => undefined;
    subscribe.mockReturnValueOnce(new Promise((ok) => (answer = ok)));
    let recorded: (r: unknown) => void = () => undefined;
    mockRequest.mockImplementation((call: Call) => {
      if (call.url.includes('/notifications/templates'))
        return Promise.resolve({ statusCode: 200, data: { items: offered } });
      if (call.url.endsWith('/notifications/consents')) return new Promise((ok) => (recorded = ok));
      return Promise.resolve({ statusCode: 404, data: {} });
    });
    const container = await readyToOrder();

    fireEvent.click(container.querySelector('.submit-order')!);
    await act(() => new Promise((resolve) => setTimeout(resolve, 20)));
    expect(createOrder).not.toHaveBeenCalled();

    answer({ errMsg: 'requestSubscribeMessage:ok', 'T-paid': 'accept', 'T-out': 'accept' });
    await waitFor(() => expect(createOrder).toHaveBeenCalledTimes(1));
    expect(consentCalls()).toHaveLength(1);
    recorded({ statusCode: 200, data: { accepted: 2, ignored: [], allowances: [] } });
  });

  it('asks a pickup order only for what a pickup order can send', async () => {
    const all: OfferedTemplate[] = [
      ...offered,
      { templateId: 'T-ready', event: 'ready_for_pickup', title: '订单待自提' },
    ];
    const o = { scene: 'checkout' as const, items: all };
    expect(offerForOrder(o, 'pickup')!.items.map((i) => i.templateId)).toEqual(['T-paid', 'T-ready']);
    expect(offerForOrder(o, 'delivery')!.items.map((i) => i.templateId)).toEqual(['T-paid', 'T-out']);
  });

  it('does not ask when the user cannot order yet', async () => {
    const { container } = render(<CheckoutPage />);
    await waitFor(() =>
      expect(container.querySelector('.submit-order')?.hasAttribute('disabled')).toBe(false),
    );
    fireEvent.click(container.querySelector('.submit-order')!);
    expect(Taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '请填写收货人' }));
    expect(subscribe).not.toHaveBeenCalled();
  });
});
