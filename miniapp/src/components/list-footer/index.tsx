import { View } from '@tarojs/components';

/** The state of a paged list's next page. */
export interface PagedListState {
  loading: boolean;
  error: string | null;
  hasMore: boolean;
  retry: () => void;
  loadMore: () => void;
}

/** The footer under an infinite-scroll list: loading, retry, load more, or the end. */
export function ListFooter({ list }: { list: PagedListState }) {
  return (
    <View className="list-footer">
      {list.loading && '加载中…'}
      {!list.loading && list.error && (
        <View className="load-more-retry" onClick={list.retry}>
          加载失败，点击重试
        </View>
      )}
      {!list.loading && !list.error && list.hasMore && (
        <View className="load-more" onClick={list.loadMore}>
          上拉加载更多
        </View>
      )}
      {!list.loading && !list.error && !list.hasMore && '没有更多了'}
    </View>
  );
}
