import { z } from 'zod';
import { CoordSystem, QueryNumber } from './common';

/** A local calendar date in Asia/Shanghai, `YYYY-MM-DD`. */
export const LocalDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be YYYY-MM-DD')
  .refine(
    (s) =>
      !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s),
    {
      message: 'not a calendar date',
    },
  );

/** Why a slot cannot be booked now. */
export const SlotUnavailableReason = z.enum(['FULL', 'CUTOFF_PASSED', 'BLACKOUT']);
export type SlotUnavailableReason = z.infer<typeof SlotUnavailableReason>;

/** One delivery time slot of a zone; times are ISO-8601 UTC, `label` is local. */
export const Slot = z.object({
  id: z.number().int(),
  zoneId: z.number().int(),
  date: z.string(),
  label: z.string(),
  startAt: z.string(),
  endAt: z.string(),
  cutoffAt: z.string(),
  capacity: z.number().int().min(0),
  remaining: z.number().int().min(0),
  bookable: z.boolean(),
  reason: SlotUnavailableReason.nullable(),
});
export type Slot = z.infer<typeof Slot>;

/** A delivery zone as the consumer sees it. */
export const ZoneSummary = z.object({
  id: z.number().int(),
  name: z.string(),
  storeId: z.number().int(),
  storeName: z.string(),
  feeFen: z.number().int().min(0),
  freeThresholdFen: z.number().int().min(0).nullable(),
  cutoffMin: z.number().int().min(0),
});
export type ZoneSummary = z.infer<typeof ZoneSummary>;

/** `GET /slots` query. */
export const SlotsQuery = z.strictObject({
  lat: QueryNumber.pipe(z.number().min(-90).max(90)),
  lng: QueryNumber.pipe(z.number().min(-180).max(180)),
  coord: CoordSystem.optional(),
  date: LocalDate.optional(),
});
export type SlotsQuery = z.infer<typeof SlotsQuery>;

/** `GET /slots` answer: the zone covering the point and its slots that day. */
export const SlotsResponse = z.object({
  zone: ZoneSummary,
  date: z.string(),
  slots: z.array(Slot),
});
export type SlotsResponse = z.infer<typeof SlotsResponse>;
