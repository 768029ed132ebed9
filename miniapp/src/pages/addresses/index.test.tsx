import Taro from '@tarojs/taro';
import { fireEvent, render, waitFor } from '@testing-library/react';
import type { SavedAddress } from '@omni/shared-types';
import { setRouterParams } from '../../../test/__mocks__/taro';
import * as book from '../../services/addresses';
import AddressesPage from '.';

jest.mock('../../services/addresses', () => ({
  ...jest.requireActual('../../services/addresses'),
  listAddresses: jest.fn(),
  deleteAddress: jest.fn(),
  updateAddress: jest.fn(),
}));
const listAddresses = jest.mocked(book.listAddresses);

function saved(overrides: Partial<SavedAddress> = {}): SavedAddress {
  return {
    id: 1,
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
    ...overrides,
  };
}

const home = saved();
const office = saved({ id: 2, contactName: '李雷', tag: '公司', isDefault: false, detail: null });

beforeEach(() => {
  listAddresses.mockResolvedValue([home, office]);
  jest.mocked(book.deleteAddress).mockResolvedValue();
  jest.mocked(book.updateAddress).mockResolvedValue(saved({ id: 2, isDefault: true }));
});

describe('收货地址', () => {
  it('lists each address with its tag, masked phone and the default badge', async () => {
    const { container } = render(<AddressesPage />);
    await waitFor(() => expect(container.querySelectorAll('.address-item')).toHaveLength(2));
    const first = container.querySelector('.address-item[data-id="1"]')!;
    expect(first.textContent).toContain('138****8000');
    expect(first.textContent).toContain('南京西路 1515 号 3 楼');
    expect(first.querySelector('.address-default-badge')?.textContent).toBe('默认');
    expect(first.querySelector('.address-set-default')).toBeNull();
    const second = container.querySelector('.address-item[data-id="2"]')!;
    expect(second.querySelector('.address-default-badge')).toBeNull();
    expect(second.querySelector('.address-tag-badge')?.textContent).toBe('公司');
  });

  it('sets another address as the default and reloads the list', async () => {
    const { container } = render(<AddressesPage />);
    await waitFor(() =>
      expect(container.querySelector('.address-item[data-id="2"] .address-set-default')).not.toBeNull(),
    );
    fireEvent.click(container.querySelector('.address-item[data-id="2"] .address-set-default')!);
    await waitFor(() => expect(book.updateAddress).toHaveBeenCalledWith(2, { isDefault: true }));
    await waitFor(() => expect(listAddresses).toHaveBeenCalledTimes(2));
  });

  it('deletes only after the confirm dialog says yes', async () => {
    jest
      .mocked(Taro.showModal)
      .mockResolvedValueOnce({ confirm: false, cancel: true, errMsg: 'showModal:ok' });
    const { container } = render(<AddressesPage />);
    await waitFor(() =>
      expect(container.querySelector('.address-item[data-id="2"] .address-delete')).not.toBeNull(),
    );
    fireEvent.click(container.querySelector('.address-item[data-id="2"] .address-delete')!);
    await waitFor(() => expect(Taro.showModal).toHaveBeenCalledTimes(1));
    expect(book.deleteAddress).not.toHaveBeenCalled();

    fireEvent.click(container.querySelector('.address-item[data-id="2"] .address-delete')!);
    await waitFor(() => expect(book.deleteAddress).toHaveBeenCalledWith(2));
  });

  it('opens the edit page for 新增地址 and 编辑', async () => {
    const { container } = render(<AddressesPage />);
    await waitFor(() => expect(container.querySelector('.address-add')).not.toBeNull());
    fireEvent.click(container.querySelector('.address-add')!);
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/pages/addresses/edit/index' });
    fireEvent.click(container.querySelector('.address-item[data-id="2"] .address-edit')!);
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/pages/addresses/edit/index?id=2' });
  });

  it('in picker mode hands the tapped address back to 结算', async () => {
    setRouterParams({ select: '1', selectedId: '1' });
    const { container } = render(<AddressesPage />);
    await waitFor(() =>
      expect(container.querySelector('.address-item--selected')?.getAttribute('data-id')).toBe('1'),
    );
    expect(container.querySelector('.address-delete')).toBeNull();
    fireEvent.click(container.querySelector('.address-item[data-id="2"]')!);
    expect(Taro.navigateBack).toHaveBeenCalled();
    expect(book.takePickedAddress()).toEqual(office);
    expect(book.takePickedAddress()).toBeNull();
  });

  it('says so when the book is full', async () => {
    listAddresses.mockResolvedValue(
      Array.from({ length: 20 }, (_, i) => saved({ id: i + 1, isDefault: i === 0 })),
    );
    const { container } = render(<AddressesPage />);
    await waitFor(() =>
      expect(container.querySelector('.address-add')?.textContent).toBe('最多保存 20 个地址'),
    );
    fireEvent.click(container.querySelector('.address-add')!);
    expect(Taro.navigateTo).not.toHaveBeenCalled();
  });
});
