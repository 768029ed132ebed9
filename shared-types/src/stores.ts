import { z } from 'zod';

/** Opening hours of one weekday (0 = Sunday), local Asia/Shanghai "HH:MM". */
export const WeeklyHours = z.object({
  weekday: z.number().int().min(0).max(6),
  open: z.string().regex(/^\d{2}:\d{2}$/),
  close: z.string().regex(/^\d{2}:\d{2}$/),
});
export type WeeklyHours = z.infer<typeof WeeklyHours>;

/** A brand store. Coordinates are GCJ-02. */
export const Store = z.object({
  id: z.number().int(),
  code: z.string(),
  name: z.string(),
  address: z.string(),
  district: z.string(),
  phone: z.string(),
  lat: z.number(),
  lng: z.number(),
  hours: z.array(WeeklyHours),
  services: z.array(z.enum(['pickup', 'delivery'])),
});
export type Store = z.infer<typeof Store>;
