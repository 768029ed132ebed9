import { ScrollView, Text, View } from '@tarojs/components';
import type { Category, CategoryCount } from '@omni/shared-types';

/**
 * A horizontal row of category chips, 全部 first; '' stands for 全部. With `counts` (a search is
 * on) each chip says how many matches it holds and empty ones are dimmed.
 */
export function CategoryChips(props: {
  categories: Category[];
  active: string;
  onSelect: (id: string) => void;
  counts?: CategoryCount[] | null;
}) {
  const { categories, active, onSelect, counts } = props;
  const byId = counts ? new Map(counts.map((c) => [c.categoryId, c.count])) : null;
  const all = counts ? counts.reduce((n, c) => n + c.count, 0) : 0;
  const chips = [{ id: '', name: '全部' }, ...categories];
  const countOf = (id: string) => (id ? (byId?.get(id) ?? 0) : all);
  return (
    <ScrollView className="category-chips" scrollX enhanced showScrollbar={false}>
      <View className="category-chips__row">
        {chips.map((chip) => (
          <View
            key={chip.id || 'all'}
            className={`category-chip${chip.id === active ? ' category-chip--active' : ''}${
              byId && countOf(chip.id) === 0 ? ' category-chip--empty' : ''
            }`}
            data-id={chip.id}
            onClick={() => onSelect(chip.id)}
          >
            <Text>{chip.name}</Text>
            {byId && <Text className="category-chip__count">{countOf(chip.id)}</Text>}
          </View>
        ))}
      </View>
    </ScrollView>
  );
}
