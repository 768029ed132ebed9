import Taro from '@tarojs/taro';
import { fireEvent, render, waitFor } from '@testing-library/react';
import type { SavedAddress } from '@omni/shared-types';
import { setRouterParams } from '../../../../test/__mocks__/taro';
import * as book from '../../../services/addresses';
import * as geo from '../../../services/geo';
import { ApiError } from '../../../services/request';
import AddressEditPage from '.';

jest.mock('../../../services/geo');
jest.mock('../../../services/addresses', () => ({
  ...jest.requireActual('../../../services/addresses'),
  getAddress: jest.fn(),
  createAddress: jest.fn(),
  updateAddress: jest.fn(),
}));
const createAddress = jest.mocked(book.createAddress);

const stored: SavedAddress = {
  id: 7,
  contactName: '王小美',
  phone: '13800138000',
  address: '静安寺',
  detail: null,
  lat: 31.2233,
  lng: 121.4454,
  tag: '公司',
  isDefault: true,
  lastUsedAt: null,
  createdAt: '2026-11-25T02:00:00.000Z',
  updatedAt: '2026-11-25T02:00:00.000Z',
};

beforeEach(() => {
  jest.mocked(geo.geocode).mockResolvedValue({
    lat: 31.2233,
    lng: 121.4454,
    formattedAddress: '上海市静安区静安寺',
    district: '静安区',
  });
  createAddress.mockResolvedValue(stored);
  jest.mocked(book.updateAddress).mockResolvedValue(stored);
  jest.mocked(book.getAddress).mockResolvedValue(stored);
});

function type(container: HTMLElement, selector: string, value: string) {
  fireEvent.change(container.querySelector(selector)!, { target: { value } });
}

async function fill(container: HTMLElement) {
  type(container, '.address-name-input', '王小美');
  type(container, '.address-phone-input', '13800138000');
  type(container, '.address-address-input', '静安寺');
  fireEvent.click(container.querySelector('.address-locate')!);
  await waitFor(() =>
    expect(container.querySelector('.address-located')?.textContent).toBe('已定位：上海市静安区静安寺'),
  );
}

const errorOf = (container: HTMLElement, field: string) =>
  container.querySelector(`.address-field-error[data-field="${field}"]`)?.textContent;

describe('新增收货地址', () => {
  it('states the limit beside each field', () => {
    const { container } = render(<AddressEditPage />);
    const limits = [...container.querySelectorAll('.address-field-limit')].map((e) => e.textContent);
    expect(limits).toEqual(expect.arrayContaining(['最多 20 字', '最多 120 字', '最多 60 字', '最多 8 字']));
  });

  it('saves a located address with its tag and default switch, then goes back', async () => {
    const { container } = render(<AddressEditPage />);
    await fill(container);
    type(container, '.address-room-input', '3 楼');
    fireEvent.click(container.querySelector('.address-tag[data-tag="家"]')!);
    fireEvent.click(container.querySelector('.address-default-switch')!);
    fireEvent.click(container.querySelector('.address-save')!);
    await waitFor(() => expect(Taro.navigateBack).toHaveBeenCalled());
    expect(createAddress).toHaveBeenCalledWith({
      contactName: '王小美',
      phone: '13800138000',
      address: '静安寺',
      detail: '3 楼',
      tag: '家',
      lat: 31.2233,
      lng: 121.4454,
      coord: 'gcj02',
      isDefault: true,
    });
  });

  it('refuses an emoji, a long name and an unlocated address beside the fields, before asking the server', async () => {
    const { container } = render(<AddressEditPage />);
    type(container, '.address-name-input', '张'.repeat(21));
    type(container, '.address-phone-input', '12345');
    type(container, '.address-address-input', '静安寺🏠');
    fireEvent.click(container.querySelector('.address-save')!);
    await waitFor(() => expect(errorOf(container, 'contactName')).toBe('收货人最多 20 个字'));
    expect(errorOf(container, 'phone')).toMatch(/11 位/);
    expect(errorOf(container, 'address')).toBe('地址不能包含表情符号');
    expect(container.querySelector('.address-field-limit--over')).not.toBeNull();
    expect(createAddress).not.toHaveBeenCalled();
  });

  it('shows the API field errors inline and other errors under the form', async () => {
    createAddress.mockRejectedValueOnce(
      new ApiError('ADDRESS_INVALID', '收货地址填写有误', 400, {
        fields: [{ path: 'detail', message: '门牌号不能包含控制字符或换行' }],
      }),
    );
    const { container } = render(<AddressEditPage />);
    await fill(container);
    fireEvent.click(container.querySelector('.address-save')!);
    await waitFor(() => expect(errorOf(container, 'detail')).toBe('门牌号不能包含控制字符或换行'));

    createAddress.mockRejectedValueOnce(
      new ApiError('ADDRESS_LIMIT', '最多保存 20 个收货地址，请先删除不用的地址', 409),
    );
    fireEvent.click(container.querySelector('.address-save')!);
    await waitFor(() =>
      expect(container.querySelector('.address-form-error')?.textContent).toBe(
        '最多保存 20 个收货地址，请先删除不用的地址',
      ),
    );
    expect(Taro.navigateBack).not.toHaveBeenCalled();
  });
});

describe('编辑收货地址', () => {
  it('loads the full address and keeps the default switch locked on', async () => {
    setRouterParams({ id: '7' });
    const { container } = render(<AddressEditPage />);
    await waitFor(() =>
      expect((container.querySelector('.address-phone-input') as HTMLInputElement).value).toBe('13800138000'),
    );
    expect(container.querySelector('.address-tag--active')?.getAttribute('data-tag')).toBe('公司');
    const sw = container.querySelector('.address-default-switch')!;
    fireEvent.click(sw);
    expect(sw.className).toContain('address-default-switch--on');
    type(container, '.address-name-input', '王大美');
    fireEvent.click(container.querySelector('.address-save')!);
    await waitFor(() =>
      expect(book.updateAddress).toHaveBeenCalledWith(7, expect.objectContaining({ contactName: '王大美' })),
    );
    expect(jest.mocked(book.updateAddress).mock.calls[0][1]).not.toHaveProperty('isDefault');
  });
});
