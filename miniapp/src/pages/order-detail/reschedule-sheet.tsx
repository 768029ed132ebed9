import Taro from '@tarojs/taro';
import { Button, View } from '@tarojs/components';
import { useState } from 'react';
import type { Order, Slot } from '@omni/shared-types';
import { BottomSheet } from '../../components/bottom-sheet';
import { SlotPicker } from '../../components/slot-picker';
import { rescheduleOrder } from '../../services/orders';
import { ApiError, messageFor } from '../../services/request';

/** 改约时间: the slot chips for the order's address; 确认改约 moves the order to the chosen slot. */
export function RescheduleSheet(props: {
  order: Order;
  open: boolean;
  onClose: () => void;
  onDone: (order: Order) => void;
}) {
  const { order, open, onClose, onDone } = props;
  const [slot, setSlot] = useState<Slot | null>(null);
  const [reload, setReload] = useState(0);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  if (!order.address || !order.slot) return null;
  const point = { lat: order.address.lat, lng: order.address.lng };
  const currentId = order.slot.id;

  const confirm = async () => {
    if (!slot || busy) return;
    setBusy(true);
    setError(null);
    try {
      const updated = await rescheduleOrder(order.id, slot.id);
      void Taro.showToast({ title: '已改约', icon: 'success' });
      setSlot(null);
      onDone(updated);
    } catch (err) {
      const code = err instanceof ApiError ? err.code : 'INTERNAL';
      setError(err instanceof ApiError ? err.message : messageFor('INTERNAL'));
      if (code === 'SLOT_FULL' || code === 'SLOT_CUTOFF_PASSED') {
        setSlot(null);
        setReload((n) => n + 1);
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <BottomSheet
      open={open}
      title="改约配送时间"
      onClose={onClose}
      className="reschedule-sheet"
      footer={
        <Button
          className="reschedule-confirm"
          disabled={!slot || slot.id === currentId || busy}
          onClick={() => void confirm()}
        >
          {busy ? '提交中…' : slot ? `确认改约到 ${slot.label}` : '请选择新的时段'}
        </Button>
      }
    >
      <View className="reschedule-current">当前时段：{order.slot.label}</View>
      <SlotPicker
        point={point}
        selectedId={slot?.id ?? null}
        onSelect={setSlot}
        reloadToken={reload}
        initialDate={order.slot.date}
      />
      {error && <View className="reschedule-error">{error}</View>}
    </BottomSheet>
  );
}
