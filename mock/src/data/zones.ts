import { stores } from './stores';

/** A delivery zone around a store: a GCJ-02 polygon, fee and slot pattern. */
export interface SeedZone {
  code: string;
  name: string;
  storeCode: string;
  polygon: Array<{ lat: number; lng: number }>;
  feeFen: number;
  freeThresholdFen: number | null;
  cutoffMin: number;
  slots: Array<{ start: string; end: string; capacity: number }>;
}

const RADIUS_M = 3000;
const VERTICES = 16;
const DAY_SLOTS = [
  { start: '10:00', end: '12:00', capacity: 8 },
  { start: '12:00', end: '14:00', capacity: 8 },
  { start: '14:00', end: '16:00', capacity: 8 },
  { start: '16:00', end: '18:00', capacity: 8 },
  { start: '18:00', end: '20:00', capacity: 10 },
  { start: '20:00', end: '22:00', capacity: 6 },
];

/** A regular polygon of `radiusM` around a point (good enough at city scale). */
function circle(lat: number, lng: number, radiusM: number): Array<{ lat: number; lng: number }> {
  const dLat = radiusM / 111_320;
  const dLng = radiusM / (111_320 * Math.cos((lat * Math.PI) / 180));
  return Array.from({ length: VERTICES }, (_, i) => {
    const a = (2 * Math.PI * i) / VERTICES;
    return { lat: +(lat + dLat * Math.sin(a)).toFixed(6), lng: +(lng + dLng * Math.cos(a)).toFixed(6) };
  });
}

/** One 3 km zone per delivering store: ¥6 delivery, free from ¥99, cut-off 60 min before a slot. */
export const zones: SeedZone[] = stores
  .filter((s) => s.services.includes('delivery'))
  .map((s) => ({
    code: `Z-${s.code}`,
    name: `${s.district}${s.name.replace(/店$/, '')}配送区`,
    storeCode: s.code,
    polygon: circle(s.lat, s.lng, RADIUS_M),
    feeFen: 600,
    freeThresholdFen: 9900,
    cutoffMin: 60,
    slots: DAY_SLOTS,
  }));
