import Taro, { useReachBottom } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
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

  // A new search looks in every category; the category is then a filter the shopper can remove.
  const search = (text: string) => {
    setDraft(text);
    setFilter({ q: text.trim(), category: '' });
  };
  const selectCategory = (id: string) => setFilter((f) => ({ ...f, category: id }));

  const firstLoad = list.page === 0;
  const searching = filter.q !== '' && list.categoryCounts !== null;
  const activeName = categories.find((c) => c.id === filter.category)?.name ?? filter.category;
  const elsewhere = (list.categoryCounts ?? []).filter(
    (c) => c.count > 0 && c.categoryId !== filter.category,
  );
  const nameOf = (id: string) => categories.find((c) => c.id === id)?.name ?? id;
  return (
    <View className="home">
      <View className="home__header">
        <SearchBar value={draft} onChange={setDraft} onSearch={search} />
        <CategoryChips
          categories={categories}
          active={filter.category}
          onSelect={selectCategory}
          counts={searching ? list.categoryCounts : null}
        />
        {searching && filter.category !== '' && (
          <View className="search-filters">
            <Text className="search-filters__label">筛选：</Text>
            <View className="filter-chip" data-id={filter.category} onClick={() => selectCategory('')}>
              <Text>{activeName}</Text>
              <Text className="filter-chip__remove">×</Text>
            </View>
          </View>
        )}
      </View>

      {firstLoad && list.loading && <StateView kind="loading" message="加载中…" />}
      {firstLoad && list.error && <StateView kind="error" message={list.error} onRetry={list.retry} />}
      {!firstLoad && list.items.length === 0 && (
        <StateView
          kind="empty"
          message={
            filter.category && elsewhere.length
              ? `「${activeName}」中没有「${filter.q}」`
              : '没有找到相关商品'
          }
        />
      )}
      {!firstLoad && list.items.length === 0 && filter.category !== '' && elsewhere.length > 0 && (
        <View className="search-elsewhere">
          {elsewhere.map((c) => (
            <View
              key={c.categoryId}
              className="search-elsewhere__item"
              data-id={c.categoryId}
              onClick={() => selectCategory(c.categoryId)}
            >
              <Text>{`在「${nameOf(c.categoryId)}」中找到 ${c.count} 件`}</Text>
            </View>
          ))}
        </View>
      )}
      {!firstLoad && list.items.length === 0 && list.suggestions.length > 0 && (
        <View className="search-suggestions">
          <Text className="search-suggestions__label">你是不是要找：</Text>
          {list.suggestions.map((name) => (
            <View key={name} className="search-suggestion" onClick={() => search(name)}>
              <Text>{name}</Text>
            </View>
          ))}
        </View>
      )}

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
