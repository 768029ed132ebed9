import { useDidShow } from '@tarojs/taro';
import { useEffect, useState } from 'react';
import { getCart, onCartChange, type CartLine } from '../services/cart';

/** The cart's lines, re-rendering on every change and re-read whenever the page is shown. */
export function useCart(): CartLine[] {
  const [lines, setLines] = useState<CartLine[]>(getCart);
  useEffect(() => onCartChange(setLines), []);
  useDidShow(() => setLines(getCart()));
  return lines;
}
