import { render } from '@testing-library/react';
import type { Order } from '@omni/shared-types';
import { CourierCard } from './courier-card';

jest.mock('../../services/socket', () => ({
  connectRealtime: jest.fn(() => ({ on: jest.fn(), disconnect: jest.fn() })),
}));

const base = {
  id: 9,
  type: 'delivery',
  address: {
    contactName: '张',
    phone: '13800000000',
    address: '测试路',
    detail: null,
    lat: 31.2335,
    lng: 121.4456,
  },
} as unknown as Order;

describe('CourierCard', () => {
  it('shows the ETA in Shanghai time, the stops before and the distance to the courier', () => {
    const order = {
      ...base,
      courier: {
        name: '王师傅',
        etaAt: '2026-12-01T06:35:00.000Z',
        windowStart: '2026-12-01T06:00:00.000Z',
        windowEnd: '2026-12-01T08:00:00.000Z',
        stopsBefore: 2,
        position: { lat: 31.2245, lng: 121.4456 },
      },
    } as Order;
    const { container } = render(<CourierCard order={order} />);
    expect(container.textContent).toContain('骑手 王师傅');
    expect(container.textContent).toContain('预计 14:35 送达');
    expect(container.textContent).toContain('前面还有 2 单 · 距你约 1.0 km');
  });

  it('renders nothing without a courier', () => {
    const { container } = render(<CourierCard order={{ ...base, courier: null } as Order} />);
    expect(container.textContent).toBe('');
  });
});
