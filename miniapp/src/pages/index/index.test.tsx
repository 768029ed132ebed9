import Taro from '@tarojs/taro';
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { ProductListResponse } from '@omni/shared-types';
import { fireReachBottom } from '../../../test/__mocks__/taro';
import { category, productSummary } from '../../../test/fixtures';
import * as catalog from '../../services/catalog';
import { ApiError } from '../../services/request';
import HomePage from '.';

jest.mock('../../services/catalog');
const listProducts = jest.mocked(catalog.listProducts);
const listCategories = jest.mocked(catalog.listCategories);

const serum = productSummary({ id: 1, name: '玻尿酸保湿精华液' });
const cream = productSummary({ id: 2, name: '修护面霜', priceFen: 25900, originalPriceFen: null });

function page(items: ProductListResponse['items'], total = items.length, pageNo = 1): ProductListResponse {
  return { items, total, page: pageNo, pageSize: 20 };
}

function names(container: HTMLElement): string[] {
  return [...container.querySelectorAll('.product-name')].map((el) => el.textContent ?? '');
}

beforeEach(() => {
  listCategories.mockResolvedValue([category(), category({ id: 'apparel', name: '服饰', sort: 2 })]);
  listProducts.mockResolvedValue(page([serum, cream]));
});

describe('首页', () => {
  it('lists the first page of products with their prices', async () => {
    const { container } = render(<HomePage />);
    expect(screen.getByText('加载中…')).toBeTruthy();
    await waitFor(() => expect(names(container)).toEqual(['玻尿酸保湿精华液', '修护面霜']));
    expect([...container.querySelectorAll('.product-price')].map((el) => el.textContent)).toEqual([
      '¥12.90',
      '¥259.00',
    ]);
    expect(listProducts).toHaveBeenCalledWith({ q: undefined, category: undefined, page: 1, pageSize: 20 });
  });

  it('searches for the typed text when 搜索 is tapped', async () => {
    const { container } = render(<HomePage />);
    await waitFor(() => expect(names(container)).toHaveLength(2));
    listProducts.mockResolvedValueOnce(page([cream]));

    fireEvent.change(container.querySelector('.search-input')!, { target: { value: ' 面霜 ' } });
    fireEvent.click(screen.getByText('搜索'));

    await waitFor(() => expect(names(container)).toEqual(['修护面霜']));
    expect(listProducts).toHaveBeenLastCalledWith({ q: '面霜', category: undefined, page: 1, pageSize: 20 });
  });

  it('searches when Enter is pressed in the search box', async () => {
    const { container } = render(<HomePage />);
    await waitFor(() => expect(names(container)).toHaveLength(2));
    listProducts.mockResolvedValueOnce(page([serum]));

    const input = container.querySelector('.search-input')!;
    fireEvent.change(input, { target: { value: '精华' } });
    fireEvent.keyDown(input, { key: 'Enter' });

    await waitFor(() => expect(names(container)).toEqual(['玻尿酸保湿精华液']));
    expect(listProducts).toHaveBeenLastCalledWith(expect.objectContaining({ q: '精华', page: 1 }));
  });

  it('says so when nothing matches', async () => {
    const { container } = render(<HomePage />);
    await waitFor(() => expect(names(container)).toHaveLength(2));
    listProducts.mockResolvedValueOnce(page([]));

    fireEvent.change(container.querySelector('.search-input')!, { target: { value: '不存在的东西' } });
    fireEvent.click(screen.getByText('搜索'));

    expect(await screen.findByText('没有找到相关商品')).toBeTruthy();
    expect(names(container)).toEqual([]);
  });

  it('searches every category even when one is selected, with the category as a removable filter', async () => {
    const milk = productSummary({ id: 3, name: '低温鲜牛奶', categoryId: 'food' });
    listCategories.mockResolvedValue([
      category(),
      category({ id: 'apparel', name: '服饰', sort: 2 }),
      category({ id: 'food', name: '食品', sort: 3 }),
    ]);
    const { container } = render(<HomePage />);
    fireEvent.click(await screen.findByText('服饰'));
    await waitFor(() =>
      expect(listProducts).toHaveBeenLastCalledWith(expect.objectContaining({ category: 'apparel' })),
    );
    const counts = [
      { categoryId: 'skincare', count: 0 },
      { categoryId: 'food', count: 1 },
    ];
    listProducts.mockResolvedValueOnce({ ...page([milk]), categoryCounts: counts });

    fireEvent.change(container.querySelector('.search-input')!, { target: { value: '牛奶' } });
    fireEvent.click(screen.getByText('搜索'));

    await waitFor(() => expect(names(container)).toEqual(['低温鲜牛奶']));
    expect(listProducts).toHaveBeenLastCalledWith({ q: '牛奶', category: undefined, page: 1, pageSize: 20 });
    expect(container.querySelector('.category-chip--active')?.getAttribute('data-id')).toBe('');
    expect(container.querySelector('.category-chip[data-id="apparel"]')?.className).toContain(
      'category-chip--empty',
    );

    // Narrowing to a category with no match says where the matches are; the chip removes the filter.
    listProducts.mockResolvedValueOnce({ ...page([]), categoryCounts: counts });
    fireEvent.click(container.querySelector('.category-chip[data-id="skincare"]')!);
    expect(await screen.findByText('在「食品」中找到 1 件')).toBeTruthy();
    listProducts.mockResolvedValueOnce({ ...page([milk]), categoryCounts: counts });
    fireEvent.click(container.querySelector('.filter-chip')!);
    await waitFor(() => expect(names(container)).toEqual(['低温鲜牛奶']));
    expect(listProducts).toHaveBeenLastCalledWith({ q: '牛奶', category: undefined, page: 1, pageSize: 20 });
  });

  it('offers the nearest product names when a search finds nothing', async () => {
    const { container } = render(<HomePage />);
    await waitFor(() => expect(names(container)).toHaveLength(2));
    listProducts.mockResolvedValueOnce({
      ...page([]),
      categoryCounts: [],
      suggestions: ['玻尿酸保湿精华液'],
    });
    fireEvent.change(container.querySelector('.search-input')!, { target: { value: '保湿霜' } });
    fireEvent.click(screen.getByText('搜索'));
    expect(await screen.findByText('没有找到相关商品')).toBeTruthy();
    listProducts.mockResolvedValueOnce(page([serum]));
    fireEvent.click(container.querySelector('.search-suggestion')!);
    await waitFor(() => expect(names(container)).toEqual(['玻尿酸保湿精华液']));
    expect(listProducts).toHaveBeenLastCalledWith(expect.objectContaining({ q: '玻尿酸保湿精华液' }));
  });

  it('filters by the tapped category chip', async () => {
    const { container } = render(<HomePage />);
    const chip = await screen.findByText('服饰');
    listProducts.mockResolvedValueOnce(page([cream]));

    fireEvent.click(chip);

    await waitFor(() => expect(names(container)).toEqual(['修护面霜']));
    expect(listProducts).toHaveBeenLastCalledWith(expect.objectContaining({ category: 'apparel', page: 1 }));
    expect(container.querySelector('.category-chip--active')?.textContent).toBe('服饰');
  });

  it('shows the error with 重试, and retrying loads the products', async () => {
    listProducts.mockRejectedValueOnce(new ApiError('NETWORK_ERROR', '网络不给力，请检查网络后重试', 0));
    const { container } = render(<HomePage />);

    expect(await screen.findByText('网络不给力，请检查网络后重试')).toBeTruthy();
    fireEvent.click(screen.getByText('重试'));

    await waitFor(() => expect(names(container)).toHaveLength(2));
    expect(screen.queryByText('重试')).toBeNull();
  });

  it('appends the next page when the user reaches the bottom, and stops at the end', async () => {
    listProducts.mockResolvedValueOnce(page([serum], 2, 1)).mockResolvedValueOnce(page([cream], 2, 2));
    const { container } = render(<HomePage />);
    await waitFor(() => expect(names(container)).toEqual(['玻尿酸保湿精华液']));

    act(() => fireReachBottom());

    await waitFor(() => expect(names(container)).toEqual(['玻尿酸保湿精华液', '修护面霜']));
    expect(listProducts).toHaveBeenLastCalledWith(expect.objectContaining({ page: 2 }));
    expect(screen.getByText('没有更多了')).toBeTruthy();

    act(() => fireReachBottom());
    expect(listProducts).toHaveBeenCalledTimes(2);
  });

  it('ignores the answer to a search that was replaced by a newer one', async () => {
    let answerOld: (value: ProductListResponse) => void = () => {};
    listProducts
      .mockResolvedValueOnce(page([serum, cream]))
      .mockImplementationOnce(() => new Promise((resolve) => (answerOld = resolve)))
      .mockResolvedValueOnce(page([cream]));
    const { container } = render(<HomePage />);
    await waitFor(() => expect(names(container)).toHaveLength(2));
    const input = container.querySelector('.search-input')!;

    fireEvent.change(input, { target: { value: '精华' } });
    fireEvent.click(screen.getByText('搜索'));
    fireEvent.change(input, { target: { value: '面霜' } });
    fireEvent.click(screen.getByText('搜索'));
    await waitFor(() => expect(names(container)).toEqual(['修护面霜']));
    await act(async () => answerOld(page([serum])));

    expect(names(container)).toEqual(['修护面霜']);
  });

  it('opens the product page of a tapped card', async () => {
    const { container } = render(<HomePage />);
    await waitFor(() => expect(names(container)).toHaveLength(2));
    fireEvent.click(container.querySelectorAll('.product-card')[1]);
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/pages/product/index?id=2' });
  });
});
