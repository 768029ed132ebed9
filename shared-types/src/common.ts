import { z } from 'zod';

/** Query-string integer: accepts "12", rejects "1.5", "abc", "", " 1". */
export const QueryInt = z
  .string()
  .regex(/^-?\d{1,9}$/, 'must be an integer')
  .transform((s) => Number(s));

/** Path id: a positive integer, given as a string in the URL. */
export const IdParam = z
  .string()
  .regex(/^[1-9]\d{0,9}$/, 'must be a positive integer id')
  .transform((s) => Number(s));

/** Query-string number (coordinates): finite, decimal notation only. */
export const QueryNumber = z
  .string()
  .regex(/^-?\d{1,3}(\.\d{1,20})?$/, 'must be a decimal number')
  .transform((s) => Number(s));

/** Latitude in degrees. */
export const Lat = z.number().finite().min(-90).max(90);
/** Longitude in degrees. */
export const Lng = z.number().finite().min(-180).max(180);

/** Coordinate system of an input position; everything is stored in GCJ-02. */
export const CoordSystem = z.enum(['gcj02', 'wgs84', 'bd09']);
export type CoordSystem = z.infer<typeof CoordSystem>;

/** A position in GCJ-02 degrees. */
export const LatLng = z.object({ lat: Lat, lng: Lng });
export type LatLng = z.infer<typeof LatLng>;

/** Pagination in query strings: page ≥ 1, pageSize 1–100. */
export const PageQuery = z.object({
  page: QueryInt.pipe(z.number().int().min(1).max(10_000)).optional(),
  pageSize: QueryInt.pipe(z.number().int().min(1).max(100)).optional(),
});

/** A paged list answer. */
export const paged = <T extends z.ZodTypeAny>(item: T) =>
  z.object({
    items: z.array(item),
    total: z.number().int().min(0),
    page: z.number().int().min(1),
    pageSize: z.number().int().min(1),
  });

/** Health check answer of `GET /healthz`. */
export const Health = z.object({
  status: z.literal('ok'),
  db: z.enum(['sqlite', 'mysql']),
  redis: z.boolean(),
  version: z.string().optional(),
});
export type Health = z.infer<typeof Health>;
