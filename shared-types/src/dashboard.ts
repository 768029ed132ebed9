import { z } from 'zod';
import { QueryInt } from './common';
import { LocalDate } from './slots';

/** The KPIs of the back-office 看板, in card order. */
export const DashboardKpi = z.enum([
  'orders',
  'gmvFen',
  'onTimeRate',
  'kmPerOrder',
  'botDeflectionRate',
  'firstResponseMedianS',
  'csat',
  'nps',
  'aftersalesBreaches',
]);
export type DashboardKpi = z.infer<typeof DashboardKpi>;

/**
 * How a card's value reads: '单' and '件' counts, 'fen' integer fen (the UI shows ¥), '%' a
 * fraction 0–1 (0.95 = 95%), 'km', '秒' seconds, '分' a 1–5 score, '' a plain number (NPS −100…100).
 */
export const DashboardUnit = z.enum(['单', 'fen', '%', 'km', '秒', '分', '件', '']);
export type DashboardUnit = z.infer<typeof DashboardUnit>;

/** `GET /admin/dashboard` query: Shanghai dates; defaults day, the 14 days ending today. */
export const DashboardQuery = z.strictObject({
  storeId: QueryInt.pipe(z.number().int().positive()).optional(),
  granularity: z.enum(['day', 'week']).optional(),
  from: LocalDate.optional(),
  to: LocalDate.optional(),
});
export type DashboardQuery = z.infer<typeof DashboardQuery>;

/**
 * One bucket of the series. `period` is the bucket's first day inside [from, to] (a week runs
 * Monday–Sunday). Counts are 0 on a day without any; rates and averages are null without data;
 * every value is null for days after today.
 */
export const DashboardPoint = z.object({
  period: z.string(),
  /** Orders paid in the bucket. */
  orders: z.number().int().nullable(),
  /** What those orders paid, less what has been refunded, fen. */
  gmvFen: z.number().int().nullable(),
  /** Completed deliveries of the bucket's slots that arrived by the slot's end, 0–1. */
  onTimeRate: z.number().nullable(),
  /** Planned route kilometres per planned stop (the day's current dispatch plan). */
  kmPerOrder: z.number().nullable(),
  /** Support conversations the bot settled without handing over, 0–1. */
  botDeflectionRate: z.number().nullable(),
  /** Median seconds from hand-over to an agent's first reply. */
  firstResponseMedianS: z.number().nullable(),
  /** Average rating 1–5. */
  csat: z.number().nullable(),
  /** Promoters (5) minus detractors (1–3), percent of ratings, −100…100. */
  nps: z.number().int().nullable(),
  /** After-sales cases that fell due in the bucket before being resolved or rejected. */
  aftersalesBreaches: z.number().int().nullable(),
});
export type DashboardPoint = z.infer<typeof DashboardPoint>;

/** A day outside its normal band: the band is median ± 3·MAD of the 28 days before (same weekday when it can). */
export const CardAnomaly = z.object({
  direction: z.enum(['high', 'low']),
  low: z.number(),
  high: z.number(),
  /** First day of the current run of anomalous days. */
  since: z.string(),
});
export type CardAnomaly = z.infer<typeof CardAnomaly>;

/** One KPI card: the whole period against the equally long period right before it. */
export const DashboardCard = z.object({
  key: DashboardKpi,
  label: z.string(),
  value: z.number().nullable(),
  previous: z.number().nullable(),
  /** (value − previous) / |previous| × 100, one decimal; null when either is null or previous is 0. */
  changePct: z.number().nullable(),
  unit: DashboardUnit,
  goal: z.number().optional(),
  better: z.enum(['up', 'down']),
  /** The latest complete day in [from, to] (yesterday at most), when it is anomalous. */
  anomaly: CardAnomaly.nullable(),
});
export type DashboardCard = z.infer<typeof DashboardCard>;

/** `GET /admin/dashboard` answer. */
export const DashboardResponse = z.object({
  storeId: z.number().int().nullable(),
  granularity: z.enum(['day', 'week']),
  from: z.string(),
  to: z.string(),
  series: z.array(DashboardPoint),
  cards: z.array(DashboardCard),
});
export type DashboardResponse = z.infer<typeof DashboardResponse>;

/** `GET /admin/dashboard/anomalies` query; `date` (a complete day) defaults to yesterday. */
export const DashboardAnomaliesQuery = z.strictObject({
  storeId: QueryInt.pipe(z.number().int().positive()).optional(),
  date: LocalDate.optional(),
});
export type DashboardAnomaliesQuery = z.infer<typeof DashboardAnomaliesQuery>;

/** One store's KPI outside its band on `date`. */
export const KpiAnomaly = z.object({
  kpi: DashboardKpi,
  label: z.string(),
  storeId: z.number().int(),
  storeName: z.string(),
  date: z.string(),
  value: z.number(),
  low: z.number(),
  high: z.number(),
  direction: z.enum(['high', 'low']),
  since: z.string(),
});
export type KpiAnomaly = z.infer<typeof KpiAnomaly>;

/** `GET /admin/dashboard/anomalies` answer. */
export const KpiAnomalyListResponse = z.object({ items: z.array(KpiAnomaly) });
export type KpiAnomalyListResponse = z.infer<typeof KpiAnomalyListResponse>;
