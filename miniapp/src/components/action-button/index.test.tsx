import { fireEvent, render, screen } from '@testing-library/react';
import { ActionButton } from '.';

describe('ActionButton', () => {
  it('carries its kind, size and the test class name, and calls back on tap', () => {
    const onClick = jest.fn();
    render(
      <ActionButton kind="primary" size="small" className="pay-button" onClick={onClick}>
        去支付
      </ActionButton>,
    );
    const button = screen.getByText('去支付').closest('.action-button')!;
    expect(button.className).toContain('action-button--primary');
    expect(button.className).toContain('action-button--small');
    expect(button.className).toContain('pay-button');
    expect(button.className).not.toContain('action-button--block');
    fireEvent.click(button);
    expect(onClick).toHaveBeenCalledTimes(1);
  });

  it('does nothing when disabled', () => {
    const onClick = jest.fn();
    render(
      <ActionButton disabled onClick={onClick}>
        取消订单
      </ActionButton>,
    );
    const button = screen.getByText('取消订单').closest('.action-button')!;
    expect(button.className).toContain('action-button--disabled');
    fireEvent.click(button);
    expect(onClick).not.toHaveBeenCalled();
  });
});
