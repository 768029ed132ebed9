import { Text, View } from '@tarojs/components';
import type { SavedAddress } from '@omni/shared-types';
import './index.scss';

/** Tag, name, (masked) phone and the address of a saved address; shared by the list and 结算. */
export function AddressSummary(props: { address: SavedAddress }) {
  const { address: a } = props;
  return (
    <View className="address-summary">
      <View className="address-summary__head">
        {a.isDefault && <Text className="address-default-badge">默认</Text>}
        {a.tag && <Text className="address-tag-badge">{a.tag}</Text>}
        <Text className="address-summary__name">{a.contactName}</Text>
        <Text className="address-summary__phone">{a.phone}</Text>
      </View>
      <Text className="address-summary__text">
        {a.address}
        {a.detail ? ` ${a.detail}` : ''}
      </Text>
    </View>
  );
}
