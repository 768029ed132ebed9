import { ScrollView, Text, View } from '@tarojs/components';
import { useEffect, useMemo, useState } from 'react';
import type { LatLng, Slot, ZoneSummary } from '@omni/shared-types';
import { SLOT_PICKER_DAYS } from '../../config';
import type { ApiErrorCode } from '../../services/request';
import { formatFen } from '../../utils/money';
import { dayLabel, nextDays } from '../../utils/shanghai-time';
import { SlotChip } from './slot-chip';
import { useSlots } from './use-slots';
import './index.scss';

/** The delivery fee of a zone for an order of `itemsTotalFen`, in fen. */
export function deliveryFeeFen(zone: ZoneSummary, itemsTotalFen: number): number {
  return zone.freeThresholdFen !== null && itemsTotalFen >= zone.freeThresholdFen ? 0 : zone.feeFen;
}

/**
 * Day tabs (today and the next six days) and the slot chips of the zone covering `point`.
 * With `itemsTotalFen` each chip shows the fee; without it (reschedule) fees are left out.
 */
export function SlotPicker(props: {
  point: LatLng;
  selectedId: number | null;
  onSelect: (slot: Slot | null) => void;
  itemsTotalFen?: number;
  /** Bump to reload the slots (e.g. after SLOT_FULL). */
  reloadToken?: number;
  initialDate?: string;
  onZone?: (zone: ZoneSummary | null, errorCode: ApiErrorCode | null) => void;
}) {
  const { point, selectedId, onSelect, itemsTotalFen, reloadToken = 0, initialDate, onZone } = props;
  const days = useMemo(() => nextDays(SLOT_PICKER_DAYS), []);
  const [date, setDate] = useState(initialDate && days.includes(initialDate) ? initialDate : days[0]);
  const { data, loading, error } = useSlots(point, date, reloadToken);

  useEffect(() => {
    if (onZone && (data || error)) onZone(data?.zone ?? null, error?.code ?? null);
  }, [data, error, onZone]);

  // A selected slot that became unbookable (or vanished after a reload) is dropped.
  useEffect(() => {
    if (!data || selectedId === null) return;
    const selected = data.slots.find((s) => s.id === selectedId);
    if (selected && !selected.bookable) onSelect(null);
  }, [data, selectedId, onSelect]);

  const zone = data?.zone ?? null;
  const fee = zone && itemsTotalFen !== undefined ? deliveryFeeFen(zone, itemsTotalFen) : null;
  const feeText = fee === null ? undefined : fee === 0 ? '免配送费' : `配送费 ${formatFen(fee)}`;

  return (
    <View className="slot-picker">
      <ScrollView className="slot-days" scrollX enhanced showScrollbar={false}>
        <View className="slot-days__row">
          {days.map((d) => (
            <View
              key={d}
              className={`slot-day${d === date ? ' slot-day--active' : ''}`}
              data-date={d}
              onClick={() => setDate(d)}
            >
              {dayLabel(d, days[0])}
            </View>
          ))}
        </View>
      </ScrollView>

      {zone && (
        <View className="slot-zone">
          <Text>由 {zone.storeName} 配送</Text>
          {itemsTotalFen !== undefined && (
            <Text className="slot-zone__fee">
              配送费 {formatFen(zone.feeFen)}
              {zone.freeThresholdFen !== null && `，满 ${formatFen(zone.freeThresholdFen)} 免配送费`}
            </Text>
          )}
        </View>
      )}

      {loading && !data && <View className="slot-hint">正在查询可预约时段…</View>}
      {error && <View className="slot-hint slot-hint--error slot-error">{error.message}</View>}
      {data && data.slots.length === 0 && <View className="slot-hint">当天没有可预约的时段</View>}
      {data && data.slots.length > 0 && (
        <View className="slot-chips">
          {data.slots.map((slot) => (
            <SlotChip
              key={slot.id}
              slot={slot}
              feeText={feeText}
              selected={slot.id === selectedId}
              onSelect={onSelect}
            />
          ))}
        </View>
      )}
    </View>
  );
}
