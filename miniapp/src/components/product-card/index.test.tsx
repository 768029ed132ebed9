import { fireEvent, render, screen } from '@testing-library/react';
import { productSummary } from '../../../test/fixtures';
import { ProductCard } from '.';

describe('ProductCard', () => {
  it('shows name, price in yuan and the struck-through original price', () => {
    const { container } = render(<ProductCard product={productSummary()} onOpen={jest.fn()} />);
    expect(screen.getByText('玻尿酸保湿精华液')).toHaveProperty('className', 'product-name');
    expect(container.querySelector('.product-price')?.textContent).toBe('¥12.90');
    expect(container.querySelector('.product-original-price')?.textContent).toBe('¥19.90');
    expect(container.querySelector('.product-image')?.getAttribute('src')).toBe(
      '/assets/products/SK-0001.svg',
    );
  });

  it('hides the original price when there is no discount', () => {
    const { container, rerender } = render(
      <ProductCard product={productSummary({ originalPriceFen: null })} onOpen={jest.fn()} />,
    );
    expect(container.querySelector('.product-original-price')).toBeNull();
    rerender(<ProductCard product={productSummary({ originalPriceFen: 1290 })} onOpen={jest.fn()} />);
    expect(container.querySelector('.product-original-price')).toBeNull();
  });

  it('marks a product without stock', () => {
    render(<ProductCard product={productSummary({ totalStock: 0 })} onOpen={jest.fn()} />);
    expect(screen.getByText('暂时缺货')).toBeTruthy();
  });

  it('opens the product it shows when tapped', () => {
    const onOpen = jest.fn();
    const { container } = render(<ProductCard product={productSummary({ id: 42 })} onOpen={onOpen} />);
    fireEvent.click(container.querySelector('.product-card')!);
    expect(onOpen).toHaveBeenCalledWith(42);
  });
});
