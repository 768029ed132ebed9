/**
 * The raw facts of one store's (or, with `storeId` null, the unassigned support traffic's) one
 * Shanghai day: additive counts plus the first-response times, so days and stores merge exactly.
 */
export interface DayFacts {
  date: string;
  storeId: number | null;
  /** Orders paid that day and what they paid, less refunds paid back, fen. */
  paidOrders: number;
  gmvFen: number;
  /** Deliveries of that day's slots that ended delivered or failed; those delivered by the slot's end. */
  deliveries: number;
  onTime: number;
  /** The day's current dispatch plan: route metres and stops. */
  routeM: number;
  routeStops: number;
  conversations: number;
  handedOver: number;
  /** Seconds from hand-over to the first agent reply, one per answered hand-over. */
  firstResponsesS: number[];
  ratings: number;
  ratingSum: number;
  /** Ratings of 5 and of 1–3. */
  promoters: number;
  detractors: number;
  /** After-sales cases that fell due that day without a decision. */
  aftersalesBreaches: number;
}

/** The KPIs of a set of days (and stores). Rates are fractions 0–1, null without a denominator. */
export interface KpiValues {
  orders: number;
  gmvFen: number;
  deliveries: number;
  onTimeRate: number | null;
  kmPerOrder: number | null;
  /** Stops of the plans `kmPerOrder` is measured on. */
  routeStops: number;
  conversations: number;
  botDeflectionRate: number | null;
  firstResponseMedianS: number | null;
  firstResponseP90S: number | null;
  /** Answered hand-overs the first-response times come from. */
  firstResponses: number;
  csat: number | null;
  csatResponses: number;
  nps: number | null;
  aftersalesBreaches: number;
}

/** Facts of `date` with nothing in them. */
export function emptyFacts(date: string, storeId: number | null): DayFacts {
  return {
    date,
    storeId,
    paidOrders: 0,
    gmvFen: 0,
    deliveries: 0,
    onTime: 0,
    routeM: 0,
    routeStops: 0,
    conversations: 0,
    handedOver: 0,
    firstResponsesS: [],
    ratings: 0,
    ratingSum: 0,
    promoters: 0,
    detractors: 0,
    aftersalesBreaches: 0,
  };
}

/** The median of `xs`, null when empty. */
export function median(xs: readonly number[]): number | null {
  if (!xs.length) return null;
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

/** The nearest-rank `q` quantile of `xs`, null when empty. */
export function quantile(xs: readonly number[], q: number): number | null {
  if (!xs.length) return null;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.max(0, Math.min(s.length - 1, Math.ceil(q * s.length) - 1))];
}

const round = (x: number | null, d: number) => (x === null ? null : Math.round(x * 10 ** d) / 10 ** d);

/** Summarises any set of day facts (one day, a week, a period; one store or several). */
export function summarize(days: readonly DayFacts[]): KpiValues {
  let paidOrders = 0;
  let gmvFen = 0;
  let deliveries = 0;
  let onTime = 0;
  let routeM = 0;
  let routeStops = 0;
  let conversations = 0;
  let handedOver = 0;
  let ratings = 0;
  let ratingSum = 0;
  let promoters = 0;
  let detractors = 0;
  let breaches = 0;
  const firstResponses: number[] = [];
  for (const d of days) {
    paidOrders += d.paidOrders;
    gmvFen += d.gmvFen;
    deliveries += d.deliveries;
    onTime += d.onTime;
    routeM += d.routeM;
    routeStops += d.routeStops;
    conversations += d.conversations;
    handedOver += d.handedOver;
    ratings += d.ratings;
    ratingSum += d.ratingSum;
    promoters += d.promoters;
    detractors += d.detractors;
    breaches += d.aftersalesBreaches;
    for (const s of d.firstResponsesS) firstResponses.push(s);
  }
  return {
    orders: paidOrders,
    gmvFen,
    deliveries,
    onTimeRate: deliveries ? round(onTime / deliveries, 3) : null,
    kmPerOrder: routeStops ? round(routeM / 1000 / routeStops, 2) : null,
    routeStops,
    conversations,
    botDeflectionRate: conversations ? round((conversations - handedOver) / conversations, 3) : null,
    firstResponseMedianS: round(median(firstResponses), 1),
    firstResponseP90S: round(quantile(firstResponses, 0.9), 1),
    firstResponses: firstResponses.length,
    csat: ratings ? round(ratingSum / ratings, 2) : null,
    csatResponses: ratings,
    nps: ratings ? Math.round(((promoters - detractors) / ratings) * 100) : null,
    aftersalesBreaches: breaches,
  };
}
