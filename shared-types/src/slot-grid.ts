import { z } from 'zod';
import { QueryInt } from './common';
import { LocalDate } from './slots';

/** How many days the back-office slot grid may show at once. */
export const SLOT_GRID_MAX_DAYS = 14;

/**
 * `GET /admin/slots?storeId=&zoneId=&from=&days=`: booked/capacity of every slot of one store's
 * zones (or one zone) over `days` days from `from` (Shanghai dates; default today, 7 days).
 * At least one of storeId and zoneId is required.
 */
export const AdminSlotGridQuery = z
  .object({
    storeId: QueryInt.pipe(z.number().int().positive()).optional(),
    zoneId: QueryInt.pipe(z.number().int().positive()).optional(),
    from: LocalDate.optional(),
    days: QueryInt.pipe(z.number().int().min(1).max(SLOT_GRID_MAX_DAYS)).optional(),
  })
  .strict()
  .refine((q) => q.storeId !== undefined || q.zoneId !== undefined, {
    message: 'storeId or zoneId is required',
    path: ['storeId'],
  });
export type AdminSlotGridQuery = z.infer<typeof AdminSlotGridQuery>;

/**
 * One slot of one zone on one day. Days nobody has looked at yet have no slot rows: their cells are
 * what the templates, capacity overrides and blackouts will give (`generated: false`, nothing booked).
 */
export const AdminSlotCell = z.object({
  zoneId: z.number().int(),
  /** The slot row's id once the day is generated; null for a projected slot. */
  slotId: z.number().int().nullable(),
  date: z.string(),
  startLocal: z.string(),
  endLocal: z.string(),
  capacity: z.number().int(),
  booked: z.number().int(),
  /** A blackout covers it (booked seats stay valid). */
  blocked: z.boolean(),
  blockReason: z.string().nullable(),
  /** ISO-8601 UTC instant when booking closes. */
  cutoffAt: z.string(),
  generated: z.boolean(),
  /** A per-day capacity override sets its seats. */
  overridden: z.boolean(),
});
export type AdminSlotCell = z.infer<typeof AdminSlotCell>;

export const AdminSlotGridDay = z.object({
  date: z.string(),
  /** 0 = Sunday … 6 = Saturday. */
  weekday: z.number().int(),
  /** The store is shut that whole day (its closed dates; no pickup). */
  storeClosed: z.boolean(),
});
export type AdminSlotGridDay = z.infer<typeof AdminSlotGridDay>;

export const AdminSlotGridResponse = z.object({
  storeId: z.number().int(),
  from: z.string(),
  days: z.array(AdminSlotGridDay),
  zones: z.array(
    z.object({ id: z.number().int(), name: z.string(), active: z.boolean(), cutoffMin: z.number().int() }),
  ),
  /** By zone, date, then start time. */
  cells: z.array(AdminSlotCell),
});
export type AdminSlotGridResponse = z.infer<typeof AdminSlotGridResponse>;
