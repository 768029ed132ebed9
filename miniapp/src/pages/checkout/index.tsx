import Taro, { useDidShow } from '@tarojs/taro';
import { Button, Input, Text, View } from '@tarojs/components';
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { CreateOrderBody, SavedAddress, Slot, ZoneSummary } from '@omni/shared-types';
import { StateView } from '../../components/state-view';
// After StateView, as in 订单详情: the weapp build wants one CSS order across pages.
import { deliveryFeeFen, SlotPicker } from '../../components/slot-picker';
import { useSlots } from '../../components/slot-picker/use-slots';
import { useLocation } from '../../hooks/use-location';
import { useNotifyOffer } from '../../hooks/use-notify-offer';
import { useSession } from '../../hooks/use-session';
import { clearCheckoutDraft, linesTotalFen, removeFromCart } from '../../services/cart';
import { createAddress, listAddresses, takePickedAddress } from '../../services/addresses';
import { answerConsent, offerForOrder } from '../../services/notify';
import { ApiError, type ApiErrorCode } from '../../services/request';
import { shanghaiDate } from '../../utils/shanghai-time';
import { formatFen } from '../../utils/money';
import { AddressForm, EMPTY_ADDRESS, overLimit, PHONE_PATTERN, type AddressDraft } from './address-form';
import { explainOrderError } from './order-errors';
import { OrderLines } from './order-lines';
import { PickupLocate } from './pickup-locate';
import { PickupStoreList } from './pickup-store-list';
import { SavedAddressCard, SaveToBookTick } from './saved-address';
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
  fromBook: boolean,
): string | null {
  if (mode === 'pickup') return storeId === null ? '请选择自提门店' : null;
  if (fromBook) return slot ? null : '请选择配送时段';
  if (!address.contactName.trim()) return '请填写收货人';
  if (!PHONE_PATTERN.test(address.phone)) return '请填写 11 位手机号';
  const tooLong = overLimit(address);
  if (tooLong) return tooLong;
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
  // An address-book entry (the default, or one picked with 更换) unless the customer types one in.
  const [saved, setSaved] = useState<SavedAddress | null>(null);
  const [bookSize, setBookSize] = useState(0);
  const [manual, setManual] = useState(false);
  const [saveToBook, setSaveToBook] = useState(false);
  const fromBook = !manual && saved !== null;
  const savedPoint = useMemo(() => (saved ? { lat: saved.lat, lng: saved.lng } : null), [saved]);
  const deliveryPoint = fromBook ? savedPoint : address.point;
  // The zone is checked as soon as the address is known, so 不在配送范围 shows before the slot step.
  const zoneCheck = useSlots(mode === 'delivery' ? deliveryPoint : null, shanghaiDate(), 0);
  const outOfZone = zoneCheck.error?.code === 'OUT_OF_DELIVERY_AREA' || zone.code === 'OUT_OF_DELIVERY_AREA';

  const position = (mode === 'delivery' && fromBook ? savedPoint : address.point) ?? location.position;
  const { draft, lines, products, loading, error, retry } = useCheckoutLines(position);
  const pickup = usePickupStores(mode === 'pickup', products, lines, position);
  const { submit, submitting } = useSubmitOrder();
  const notifyOffer = useNotifyOffer('checkout', session !== null);

  const patchAddress = useCallback((patch: Partial<AddressDraft>) => {
    setAddress((a) => ({ ...a, ...patch }));
    if ('point' in patch) {
      setSlot(null);
      setZone({ zone: null, code: null });
    }
  }, []);
  const chooseSaved = useCallback((a: SavedAddress) => {
    setSaved(a);
    setManual(false);
    setSlot(null);
    setZone({ zone: null, code: null });
  }, []);
  const token = session?.token;
  useEffect(() => {
    if (!token) return;
    listAddresses().then(
      (items) => {
        setBookSize(items.length);
        const preferred = items.find((a) => a.isDefault) ?? items[0];
        // Not over an address the customer has started typing, nor over one picked meanwhile.
        if (preferred) setSaved((cur) => cur ?? preferred);
      },
      () => setBookSize(0),
    );
  }, [token]);
  useDidShow(() => {
    const picked = takePickedAddress();
    if (picked) chooseSaved(picked);
  });
  const openBook = () =>
    void Taro.navigateTo({ url: `/pages/addresses/index?select=1&selectedId=${saved?.id ?? ''}` });

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
    const missing = missingField(mode, address, slot, storeId, fromBook);
    if (missing) {
      void Taro.showToast({ title: missing, icon: 'none' });
      return;
    }
    // Inside the tap and before any other await (WeChat's rule); the order follows the answer, so the
    // payment sheet never opens over the subscription sheet (the answer is recorded in the background).
    await answerConsent('checkout', offerForOrder(notifyOffer, mode));
    const items = lines.map((l) => ({ productId: l.productId, quantity: l.quantity }));
    const trimmedNote = note.trim() || undefined;
    let bookId = fromBook ? saved!.id : null;
    if (mode === 'delivery' && !fromBook && saveToBook) bookId = await saveTypedAddress();
    const body: CreateOrderBody =
      mode === 'pickup'
        ? { type: 'pickup', items, storeId: storeId!, note: trimmedNote }
        : bookId !== null
          ? { type: 'delivery', items, slotId: slot!.id, addressId: bookId, note: trimmedNote }
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

  /** Saves the typed-in address (保存到地址簿); its id, or null (told with a toast) when it could not be saved. */
  async function saveTypedAddress(): Promise<number | null> {
    try {
      const created = await createAddress({
        contactName: address.contactName,
        phone: address.phone,
        address: address.address,
        detail: address.detail,
        lat: address.point!.lat,
        lng: address.point!.lng,
        coord: 'gcj02',
      });
      setBookSize((n) => n + 1);
      setSaved(created);
      setManual(false);
      return created.id;
    } catch (err) {
      const why = err instanceof ApiError ? err.message : '';
      void Taro.showToast({
        title: `地址未保存到地址簿${why ? `：${why}` : ''}`,
        icon: 'none',
        duration: 2500,
      });
      setSaveToBook(false);
      return null;
    }
  }

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
            {fromBook ? (
              <SavedAddressCard address={saved!} onChange={openBook} onManual={() => setManual(true)} />
            ) : (
              <>
                <AddressForm value={address} onChange={patchAddress} />
                <SaveToBookTick
                  checked={saveToBook}
                  onToggle={() => setSaveToBook((v) => !v)}
                  onPick={bookSize > 0 || saved ? openBook : undefined}
                />
              </>
            )}
            {outOfZone && (
              <View className="address-out-of-zone">
                <Text>该地址不在配送范围内，请更换地址，或改为到店自提</Text>
                <View className="switch-to-pickup" onClick={() => setMode('pickup')}>
                  改为到店自提 ›
                </View>
              </View>
            )}
          </View>
          <View className="checkout-card">
            <Text className="checkout-card__title">配送时间</Text>
            {outOfZone ? (
              <View className="slot-hint slot-hint--error">当前地址不在配送范围，无法预约送达时间</View>
            ) : deliveryPoint ? (
              <SlotPicker
                point={deliveryPoint}
                selectedId={slot?.id ?? null}
                onSelect={setSlot}
                itemsTotalFen={itemsFen}
                reloadToken={slotsReload}
                onZone={onZone}
              />
            ) : (
              <View className="slot-hint">填写收货地址并定位后，选择送达时间</View>
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
