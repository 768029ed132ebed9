import Taro, { useRouter } from '@tarojs/taro';
import { Button, Input, Text, View } from '@tarojs/components';
import { useEffect, useState } from 'react';
import type { CaseType, Order } from '@omni/shared-types';
import { StateView } from '../../../components/state-view';
// After StateView, as on 商品详情, so the shared CSS chunk keeps one order.
import { QuantityStepper } from '../../../components/quantity-stepper';
import { useNotifyOffer } from '../../../hooks/use-notify-offer';
import { useSession } from '../../../hooks/use-session';
import { CASE_TYPE_TEXT, createCase } from '../../../services/aftersales';
import { askConsent } from '../../../services/notify';
import { getOrder } from '../../../services/orders';
import { supportErrorMessage } from '../../../services/support';
import '../index.scss';

const TYPES: CaseType[] = ['return', 'refund', 'exchange', 'complaint'];
/** Types that concern some of the order's goods (the others concern the whole order). */
const WITH_LINES: ReadonlySet<CaseType> = new Set(['return', 'exchange', 'refund']);

/** 申请售后 (`?orderId=`): type, the goods and quantities concerned, and the reason. */
export default function NewCasePage() {
  const { params } = useRouter();
  const orderId = Number(params.orderId);
  const [order, setOrder] = useState<Order | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [type, setType] = useState<CaseType>('return');
  const [quantities, setQuantities] = useState<Record<number, number>>({});
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const signedIn = useSession() !== null;
  const notifyOffer = useNotifyOffer('aftersales', signedIn);

  useEffect(() => {
    if (!(orderId > 0)) return setLoadError('订单不存在');
    getOrder(orderId).then(
      (o) => {
        setOrder(o);
        setQuantities(Object.fromEntries(o.items.map((i) => [i.productId, i.quantity])));
      },
      (err: unknown) => setLoadError(supportErrorMessage(err)),
    );
    return undefined;
  }, [orderId]);

  if (loadError) return <StateView kind="error" message={loadError} />;
  if (!order) return <StateView kind="loading" message="加载中…" />;

  const lines = order.items
    .map((i) => ({ productId: i.productId, quantity: quantities[i.productId] ?? 0 }))
    .filter((l) => l.quantity > 0);
  const needsLines = WITH_LINES.has(type);
  const valid = reason.trim().length >= 2 && (!needsLines || lines.length > 0);

  const submit = async () => {
    if (!valid || busy) return;
    // In the tap, before the case is posted; the case does not wait for the answer.
    void askConsent('aftersales', notifyOffer);
    setBusy(true);
    setError(null);
    try {
      const c = await createCase({
        orderId,
        type,
        reason: reason.trim(),
        ...(needsLines ? { lines } : {}),
      });
      void Taro.redirectTo({ url: `/pages/aftersales/detail/index?id=${c.id}` });
    } catch (err) {
      setError(supportErrorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <View className="case-form">
      <View className="case-form__section">
        <Text className="case-form__title">订单 {order.orderNo}</Text>
        {TYPES.map((t) => (
          <Text
            key={t}
            className={`case-type${t === type ? ' case-type--active' : ''}`}
            data-type={t}
            onClick={() => setType(t)}
          >
            {CASE_TYPE_TEXT[t]}
          </Text>
        ))}
      </View>
      {needsLines && (
        <View className="case-form__section">
          <Text className="case-form__title">选择商品和数量</Text>
          {order.items.map((i) => (
            <View key={i.productId} className="case-line" data-id={i.productId}>
              <Text className="case-line__name">{i.name}</Text>
              <QuantityStepper
                value={quantities[i.productId] ?? 0}
                min={0}
                max={i.quantity}
                onChange={(q) => setQuantities((all) => ({ ...all, [i.productId]: q }))}
              />
            </View>
          ))}
        </View>
      )}
      <View className="case-form__section">
        <Text className="case-form__title">原因</Text>
        <Input
          className="case-reason-input"
          value={reason}
          maxlength={300}
          placeholder="请描述问题（至少 2 个字）"
          onInput={(e) => setReason(e.detail.value)}
        />
      </View>
      {error && <Text className="case-error">{error}</Text>}
      <Button className="case-submit" disabled={!valid || busy} onClick={() => void submit()}>
        {busy ? '提交中…' : '提交申请'}
      </Button>
    </View>
  );
}
