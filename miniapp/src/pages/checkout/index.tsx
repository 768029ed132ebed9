import Taro from '@tarojs/taro';
import { Button, Input, Text, View } from '@tarojs/components';
import { useCallback, useMemo, useState } from 'react';
import type { CreateOrderBody, Slot, ZoneSummary } from '@omni/shared-types';
import { StateView } from '../../components/state-view';
// After StateView, as in 订单详情: the weapp build wants one CSS order across pages.
import { deliveryFeeFen, SlotPicker } from '../../components/slot-picker';
import { useLocation } from '../../hooks/use-location';
import { useSession } from '../../hooks/use-session';
import { clearCheckoutDraft, linesTotalFen, removeFromCart } from '../../services/cart';
import type { ApiErrorCode } from '../../services/request';
import { formatFen } from '../../utils/money';
import { AddressForm, EMPTY_ADDRESS, PHONE_PATTERN, type AddressDraft } from './address-form';
import { explainOrderError } from './order-errors';
import { OrderLines } from './order-lines';
import { PickupLocate } from './pickup-locate';
import { PickupStoreList } from './pickup-store-list';
import { usePickupStores } from './use-pickup-stores';
import { useCheckoutLines } from './use-checkout-lines';
import { useSubmitOrder } from './use-submit-order';
import './index.scss';

type Mode = 'delivery' | 'pickup';

/** What is missing before the order can be submitted, or null when it is complete. */
function missingField(
  mode: Mode,
  address: AddressDraft,
  slot: Slot | null,
  storeId: number | null,
): string | null {
  if (mode === 'pickup') return storeId === null ? '请选择自提门店' : null;
  if (!address.contactName.trim()) return '请填写收货人';
  if (!PHONE_PATTERN.test(address.phone)) return '请填写 11 位手机号';
  if (!address.point) return '请填写收货地址并点击「定位」';
  if (!slot) return '请选择配送时段';
  return null;
}

