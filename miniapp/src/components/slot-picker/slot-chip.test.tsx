import { fireEvent, render } from '@testing-library/react';
import { slot } from '../../../test/fixtures';
import { SlotChip } from './slot-chip';

describe('SlotChip', () => {
  it('shows the time, the seats left and the fee of a bookable slot, and selects it', () => {
    const onSelect = jest.fn();
    const { container } = render(
      <SlotChip slot={slot({ remaining: 3 })} feeText="配送费 ¥8.00" selected={false} onSelect={onSelect} />,
    );
    const chip = container.querySelector('.slot-chip')!;
    expect(chip.textContent).toBe('14:00-16:00剩余 3配送费 ¥8.00');
    expect(chip.className).not.toContain('slot-chip--disabled');
    fireEvent.click(chip);
    expect(onSelect).toHaveBeenCalledWith(expect.objectContaining({ id: 11 }));
  });

  it.each([
    ['FULL', '已约满'],
    ['CUTOFF_PASSED', '已截止'],
    ['BLACKOUT', '暂停配送'],
  ] as const)('greys out a %s slot with 「%s」 and ignores taps', (reason, text) => {
    const onSelect = jest.fn();
    const { container } = render(
      <SlotChip
        slot={slot({ bookable: false, reason, remaining: 0 })}
        feeText="配送费 ¥8.00"
        selected={false}
        onSelect={onSelect}
      />,
    );
    const chip = container.querySelector('.slot-chip')!;
    expect(chip.className).toContain('slot-chip--disabled');
    expect(chip.textContent).toBe(`14:00-16:00${text}`);
    fireEvent.click(chip);
    expect(onSelect).not.toHaveBeenCalled();
  });

  it('marks the chosen slot', () => {
    const { container } = render(<SlotChip slot={slot()} selected onSelect={jest.fn()} />);
    expect(container.querySelector('.slot-chip--selected')).not.toBeNull();
  });
});
