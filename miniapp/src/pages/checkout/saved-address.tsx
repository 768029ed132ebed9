import { Text, View } from '@tarojs/components';
import type { SavedAddress } from '@omni/shared-types';
import { ActionButton } from '../../components/action-button';
import { AddressSummary } from '../../components/address-summary';

/** 结算's chosen address-book entry with 更换 (opens 收货地址 to pick) and 手动填写. */
export function SavedAddressCard(props: {
  address: SavedAddress;
  onChange: () => void;
  onManual: () => void;
}) {
  const { address, onChange, onManual } = props;
  return (
    <View className="checkout-address" data-id={address.id}>
      <View className="checkout-address__main">
        <AddressSummary address={address} />
        <ActionButton className="checkout-address-change" size="small" onClick={onChange}>
          更换
        </ActionButton>
      </View>
      <Text className="checkout-address-manual" onClick={onManual}>
        手动填写新地址 ›
      </Text>
    </View>
  );
}

/** The 保存到地址簿 tick under a typed-in address. */
export function SaveToBookTick(props: { checked: boolean; onToggle: () => void; onPick?: () => void }) {
  return (
    <View className="save-address-row">
      <View
        className={`save-address-toggle${props.checked ? ' save-address-toggle--on' : ''}`}
        onClick={props.onToggle}
      >
        <Text className="save-address-toggle__box">{props.checked ? '✓' : ''}</Text>
        <Text>保存到地址簿</Text>
      </View>
      {props.onPick && (
        <Text className="checkout-address-use-saved" onClick={props.onPick}>
          选择已保存的地址 ›
        </Text>
      )}
    </View>
  );
}
