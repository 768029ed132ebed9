// The slots an order may move to, from the admin slot grid: the order's zone, day by day, each slot
// with its seats left and why it cannot be chosen (full, closed, blackout, cut-off, current, not open).
import type { AdminSlotGridResponse } from '@omni/shared-types';
import { cellOf, dateLabelZh } from '../delivery/slot-grid';

/** One slot of the picker. */
export interface SlotChoice {
  /** `date|startLocal`, unique within the grid. */
  key: string;
  /** The slot row to post; null for a day nobody has opened yet (no row to move to). */
  slotId: number | null;
  /** `10:00-11:00` (Shanghai). */
  timeText: string;
  /** Seats left (capacity − booked, never below 0). */
  remaining: number;
  /** `剩余 3 个名额`, or why it cannot be chosen. */
  note: string;
  disabled: boolean;
}

export interface SlotChoiceDay {
  date: string;
  /** `6月2日 周一`. */
  label: string;
  storeClosed: boolean;
  choices: SlotChoice[];
}

export interface RescheduleChoices {
  /** The order's zone, or null when the grid does not show where its current slot is. */
  zoneId: number | null;
  days: SlotChoiceDay[];
}

/**
 * The order's zone is the one its current slot belongs to; when that slot is outside the grid's days,
 * a store with a single zone still answers it.
 */
export function zoneOfSlot(res: AdminSlotGridResponse, currentSlotId: number | null): number | null {
  const cell = currentSlotId === null ? undefined : res.cells.find((c) => c.slotId === currentSlotId);
  if (cell) return cell.zoneId;
  return res.zones.length === 1 ? res.zones[0].id : null;
}

/** The picker's days and slots of the order's zone at `now`; only open slots other than the current one are enabled. */
export function rescheduleChoices(
  res: AdminSlotGridResponse,
  currentSlotId: number | null,
  now: Date,
): RescheduleChoices {
  const zoneId = zoneOfSlot(res, currentSlotId);
  if (zoneId === null) return { zoneId, days: [] };
  const mine = res.cells
    .filter((c) => c.zoneId === zoneId)
    .sort((a, b) => a.startLocal.localeCompare(b.startLocal));
  const days = res.days.map((d) => ({
    date: d.date,
    label: dateLabelZh(d.date),
    storeClosed: d.storeClosed,
    choices: mine
      .filter((c) => c.date === d.date)
      .map((c): SlotChoice => {
        const state = cellOf(c, now).state;
        const remaining = Math.max(0, c.capacity - c.booked);
        const current = c.slotId !== null && c.slotId === currentSlotId;
        const note = current
          ? '当前时段'
          : state === 'blackout'
            ? '停运'
            : state === 'closed'
              ? '关闭'
              : state === 'past'
                ? '已截单'
                : state === 'full'
                  ? '已约满'
                  : `剩余 ${remaining} 个名额`;
        return {
          key: `${c.date}|${c.startLocal}`,
          slotId: c.slotId,
          timeText: `${c.startLocal}-${c.endLocal}`,
          remaining,
          note,
          // A day no customer opened yet is made from the templates when the move is saved.
          disabled: current || state !== 'open',
        };
      }),
  }));
  return { zoneId, days };
}
