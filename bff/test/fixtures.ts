import { stores, zones } from '@omni/mock/data';
import type { Clock } from '../src/clock';

/** A clock tests can set and move. */
export class MutableClock implements Clock {
  constructor(private at: Date) {}
  now(): Date {
    return new Date(this.at);
  }
  set(at: Date | string): void {
    this.at = new Date(at);
  }
  advanceMin(min: number): void {
    this.at = new Date(this.at.getTime() + min * 60_000);
  }
}

/** 08:00 in Shanghai on 2026-12-01 (a Tuesday), before every slot's cut-off that day. */
export const MORNING = '2026-12-01T00:00:00.000Z';
export const DAY = '2026-12-01';

/** A delivering store's position (GCJ-02) and a point 500 m north of it, inside its zone. */
export function zonePoint(index = 0): { lat: number; lng: number; storeCode: string } {
  const zone = zones[index];
  const store = stores.find((s) => s.code === zone.storeCode)!;
  return { lat: +(store.lat + 0.0045).toFixed(6), lng: store.lng, storeCode: store.code };
}

/** A delivery address at a point. */
export function address(p: { lat: number; lng: number }) {
  return {
    contactName: '张小姐',
    phone: '13800001234',
    address: '上海市测试路 88 号',
    detail: '3 楼',
    lat: p.lat,
    lng: p.lng,
  };
}

/** A fresh idempotency key. */
export function key(tag = 'k'): string {
  return `${tag}-${Math.random().toString(36).slice(2)}${Date.now().toString(36)}`.slice(0, 60);
}
