import Taro from '@tarojs/taro';
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { session } from '../../../test/fixtures';
import { addToCart, getCart, getCheckoutDraft } from '../../services/cart';
import { saveSession } from '../../services/session';
import CartPage from '.';

const serum = {
  productId: 1,
  name: '玻尿酸保湿精华液',
  image: '/a.svg',
  priceFen: 1290,
  quantity: 2,
  maxPerOrder: 3,
};
const cream = {
  productId: 2,
  name: '修护面霜',
  image: '/b.svg',
  priceFen: 25900,
  quantity: 1,
  maxPerOrder: 5,
};

describe('购物车', () => {
  it('shows an empty state with 去逛逛', () => {
    const { container } = render(<CartPage />);
    expect(screen.getByText('购物车还是空的')).toBeTruthy();
    fireEvent.click(container.querySelector('.go-shopping')!);
    expect(Taro.switchTab).toHaveBeenCalledWith({ url: '/pages/index/index' });
  });

  it('totals the lines and stops the stepper at the per-order limit', () => {
    addToCart(serum);
    addToCart(cream);
    const { container } = render(<CartPage />);
    expect(container.querySelector('.cart-total')?.textContent).toBe('¥284.80');

    const plus = container.querySelector('.cart-line[data-id="1"] .stepper-plus')!;
    fireEvent.click(plus);
    fireEvent.click(plus);
    expect(getCart()[0].quantity).toBe(3);
    expect(container.querySelector('.cart-total')?.textContent).toBe('¥297.70');
    expect(container.querySelector('.checkout-button')?.textContent).toBe('去结算(4)');
  });

  it('deletes a line after the confirm dialog', async () => {
    addToCart(serum);
    addToCart(cream);
    const { container } = render(<CartPage />);
    await act(async () =>
      fireEvent.click(container.querySelector('.cart-line[data-id="1"] .cart-line-delete')!),
    );
    await waitFor(() => expect(container.querySelectorAll('.cart-line')).toHaveLength(1));
    expect(getCart().map((l) => l.productId)).toEqual([2]);
  });

  it('sends a signed-out buyer to 我的 instead of the checkout', () => {
    addToCart(serum);
    const { container } = render(<CartPage />);
    fireEvent.click(container.querySelector('.checkout-button')!);
    expect(Taro.switchTab).toHaveBeenCalledWith({ url: '/pages/me/index' });
    expect(Taro.navigateTo).not.toHaveBeenCalled();
  });

  it('hands every line to the checkout', () => {
    saveSession(session());
    addToCart(serum);
    const { container } = render(<CartPage />);
    fireEvent.click(container.querySelector('.checkout-button')!);
    expect(getCheckoutDraft()).toEqual({ source: 'cart', lines: [serum] });
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/pages/checkout/index' });
  });
});
