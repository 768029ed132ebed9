import type { LatLng } from '@omni/shared-types';
import { pointInPolygon, polygonBbox } from '../../../bff/src/algorithms/geo/polygon';
import { products, stores, zones } from '../../../mock/src/data';

/** A delivering store of the demo city (GCJ-02). */
export interface SimStore {
  code: string;
  p: LatLng;
}

/** One booked delivery: where, how big (litres), its slot and when dispatch may see it (s since 00:00). */
export interface SimOrder {
  id: number;
  store: number;
  p: LatLng;
  volumeL: number;
  slotStartS: number;
  slotEndS: number;
  /** The slot's cut-off: dispatch learns of the order then. */
  releaseS: number;
}

/** A courier of a store: box litres and shift (s since 00:00). */
export interface SimCourier {
  id: number;
  store: number;
  capacityL: number;
  shiftStartS: number;
  shiftEndS: number;
}

/** A day of the demo city: stores with delivery zones, orders inside the zones, couriers. */
export interface World {
  stores: SimStore[];
  orders: SimOrder[];
  couriers: SimCourier[];
}

/** Mulberry32: a small seeded generator of floats in [0, 1). */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const clockS = (hhmm: string): number => {
  const [h, m] = hhmm.split(':').map(Number);
  return h * 3600 + m * 60;
};

/**
 * Generates `orderCount` orders at random points of the delivery zones (mock/src/data/zones.ts),
 * each in a slot of its zone's template with seats left, sized from 1–3 random products; and
 * `courierCount` e-bike couriers spread over the delivering stores in turn. Dispatch learns of an
 * order at its slot's cut-off, or (`morning`) at 09:00 as if every order were booked the day before.
 */
export function generateWorld(
  orderCount: number,
  courierCount: number,
  seed: number,
  knownFrom: 'cutoff' | 'morning' = 'cutoff',
): World {
  const random = rng(seed);
  const simStores: SimStore[] = zones.map((z) => {
    const s = stores.find((x) => x.code === z.storeCode)!;
    return { code: s.code, p: { lat: s.lat, lng: s.lng } };
  });
  const seats = zones.map((z) => z.slots.map((s) => s.capacity));
  const totalSeats = seats.flat().reduce((n, c) => n + c, 0);
  if (orderCount > totalSeats) throw new Error(`at most ${totalSeats} orders fit the day's slots`);
  const orders: SimOrder[] = [];
  while (orders.length < orderCount) {
    const zi = Math.floor(random() * zones.length);
    const zone = zones[zi];
    const open = zone.slots.map((_, i) => i).filter((i) => seats[zi][i] > 0);
    if (!open.length) continue;
    const si = open[Math.floor(random() * open.length)];
    seats[zi][si]--;
    const box = polygonBbox(zone.polygon);
    let p: LatLng;
    do {
      p = {
        lat: box.minLat + random() * (box.maxLat - box.minLat),
        lng: box.minLng + random() * (box.maxLng - box.minLng),
      };
    } while (!pointInPolygon(p, zone.polygon));
    let volumeL = 0;
    for (let k = 1 + Math.floor(random() * 3); k > 0; k--) {
      volumeL += products[Math.floor(random() * products.length)].volumeL * (1 + Math.floor(random() * 2));
    }
    const slot = zone.slots[si];
    const startS = clockS(slot.start);
    orders.push({
      id: orders.length,
      store: zi,
      p,
      volumeL: +volumeL.toFixed(2),
      slotStartS: startS,
      slotEndS: clockS(slot.end),
      releaseS: knownFrom === 'morning' ? clockS('09:00') : startS - zone.cutoffMin * 60,
    });
  }
  const couriers: SimCourier[] = Array.from({ length: courierCount }, (_, i) => ({
    id: i,
    store: i % simStores.length,
    capacityL: 50,
    shiftStartS: clockS('09:00'),
    shiftEndS: clockS('22:30'),
  }));
  return { stores: simStores, orders, couriers };
}