/** 结算: delivery (address and slot) or pickup (store), the amounts, and 提交订单. */
export default function CheckoutPage() {
  const session = useSession();
  const location = useLocation();
  const [mode, setMode] = useState<Mode>('delivery');
  const [address, setAddress] = useState<AddressDraft>(EMPTY_ADDRESS);
  const [slot, setSlot] = useState<Slot | null>(null);
  const [zone, setZone] = useState<{ zone: ZoneSummary | null; code: ApiErrorCode | null }>({
    zone: null,
    code: null,
  });
  const [slotsReload, setSlotsReload] = useState(0);
  const [storeId, setStoreId] = useState<number | null>(null);
  const [note, setNote] = useState('');
  const [failure, setFailure] = useState<string | null>(null);

  const position = address.point ?? location.position;
  const { draft, lines, products, loading, error, retry } = useCheckoutLines(position);
  const pickup = usePickupStores(mode === 'pickup', products, lines, position);
  const { submit, submitting } = useSubmitOrder();

  const patchAddress = useCallback((patch: Partial<AddressDraft>) => {
    setAddress((a) => ({ ...a, ...patch }));
    if ('point' in patch) {
      setSlot(null);
      setZone({ zone: null, code: null });
    }
  }, []);
  const onZone = useCallback(
    (z: ZoneSummary | null, code: ApiErrorCode | null) => setZone({ zone: z, code }),
    [],
  );

  const itemsFen = linesTotalFen(lines);
  const feeFen = mode === 'delivery' && zone.zone ? deliveryFeeFen(zone.zone, itemsFen) : 0;
  const names = useMemo(() => new Map(lines.map((l) => [l.productId, l.name])), [lines]);

  if (!session) {
    return (
      <View className="checkout">
        <StateView kind="empty" message="登录后才能下单" />
        <Button className="login-to-order" onClick={() => void Taro.switchTab({ url: '/pages/me/index' })}>
          去登录
        </Button>
      </View>
    );
  }
  if (!draft) return <StateView kind="empty" message="没有要结算的商品" />;
  if (error && products.length === 0) return <StateView kind="error" message={error} onRetry={retry} />;

  const placeOrder = async () => {
    const missing = missingField(mode, address, slot, storeId);
    if (missing) {
      void Taro.showToast({ title: missing, icon: 'none' });
      return;
    }
    const items = lines.map((l) => ({ productId: l.productId, quantity: l.quantity }));
    const trimmedNote = note.trim() || undefined;
    const body: CreateOrderBody =
      mode === 'pickup'
        ? { type: 'pickup', items, storeId: storeId!, note: trimmedNote }
        : {
            type: 'delivery',
            items,
            slotId: slot!.id,
            address: {
              contactName: address.contactName.trim(),
              phone: address.phone,
              address: address.address.trim(),
              detail: address.detail.trim() || undefined,
              lat: address.point!.lat,
              lng: address.point!.lng,
              coord: 'gcj02',
            },
            note: trimmedNote,
          };
    setFailure(null);
    try {
      const order = await submit(body);
      if (!order) return;
      if (draft.source === 'cart') removeFromCart(items.map((i) => i.productId));
      clearCheckoutDraft();
      void Taro.redirectTo({ url: `/pages/order-detail/index?id=${order.id}&pay=1` });
    } catch (err) {
      const explained = explainOrderError(err, names);
      setFailure(explained.message);
      void Taro.showToast({ title: explained.message, icon: 'none', duration: 3000 });
      if (explained.action === 'reload-slots') {
        setSlot(null);
        setSlotsReload((n) => n + 1);
      }
    }
  };

  return (
    <View className="checkout">
      <View className="mode-switch">
        <View
          className={`mode-delivery mode-tab${mode === 'delivery' ? ' mode-tab--active' : ''}`}
          onClick={() => setMode('delivery')}
        >
          配送到家
        </View>
        <View
          className={`mode-pickup mode-tab${mode === 'pickup' ? ' mode-tab--active' : ''}`}
          onClick={() => setMode('pickup')}
        >
          到店自提
        </View>
      </View>

      {mode === 'delivery' && (
        <>
          <View className="checkout-card">
            <Text className="checkout-card__title">收货信息</Text>
            <AddressForm value={address} onChange={patchAddress} />
          </View>
          <View className="checkout-card">
            <Text className="checkout-card__title">配送时间</Text>
            {address.point ? (
              <SlotPicker
                point={address.point}
                selectedId={slot?.id ?? null}
                onSelect={setSlot}
                itemsTotalFen={itemsFen}
                reloadToken={slotsReload}
                onZone={onZone}
              />
            ) : (
              <View className="slot-hint">填写收货地址并定位后，选择送达时间</View>
            )}
            {zone.code === 'OUT_OF_DELIVERY_AREA' && (
              <View className="switch-to-pickup" onClick={() => setMode('pickup')}>
                改为到店自提 ›
              </View>
            )}
          </View>
        </>
      )}

      {mode === 'pickup' && (
        <View className="checkout-card">
          <Text className="checkout-card__title">自提门店</Text>
          <PickupLocate
            resolved={address.resolved}
            onLocated={(text, point, resolved) => patchAddress({ address: text, point, resolved })}
          />
          {pickup.loading && <View className="slot-hint">正在查找附近门店…</View>}
          {pickup.error && <View className="slot-hint slot-hint--error">{pickup.error}</View>}
          {!pickup.loading && !pickup.error && (
            <PickupStoreList stores={pickup.stores} selectedId={storeId} onSelect={setStoreId} />
          )}
        </View>
      )}

      <View className="checkout-card">
        <Text className="checkout-card__title">商品</Text>
        <OrderLines lines={lines} />
        <View className="form-row form-row--note">
          <Text className="form-row__label">备注</Text>
          <Input
            className="order-note-input form-row__input"
            value={note}
            placeholder="选填，100 字以内"
            maxlength={100}
            onInput={(e) => setNote(e.detail.value)}
          />
        </View>
      </View>

      <View className="checkout-card amounts">
        <View className="amount-row">
          <Text>商品金额</Text>
          <Text className="items-total">{formatFen(itemsFen)}</Text>
        </View>
        <View className="amount-row">
          <Text>配送费</Text>
          <Text className="delivery-fee">
            {mode === 'pickup' ? '到店自提 免配送费' : zone.zone ? formatFen(feeFen) : '选择时段后计算'}
          </Text>
        </View>
        <Text className="amounts__hint">实付金额以提交订单后为准</Text>
      </View>

      {failure && <View className="checkout-error">{failure}</View>}

      <View className="submit-bar">
        <View className="submit-bar__sum">
          <Text>合计：</Text>
          <Text className="checkout-total">{formatFen(itemsFen + feeFen)}</Text>
        </View>
        <Button className="submit-order" disabled={submitting || loading} onClick={() => void placeOrder()}>
          {submitting ? '提交中…' : '提交订单'}
        </Button>
      </View>
    </View>
  );
}
