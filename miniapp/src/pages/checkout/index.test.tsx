import Taro from '@tarojs/taro';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { order, productDetail, session, slot, slotsResponse } from '../../../test/fixtures';
import { addToCart, getCart, saveCheckoutDraft } from '../../services/cart';
import * as catalog from '../../services/catalog';
import * as geo from '../../services/geo';
import * as orders from '../../services/orders';
import { ApiError } from '../../services/request';
import { saveSession } from '../../services/session';
import * as slots from '../../services/slots';
import CheckoutPage from '.';

jest.mock('../../services/catalog');
jest.mock('../../services/geo');
jest.mock('../../services/slots');
jest.mock('../../services/orders', () => ({
  ...jest.requireActual('../../services/orders'),
  createOrder: jest.fn(),
}));
const createOrder = jest.mocked(orders.createOrder);
const getSlots = jest.mocked(slots.getSlots);

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
  addToCart(serum);
  saveCheckoutDraft({ source: 'cart', lines: [serum] });
  jest.mocked(catalog.getProduct).mockResolvedValue(productDetail());
  jest.mocked(geo.geocode).mockResolvedValue({
    lat: 31.2233,
    lng: 121.4454,
    formattedAddress: '上海市静安区静安寺',
    district: '静安区',
  });
  getSlots.mockImplementation((_point, date) =>
    Promise.resolve(
      slotsResponse(
        [
          slot({ id: 11, label: '14:00-16:00' }),
          slot({ id: 12, label: '16:00-18:00', startAt: '2026-11-26T08:00:00.000Z' }),
        ],
        date,
      ),
    ),
  );
});

function input(container: HTMLElement, selector: string, value: string) {
  fireEvent.change(container.querySelector(selector)!, { target: { value } });
}

async function fillDeliveryAndPickSlot(container: HTMLElement, slotId = 11) {
  input(container, '.contact-name-input', '王小美');
  input(container, '.phone-input', '13800138000');
  input(container, '.address-input', '静安寺');
  fireEvent.click(container.querySelector('.geocode-button')!);
  await waitFor(() => expect(container.querySelector(`.slot-chip[data-id="${slotId}"]`)).not.toBeNull());
  fireEvent.click(container.querySelector(`.slot-chip[data-id="${slotId}"]`)!);
}

function keyOfCall(n: number): string {
  return createOrder.mock.calls[n][1];
}

