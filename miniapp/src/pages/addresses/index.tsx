import Taro, { useDidShow, useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { useCallback, useState } from 'react';
import { ADDRESS_BOOK_LIMIT, type SavedAddress } from '@omni/shared-types';
import { ActionButton } from '../../components/action-button';
import { AddressSummary } from '../../components/address-summary';
import { StateView } from '../../components/state-view';
import { deleteAddress, listAddresses, pickAddress, updateAddress } from '../../services/addresses';
import { ApiError, messageFor } from '../../services/request';
import './index.scss';

const errorText = (err: unknown) => (err instanceof ApiError ? err.message : messageFor('INTERNAL'));

/**
 * 收货地址: the address book with 设为默认, 编辑, 删除 and 新增地址. Opened from 结算 with
 * `?select=1`, tapping an address picks it and goes back.
 */
export default function AddressesPage() {
  const { params } = useRouter();
  const selecting = params.select === '1';
  const selectedId = Number(params.selectedId ?? 0);
  const [items, setItems] = useState<SavedAddress[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busyId, setBusyId] = useState<number | null>(null);

  const load = useCallback(async () => {
    setError(null);
    try {
      setItems(await listAddresses());
    } catch (err) {
      setError(errorText(err));
    }
  }, []);
  // Also after coming back from 编辑/新增.
  useDidShow(() => void load());

  const act = async (id: number, work: () => Promise<unknown>) => {
    setBusyId(id);
    try {
      await work();
      await load();
    } catch (err) {
      void Taro.showToast({ title: errorText(err), icon: 'none' });
    } finally {
      setBusyId(null);
    }
  };
  const remove = async (a: SavedAddress) => {
    const r = await Taro.showModal({
      title: '删除地址',
      content: `确定删除「${a.contactName} ${a.address}」吗？`,
      confirmText: '删除',
    });
    if (r.confirm) await act(a.id, () => deleteAddress(a.id));
  };
  const edit = (id?: number) =>
    void Taro.navigateTo({
      url: id ? `/pages/addresses/edit/index?id=${id}` : '/pages/addresses/edit/index',
    });

  if (error && !items) return <StateView kind="error" message={error} onRetry={() => void load()} />;
  if (!items) return <StateView kind="loading" message="正在加载收货地址…" />;

  return (
    <View className="addresses">
      {items.length === 0 && <StateView kind="empty" message="还没有收货地址，新增一个吧" />}
      {items.map((a) => (
        <View
          key={a.id}
          className={`address-item${a.id === selectedId ? ' address-item--selected' : ''}`}
          data-id={a.id}
          onClick={() => {
            if (!selecting) return;
            pickAddress(a);
            void Taro.navigateBack();
          }}
        >
          <AddressSummary address={a} />
          {!selecting && (
            <View className="address-item__actions" onClick={(e) => e.stopPropagation()}>
              {a.isDefault ? (
                <Text className="address-item__default">默认地址</Text>
              ) : (
                <ActionButton
                  className="address-set-default"
                  kind="text"
                  size="small"
                  disabled={busyId === a.id}
                  onClick={() => void act(a.id, () => updateAddress(a.id, { isDefault: true }))}
                >
                  设为默认
                </ActionButton>
              )}
              <View className="address-item__spacer" />
              <ActionButton className="address-edit" size="small" onClick={() => edit(a.id)}>
                编辑
              </ActionButton>
              <ActionButton
                className="address-delete"
                kind="danger"
                size="small"
                disabled={busyId === a.id}
                onClick={() => void remove(a)}
              >
                删除
              </ActionButton>
            </View>
          )}
          {selecting && (
            <View className="address-item__actions" onClick={(e) => e.stopPropagation()}>
              <View className="address-item__spacer" />
              <ActionButton className="address-edit" size="small" onClick={() => edit(a.id)}>
                编辑
              </ActionButton>
            </View>
          )}
        </View>
      ))}
      <View className="addresses__bar">
        <Text className="addresses__count">
          已保存 {items.length}/{ADDRESS_BOOK_LIMIT}
        </Text>
        <ActionButton
          className="address-add"
          kind="primary"
          block
          disabled={items.length >= ADDRESS_BOOK_LIMIT}
          onClick={() => edit()}
        >
          {items.length >= ADDRESS_BOOK_LIMIT ? `最多保存 ${ADDRESS_BOOK_LIMIT} 个地址` : '新增地址'}
        </ActionButton>
      </View>
    </View>
  );
}
