import { fireEvent, render } from '@testing-library/react';
import type { LatLng } from '@omni/shared-types';
import { haversineM } from '../../utils/geo';
import { routeDrawing } from './drawing';
import { RouteMap, type RouteMapStop } from '.';

const BOX = { widthPx: 700, heightPx: 440, paddingPx: 36 };
const store = { name: '静安嘉里中心店', lat: 31.2245, lng: 121.4461 };
const stops: RouteMapStop[] = [
  { stopId: 11, seq: 1, status: 'delivered', lat: 31.2295, lng: 121.4461 }, // ~550 m north
  { stopId: 12, seq: 2, status: 'pending', lat: 31.2245, lng: 121.4561 }, // ~950 m east
  { stopId: 13, seq: 3, status: 'failed', lat: 31.2185, lng: 121.4401 }, // south-west
];

function pathPoints(d: string): Array<{ x: number; y: number }> {
  return [...d.matchAll(/[ML](-?[\d.]+) (-?[\d.]+)/g)].map((m) => ({ x: Number(m[1]), y: Number(m[2]) }));
}

describe('route map projection', () => {
  it('fits the store, every stop and the whole polyline inside the padded box', () => {
    const polyline: LatLng[] = [store, { lat: 31.232, lng: 121.45 }, ...stops, store];
    const d = routeDrawing({ store, stops, polyline }, BOX);
    for (const p of [d.store, ...d.pins, ...pathPoints(d.pathD).map((q) => ({ xPx: q.x, yPx: q.y }))]) {
      expect(p.xPx).toBeGreaterThanOrEqual(BOX.paddingPx - 0.1);
      expect(p.xPx).toBeLessThanOrEqual(BOX.widthPx - BOX.paddingPx + 0.1);
      expect(p.yPx).toBeGreaterThanOrEqual(BOX.paddingPx - 0.1);
      expect(p.yPx).toBeLessThanOrEqual(BOX.heightPx - BOX.paddingPx + 0.1);
    }
  });

  it('draws north up and east to the right', () => {
    const d = routeDrawing({ store, stops, polyline: [] }, BOX);
    const [north, east, southWest] = d.pins;
    expect(north.yPx).toBeLessThan(d.store.yPx);
    expect(Math.abs(north.xPx - d.store.xPx)).toBeLessThan(0.5);
    expect(east.xPx).toBeGreaterThan(d.store.xPx);
    expect(Math.abs(east.yPx - d.store.yPx)).toBeLessThan(0.5);
    expect(southWest.xPx).toBeLessThan(d.store.xPx);
    expect(southWest.yPx).toBeGreaterThan(d.store.yPx);
  });

  it('keeps one scale on both axes, so pixel distances match metres', () => {
    const d = routeDrawing({ store, stops, polyline: [] }, BOX);
    for (const pin of d.pins) {
      const px = Math.hypot(pin.xPx - d.store.xPx, pin.yPx - d.store.yPx);
      expect(px * d.metresPerPx).toBeCloseTo(haversineM(store, pin.stop), -1); // within ~5 m
    }
  });

  it('follows the road polyline, or the stops in order from and back to the store without one', () => {
    const polyline: LatLng[] = [store, { lat: 31.228, lng: 121.447 }, stops[0]];
    expect(pathPoints(routeDrawing({ store, stops, polyline }, BOX).pathD)).toHaveLength(3);
    const straight = routeDrawing({ store, stops, polyline: [] }, BOX);
    const pts = pathPoints(straight.pathD);
    expect(pts).toHaveLength(stops.length + 2);
    expect(pts[0].x).toBeCloseTo(straight.store.xPx, 0);
    expect(pts[1].y).toBeCloseTo(straight.pins[0].yPx, 0);
    expect(pts[pts.length - 1].x).toBeCloseTo(straight.store.xPx, 0);
  });

  it('does not zoom a lone stop next to the store to street level', () => {
    const near: RouteMapStop = {
      stopId: 1,
      seq: 1,
      status: 'pending',
      lat: store.lat + 0.0001,
      lng: store.lng,
    };
    const d = routeDrawing({ store, stops: [near], polyline: [] }, BOX);
    expect(Math.abs(d.pins[0].yPx - d.store.yPx)).toBeLessThan(20);
  });
});

describe('RouteMap (H5 SVG)', () => {
  it('shows numbered pins coloured by status and selects the tapped one', () => {
    const onSelect = jest.fn();
    const { container } = render(
      <RouteMap store={store} stops={stops} polyline={[]} selectedId={12} onSelect={onSelect} />,
    );
    const pins = [...container.querySelectorAll('.route-pin')];
    expect(pins.map((p) => p.getAttribute('data-id'))).toEqual(['11', '12', '13']);
    expect(pins.map((p) => p.textContent)).toEqual(['1', '2', '3']);
    expect(pins[0].getAttribute('class')).toContain('route-pin--delivered');
    expect(pins[1].getAttribute('class')).toContain('route-pin--selected');
    expect(container.querySelector('.route-line')).not.toBeNull();
    expect(container.querySelector('.route-store')).not.toBeNull();
    fireEvent.click(pins[2]);
    expect(onSelect).toHaveBeenCalledWith(13);
  });
});
