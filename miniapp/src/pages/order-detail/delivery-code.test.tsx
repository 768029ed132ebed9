import Taro from '@tarojs/taro';
import { fireEvent, render } from '@testing-library/react';
import type { Order } from '@omni/shared-types';
import { order } from '../../../test/fixtures';
import { DeliveryCodeCard } from './delivery-code';

function card(o: Order) {
  return render(<DeliveryCodeCard order={o} />).container;
}

beforeEach(() => {
  Object.assign(Taro, {
    setClipboardData: jest.fn(() => Promise.resolve({ errMsg: 'setClipboardData:ok' })),
  });
});

describe('收货码', () => {
  it('shows the 4 digits of a paid delivery order and copies them', () => {
    const c = card(order({ deliveryCode: '4821' }));
    expect(c.querySelector('.delivery-code__digits')?.textContent).toBe('4821');
    expect(c.querySelector('.delivery-code')?.textContent).toContain('当面告诉骑手');
    expect(c.querySelector('.delivery-code--active')).toBeNull();
    fireEvent.click(c.querySelector('.delivery-code-copy')!);
    expect(Taro.setClipboardData).toHaveBeenCalledWith({ data: '4821' });
  });

  it('is highlighted with 骑手正在配送 while the order is out for delivery', () => {
    const c = card(order({ deliveryCode: '4821', status: 'out_for_delivery', statusText: '配送中' }));
    expect(c.querySelector('.delivery-code--active')).not.toBeNull();
    expect(c.querySelector('.delivery-code')?.textContent).toContain('骑手正在配送');
  });

  it.each([
    ['an unpaid order', { status: 'pending_payment' as const }],
    ['a delivered order', { status: 'delivered' as const }],
    ['a cancelled order', { status: 'cancelled' as const }],
    ['a pickup order', { type: 'pickup' as const, slot: null, address: null }],
  ])('is not shown on %s', (_name, overrides) => {
    expect(card(order({ deliveryCode: '4821', ...overrides })).querySelector('.delivery-code')).toBeNull();
  });

  it('is not shown without a code (the BFF sends it to the owner only, never to staff)', () => {
    expect(card(order({ deliveryCode: undefined })).querySelector('.delivery-code')).toBeNull();
  });
});
