import Taro from '@tarojs/taro';
import { fireEvent, render, waitFor } from '@testing-library/react';
import type { SavedAddress } from '@omni/shared-types';
import { order, productDetail, session, slot, slotsResponse } from '../../../test/fixtures';
import * as book from '../../services/addresses';
import { saveCheckoutDraft } from '../../services/cart';
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
jest.mock('../../services/addresses', () => ({
  ...jest.requireActual('../../services/addresses'),
  listAddresses: jest.fn(),
  createAddress: jest.fn(),
}));
jest.mock('../../services/orders', () => ({
  ...jest.requireActual('../../services/orders'),
  createOrder: jest.fn(),
}));
const createOrder = jest.mocked(orders.createOrder);
const getSlots = jest.mocked(slots.getSlots);
const listAddresses = jest.mocked(book.listAddresses);

const serum = {
  productId: 1,
  name: '玻尿酸保湿精华液',
  image: '/a.svg',
  priceFen: 1290,
  quantity: 2,
  maxPerOrder: 5,
};
const home: SavedAddress = {
  id: 4,
  contactName: '王小美',
  phone: '138****8000',
  address: '上海市静安区南京西路 1515 号',
  detail: '3 楼',
  lat: 31.2233,
  lng: 121.4454,
  tag: '家',
  isDefault: true,
  lastUsedAt: null,
  createdAt: '2026-11-25T02:00:00.000Z',
  updatedAt: '2026-11-25T02:00:00.000Z',
};

beforeEach(() => {
  saveSession(session());
  saveCheckoutDraft({ source: 'buy-now', lines: [serum] });
  jest.mocked(catalog.getProduct).mockResolvedValue(productDetail());
  jest.mocked(geo.geocode).mockResolvedValue({
    lat: 31.3,
    lng: 121.5,
    formattedAddress: '上海市静安区静安寺',
    district: '静安区',
  });
  getSlots.mockImplementation((_p, date) => Promise.resolve(slotsResponse([slot({ id: 11 })], date)));
  createOrder.mockResolvedValue(order({ id: 9 }));
  listAddresses.mockResolvedValue([{ ...home, id: 3, isDefault: false, tag: '公司' }, home]);
});

describe('结算 with the address book', () => {
  it('preselects the default address and orders it by id, without retyping', async () => {
    const { container } = render(<CheckoutPage />);
    await waitFor(() =>
      expect(container.querySelector('.checkout-address')?.getAttribute('data-id')).toBe('4'),
    );
    expect(container.querySelector('.checkout-address')?.textContent).toContain('138****8000');
    expect(container.querySelector('.contact-name-input')).toBeNull();
    await waitFor(() => expect(container.querySelector('.slot-chip[data-id="11"]')).not.toBeNull());
    expect(getSlots.mock.calls[0][0]).toEqual({ lat: 31.2233, lng: 121.4454 });
    fireEvent.click(container.querySelector('.slot-chip[data-id="11"]')!);
    fireEvent.click(container.querySelector('.submit-order')!);
    await waitFor(() => expect(createOrder).toHaveBeenCalled());
    expect(createOrder.mock.calls[0][0]).toEqual({
      type: 'delivery',
      items: [{ productId: 1, quantity: 2 }],
      slotId: 11,
      addressId: 4,
      note: undefined,
    });
  });

  it('opens the address book in picker mode with 更换', async () => {
    const { container } = render(<CheckoutPage />);
    await waitFor(() => expect(container.querySelector('.checkout-address-change')).not.toBeNull());
    fireEvent.click(container.querySelector('.checkout-address-change')!);
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/pages/addresses/index?select=1&selectedId=4' });
  });

  it('says an address outside every zone is not deliverable before the slot step, and offers pickup', async () => {
    getSlots.mockRejectedValue(
      new ApiError('OUT_OF_DELIVERY_AREA', '该地址不在配送范围内，可以选择到店自提', 422),
    );
    const { container } = render(<CheckoutPage />);
    await waitFor(() => expect(container.querySelector('.address-out-of-zone')).not.toBeNull());
    expect(container.querySelector('.address-out-of-zone')?.textContent).toContain('不在配送范围');
    expect(container.querySelector('.slot-picker')).toBeNull();
    fireEvent.click(container.querySelector('.switch-to-pickup')!);
    expect(container.querySelector('.mode-pickup')?.className).toContain('mode-tab--active');
    await waitFor(() => expect(container.textContent).not.toContain('正在查找附近门店'));
    await waitFor(() => expect(container.querySelector('.checkout-line')).not.toBeNull());
  });

  it('saves a typed-in address to the book when 保存到地址簿 is ticked and orders it by id', async () => {
    listAddresses.mockResolvedValue([]);
    jest.mocked(book.createAddress).mockResolvedValue({ ...home, id: 8, phone: '13800138000' });
    const { container } = render(<CheckoutPage />);
    await waitFor(() => expect(listAddresses).toHaveBeenCalled());
    const type = (sel: string, value: string) =>
      fireEvent.change(container.querySelector(sel)!, { target: { value } });
    type('.contact-name-input', '王小美');
    type('.phone-input', '13800138000');
    type('.address-input', '静安寺');
    fireEvent.click(container.querySelector('.geocode-button')!);
    await waitFor(() => expect(container.querySelector('.slot-chip[data-id="11"]')).not.toBeNull());
    fireEvent.click(container.querySelector('.slot-chip[data-id="11"]')!);
    fireEvent.click(container.querySelector('.save-address-toggle')!);
    fireEvent.click(container.querySelector('.submit-order')!);
    await waitFor(() => expect(createOrder).toHaveBeenCalled());
    expect(book.createAddress).toHaveBeenCalledWith(
      expect.objectContaining({ contactName: '王小美', phone: '13800138000', lat: 31.3, lng: 121.5 }),
    );
    expect(createOrder.mock.calls[0][0]).toMatchObject({ addressId: 8, slotId: 11 });
    expect(createOrder.mock.calls[0][0]).not.toHaveProperty('address');
  });
});
