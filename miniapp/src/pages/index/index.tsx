import Taro, { useReachBottom } from '@tarojs/taro';
import { View } from '@tarojs/components';
import { useEffect, useState } from 'react';
import type { Category } from '@omni/shared-types';
import { ProductCard } from '../../components/product-card';
import { SearchBar } from '../../components/search-bar';
import { StateView } from '../../components/state-view';
import { listCategories } from '../../services/catalog';
import { CategoryChips } from './category-chips';
import { useProductList, type ProductFilter } from './use-product-list';
import './index.scss';
import { ListFooter } from '../../components/list-footer';

function openProduct(id: number) {
  void Taro.navigateTo({ url: `/pages/product/index?id=${id}` });
}

/** 首页: search, category chips and an endless product grid. */
export default function HomePage() {
  const [draft, setDraft] = useState('');
  const [filter, setFilter] = useState<ProductFilter>({ q: '', category: '' });
  const [categories, setCategories] = useState<Category[]>([]);
  const list = useProductList(filter);

  useEffect(() => {
    // Without categories the page still works with 全部 only.
    listCategories().then(setCategories, () => setCategories([]));
  }, []);

  useReachBottom(() => list.loadMore());

  const search = (text: string) => {
    setDraft(text);
    setFilter((f) => ({ ...f, q: text.trim() }));
  };
  const selectCategory = (id: string) => setFilter((f) => ({ ...f, category: id }));

  const firstLoad = list.page === 0;
  return (
    <View className="home">
      <View className="home__header">
        <SearchBar value={draft} onChange={setDraft} onSearch={search} />
        <CategoryChips categories={categories} active={filter.category} onSelect={selectCategory} />
      </View>

      {firstLoad && list.loading && <StateView kind="loading" message="加载中…" />}
      {firstLoad && list.error && <StateView kind="error" message={list.error} onRetry={list.retry} />}
      {!firstLoad && list.items.length === 0 && <StateView kind="empty" message="没有找到相关商品" />}

      {list.items.length > 0 && (
        <View className="product-grid">
          {list.items.map((product) => (
            <ProductCard key={product.id} product={product} onOpen={openProduct} />
          ))}
        </View>
      )}

      {list.items.length > 0 && <ListFooter list={list} />}
    </View>
  );
}
