import { ScrollView, Text, View } from '@tarojs/components';
import type { Category } from '@omni/shared-types';

/** A horizontal row of category chips, 全部 first; '' stands for 全部. */
export function CategoryChips(props: {
  categories: Category[];
  active: string;
  onSelect: (id: string) => void;
}) {
  const { categories, active, onSelect } = props;
  const chips = [{ id: '', name: '全部' }, ...categories];
  return (
    <ScrollView className="category-chips" scrollX enhanced showScrollbar={false}>
      <View className="category-chips__row">
        {chips.map((chip) => (
          <View
            key={chip.id || 'all'}
            className={`category-chip${chip.id === active ? ' category-chip--active' : ''}`}
            data-id={chip.id}
            onClick={() => onSelect(chip.id)}
          >
            <Text>{chip.name}</Text>
          </View>
        ))}
      </View>
    </ScrollView>
  );
}