describe('结算', () => {
  it('shows the items, the zone fee and the total once a slot is picked', async () => {
    const { container } = render(<CheckoutPage />);
    await fillDeliveryAndPickSlot(container);
    expect(container.querySelector('.items-total')?.textContent).toBe('¥25.80');
    expect(container.querySelector('.delivery-fee')?.textContent).toBe('¥8.00');
    expect(container.querySelector('.checkout-total')?.textContent).toBe('¥33.80');
    expect(container.querySelector('.slot-chip')?.textContent).toContain('配送费 ¥8.00');
  });

  it('reuses the Idempotency-Key when 提交订单 is tapped again after a network error', async () => {
    createOrder
      .mockRejectedValueOnce(new ApiError('NETWORK_ERROR', '网络不给力，请检查网络后重试', 0))
      .mockResolvedValueOnce(order({ id: 5, status: 'pending_payment' }));
    const { container } = render(<CheckoutPage />);
    await fillDeliveryAndPickSlot(container);

    fireEvent.click(container.querySelector('.submit-order')!);
    expect(await screen.findByText(/网络不给力.*再次提交不会重复下单/)).toBeTruthy();
    fireEvent.click(container.querySelector('.submit-order')!);

    await waitFor(() =>
      expect(Taro.redirectTo).toHaveBeenCalledWith({ url: '/pages/order-detail/index?id=5&pay=1' }),
    );
    expect(createOrder).toHaveBeenCalledTimes(2);
    expect(keyOfCall(0)).toMatch(/^[A-Za-z0-9_-]{8,64}$/);
    expect(keyOfCall(1)).toBe(keyOfCall(0));
    expect(createOrder.mock.calls[0][0]).toEqual({
      type: 'delivery',
      items: [{ productId: 1, quantity: 2 }],
      slotId: 11,
      address: {
        contactName: '王小美',
        phone: '13800138000',
        address: '静安寺',
        detail: undefined,
        lat: 31.2233,
        lng: 121.4454,
        coord: 'gcj02',
      },
      note: undefined,
    });
    // The ordered lines left the cart.
    expect(getCart()).toEqual([]);
  });

  it('refreshes the slots after SLOT_FULL and orders the new pick under a new key', async () => {
    createOrder
      .mockRejectedValueOnce(new ApiError('SLOT_FULL', '该时段已约满，请选择其他时段', 409))
      .mockResolvedValueOnce(order());
    const { container } = render(<CheckoutPage />);
    await fillDeliveryAndPickSlot(container);
    const loads = getSlots.mock.calls.length;

    fireEvent.click(container.querySelector('.submit-order')!);

    expect(await screen.findByText('该时段刚刚约满了，已为你刷新时段，请重新选择')).toBeTruthy();
    await waitFor(() => expect(getSlots.mock.calls.length).toBe(loads + 1));
    expect(container.querySelector('.slot-chip--selected')).toBeNull();

    fireEvent.click(container.querySelector('.slot-chip[data-id="12"]')!);
    fireEvent.click(container.querySelector('.submit-order')!);
    await waitFor(() => expect(createOrder).toHaveBeenCalledTimes(2));
    expect(createOrder.mock.calls[1][0]).toMatchObject({ slotId: 12 });
    expect(keyOfCall(1)).not.toBe(keyOfCall(0));
  });

  it('names the items that ran out of stock', async () => {
    createOrder.mockRejectedValueOnce(
      new ApiError('OUT_OF_STOCK', '商品库存不足', 409, {
        items: [{ productId: 1, name: '玻尿酸保湿精华液', requested: 2, available: 1 }],
      }),
    );
    const { container } = render(<CheckoutPage />);
    await fillDeliveryAndPickSlot(container);

    fireEvent.click(container.querySelector('.submit-order')!);

    await waitFor(() =>
      expect(container.querySelector('.checkout-error')?.textContent).toBe(
        '库存不足：玻尿酸保湿精华液（仅剩 1 件），请修改数量或换个门店',
      ),
    );
    expect(getCart()).toHaveLength(1);
  });

  it('does not submit before a slot is chosen', async () => {
    const { container } = render(<CheckoutPage />);
    await waitFor(() =>
      expect(container.querySelector('.submit-order')?.hasAttribute('disabled')).toBe(false),
    );
    input(container, '.contact-name-input', '王小美');
    input(container, '.phone-input', '13800138000');
    fireEvent.click(container.querySelector('.submit-order')!);
    expect(Taro.showToast).toHaveBeenCalledWith(
      expect.objectContaining({ title: '请填写收货地址并点击「定位」' }),
    );
    expect(createOrder).not.toHaveBeenCalled();
  });

  it('says how much too long an address is instead of cutting it, and does not order it', async () => {
    const { container } = render(<CheckoutPage />);
    await waitFor(() =>
      expect(container.querySelector('.submit-order')?.hasAttribute('disabled')).toBe(false),
    );
    input(container, '.contact-name-input', '王小美');
    input(container, '.phone-input', '13800138000');
    const long = '上海市静安区南京西路'.repeat(13); // 130 characters
    input(container, '.address-input', long);
    expect((container.querySelector('.address-input') as HTMLInputElement).value).toBe(long);
    expect(container.querySelector('.address-limit--over')?.textContent).toBe(
      '地址最多 120 字，请删减 10 字',
    );
    fireEvent.click(container.querySelector('.submit-order')!);
    expect(Taro.showToast).toHaveBeenCalledWith(
      expect.objectContaining({ title: '地址最多 120 字，请删减 10 字' }),
    );
    expect(createOrder).not.toHaveBeenCalled();
  });
});
