import { Button, Input, View } from '@tarojs/components';
import './index.scss';

/** A search box with a 搜索 button; Enter (the keyboard's 搜索 key) also submits. */
export function SearchBar(props: {
  value: string;
  onChange: (value: string) => void;
  onSearch: (value: string) => void;
  placeholder?: string;
}) {
  const { value, onChange, onSearch, placeholder = '搜索商品名称' } = props;
  return (
    <View className="search-bar">
      <Input
        className="search-input"
        type="text"
        confirmType="search"
        value={value}
        placeholder={placeholder}
        maxlength={50}
        onInput={(e) => onChange(e.detail.value)}
        onConfirm={(e) => onSearch(e.detail.value)}
      />
      <Button className="search-button" size="mini" onClick={() => onSearch(value)}>
        搜索
      </Button>
    </View>
  );
}
