import Taro from '@tarojs/taro';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { setRouterParams } from '../../../test/__mocks__/taro';
import { productDetail } from '../../../test/fixtures';
import { getCart, getCheckoutDraft } from '../../services/cart';
import * as catalog from '../../services/catalog';
import { ApiError } from '../../services/request';
import ProductPage from '.';

jest.mock('../../services/catalog');
const getProduct = jest.mocked(catalog.getProduct);

describe('商品详情', () => {
  it('shows name, price, attributes and the stores nearest first', async () => {
    setRouterParams({ id: '1' });
    getProduct.mockResolvedValue(
      productDetail({
        stock: [
          { storeId: 1, storeName: '静安店', quantity: 3, distanceM: 5200 },
          { storeId: 2, storeName: '徐汇店', quantity: 0, distanceM: 800 },
          { storeId: 3, storeName: '浦东店', quantity: 9, distanceM: 2300 },
        ],
      }),
    );
    const { container } = render(<ProductPage />);

    await waitFor(() =>
      expect(container.querySelector('.detail-name')?.textContent).toBe('玻尿酸保湿精华液'),
    );
    expect(container.querySelector('.detail-price')?.textContent).toBe('¥12.90');
    expect(screen.getByText('干皮')).toBeTruthy();
    expect([...container.querySelectorAll('.stock-row__name')].map((el) => el.textContent)).toEqual([
      '徐汇店',
      '浦东店',
      '静安店',
    ]);
    expect(screen.getByText('无货')).toBeTruthy();
    expect(screen.getByText('800m')).toBeTruthy();
    expect(getProduct).toHaveBeenCalledWith(1, null);
  });

  it('does not call the BFF for an id that cannot exist', async () => {
    setRouterParams({ id: 'abc' });
    render(<ProductPage />);
    expect(await screen.findByText('商品不存在或已下架')).toBeTruthy();
    expect(screen.queryByText('重试')).toBeNull();
    expect(getProduct).not.toHaveBeenCalled();
  });

  it('offers 重试 after a failed load', async () => {
    setRouterParams({ id: '1' });
    getProduct
      .mockRejectedValueOnce(new ApiError('TIMEOUT', '请求超时，请稍后重试', 0))
      .mockResolvedValueOnce(productDetail());
    const { container } = render(<ProductPage />);

    fireEvent.click(await screen.findByText('重试'));

    await waitFor(() => expect(container.querySelector('.detail-name')).not.toBeNull());
    expect(getProduct).toHaveBeenCalledTimes(2);
  });

  it('adds the chosen quantity to the cart, never more than the per-order limit', async () => {
    setRouterParams({ id: '1' });
    getProduct.mockResolvedValue(productDetail({ maxPerOrder: 2 }));
    const { container } = render(<ProductPage />);
    await waitFor(() => expect(container.querySelector('.add-to-cart')).not.toBeNull());

    fireEvent.click(container.querySelector('.stepper-plus')!);
    fireEvent.click(container.querySelector('.stepper-plus')!);
    expect(container.querySelector('.stepper-value')?.textContent).toBe('2');
    fireEvent.click(container.querySelector('.add-to-cart')!);

    expect(getCart()).toEqual([expect.objectContaining({ productId: 1, quantity: 2, priceFen: 1290 })]);
    expect(Taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '已加入购物车' }));
    expect(container.querySelector('.cart-badge')?.textContent).toBe('2');

    fireEvent.click(container.querySelector('.add-to-cart')!);
    expect(getCart()[0].quantity).toBe(2);
    expect(Taro.showToast).toHaveBeenLastCalledWith(
      expect.objectContaining({ title: '已加入购物车（每单限购 2 件）' }),
    );
  });

  it('立即购买 checks out just this product without touching the cart', async () => {
    setRouterParams({ id: '1' });
    getProduct.mockResolvedValue(productDetail());
    const { container } = render(<ProductPage />);
    await waitFor(() => expect(container.querySelector('.buy-now')).not.toBeNull());

    fireEvent.click(container.querySelector('.buy-now')!);

    expect(getCheckoutDraft()).toEqual({
      source: 'buy-now',
      lines: [expect.objectContaining({ productId: 1, quantity: 1 })],
    });
    expect(getCart()).toEqual([]);
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/pages/checkout/index' });
  });
});
