import { fireEvent, render } from '@testing-library/react';
import { courierStop } from '../../test-fixtures';
import { StopList } from './stop-list';

const stops = [
  { ...courierStop({ stopId: 7, seq: 1, status: 'delivered' }), unsynced: 0 },
  {
    ...courierStop({
      stopId: 8,
      seq: 2,
      customerName: '李雷',
      etaAt: '2026-11-26T08:30:00.000Z',
      parcels: 3,
      status: 'arrived',
    }),
    unsynced: 1,
  },
  { ...courierStop({ stopId: 9, seq: 3, customerName: '韩梅梅' }), unsynced: 0 },
];

describe('courier stop list', () => {
  it('lists the stops in route order with window, ETA, parcels and status', () => {
    const { container } = render(<StopList stops={stops} onOpen={jest.fn()} />);
    const rows = [...container.querySelectorAll('.courier-stop')];
    expect(rows.map((r) => r.getAttribute('data-id'))).toEqual(['7', '8', '9']);
    const second = rows[1];
    expect(second.querySelector('.courier-stop__seq')?.textContent).toBe('2');
    expect(second.querySelector('.courier-stop__name')?.textContent).toBe('李雷');
    expect(second.querySelector('.courier-stop__window')?.textContent).toBe('时段 14:00-16:00');
    expect(second.querySelector('.courier-stop__eta')?.textContent).toBe('预计 16:30');
    expect(second.querySelector('.courier-stop__parcels')?.textContent).toBe('3 件');
    expect(rows.map((r) => r.querySelector('.stop-status')?.textContent)).toEqual([
      '已送达',
      '已到达',
      '待配送',
    ]);
  });

  it('marks late ETAs, finished stops and stops with unsynced taps', () => {
    const { container } = render(<StopList stops={stops} onOpen={jest.fn()} />);
    const rows = [...container.querySelectorAll('.courier-stop')];
    expect(rows[1].querySelector('.courier-stop__eta--late')).not.toBeNull();
    expect(rows[2].querySelector('.courier-stop__eta--late')).toBeNull();
    expect(rows[0].className).toContain('courier-stop--done');
    expect(rows.map((r) => r.querySelector('.stop-sync') !== null)).toEqual([false, true, false]);
  });

  it('opens the tapped stop', () => {
    const onOpen = jest.fn();
    const { container } = render(<StopList stops={stops} onOpen={onOpen} />);
    fireEvent.click(container.querySelectorAll('.courier-stop')[2]);
    expect(onOpen).toHaveBeenCalledWith(9);
  });
});
