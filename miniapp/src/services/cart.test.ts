import Taro from '@tarojs/taro';
import {
  addToCart,
  cartCount,
  getCart,
  linesTotalFen,
  onCartChange,
  removeFromCart,
  setQuantity,
  type CartLine,
} from './cart';

function line(overrides: Partial<CartLine> = {}): CartLine {
  return {
    productId: 1,
    name: '玻尿酸保湿精华液',
    image: '/assets/products/SK-0001.svg',
    priceFen: 1290,
    quantity: 1,
    maxPerOrder: 5,
    ...overrides,
  };
}

describe('cart', () => {
  it('starts empty', () => {
    expect(getCart()).toEqual([]);
  });

  it('merges a product added twice into one line with the quantities summed', () => {
    addToCart(line({ quantity: 2 }));
    addToCart(line({ productId: 2, name: '修护面霜' }));
    addToCart(line({ quantity: 1 }));
    expect(getCart().map((l) => [l.productId, l.quantity])).toEqual([
      [1, 3],
      [2, 1],
    ]);
  });

  it('never goes above the per-order limit, and says what the line ended with', () => {
    addToCart(line({ quantity: 4 }));
    expect(addToCart(line({ quantity: 3 }))).toBe(5);
    setQuantity(1, 9);
    expect(getCart()[0].quantity).toBe(5);
    setQuantity(1, 0);
    expect(getCart()[0].quantity).toBe(1);
  });

  it('keeps the cart in device storage across restarts', () => {
    addToCart(line({ quantity: 2 }));
    expect(Taro.setStorageSync).toHaveBeenLastCalledWith('omni.cart', [
      expect.objectContaining({ quantity: 2 }),
    ]);
    // What a fresh app start reads back.
    expect(getCart()).toEqual([line({ quantity: 2 })]);
  });

  it('drops stored lines it cannot read instead of crashing', () => {
    Taro.setStorageSync('omni.cart', [line(), { productId: 'x' }, null]);
    expect(getCart()).toEqual([line()]);
    Taro.setStorageSync('omni.cart', 'garbage');
    expect(getCart()).toEqual([]);
  });

  it('removes ordered lines and tells listeners', () => {
    const seen: number[] = [];
    const stop = onCartChange((lines) => seen.push(cartCount(lines)));
    addToCart(line({ quantity: 2 }));
    addToCart(line({ productId: 2 }));
    removeFromCart([1]);
    stop();
    addToCart(line({ productId: 3 }));
    expect(seen).toEqual([2, 3, 1]);
    expect(getCart().map((l) => l.productId)).toEqual([2, 3]);
  });

  it('totals the lines in fen', () => {
    expect(linesTotalFen([line({ quantity: 3 }), line({ priceFen: 25900 })])).toBe(29770);
  });
});
