import { Text, View } from '@tarojs/components';
import type { Slot, SlotUnavailableReason } from '@omni/shared-types';

const REASON_TEXT: Record<SlotUnavailableReason, string> = {
  FULL: '已约满',
  CUTOFF_PASSED: '已截止',
  BLACKOUT: '暂停配送',
};

/** One delivery slot: its time, seats left and fee; greyed out with the reason when not bookable. */
export function SlotChip(props: {
  slot: Slot;
  /** e.g. 配送费 ¥8.00 or 免配送费; left out when the fee does not apply (reschedule). */
  feeText?: string;
  selected: boolean;
  onSelect: (slot: Slot) => void;
}) {
  const { slot, feeText, selected, onSelect } = props;
  const classes = ['slot-chip'];
  if (!slot.bookable) classes.push('slot-chip--disabled');
  if (selected) classes.push('slot-chip--selected');
  return (
    <View
      className={classes.join(' ')}
      data-id={slot.id}
      data-label={slot.label}
      onClick={() => {
        if (slot.bookable) onSelect(slot);
      }}
    >
      <Text className="slot-chip__label">{slot.label}</Text>
      {slot.bookable ? (
        <Text className="slot-chip__remaining">剩余 {slot.remaining}</Text>
      ) : (
        <Text className="slot-chip__reason">{REASON_TEXT[slot.reason ?? 'FULL']}</Text>
      )}
      {feeText && slot.bookable && <Text className="slot-chip__fee">{feeText}</Text>}
    </View>
  );
}
