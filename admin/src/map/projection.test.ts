import { boundsOf, fitView, panBy, project, unproject, zoomAt, type LngLat } from './projection';

describe('map projection', () => {
  const pts: LngLat[] = [
    [121.45, 31.2],
    [121.5, 31.25],
  ];
  const v = fitView(boundsOf(pts), 800, 600);

  it('fits every point inside the viewport', () => {
    for (const p of pts) {
      const [x, y] = project(v, p);
      expect(x).toBeGreaterThanOrEqual(0);
      expect(x).toBeLessThanOrEqual(800);
      expect(y).toBeGreaterThanOrEqual(0);
      expect(y).toBeLessThanOrEqual(600);
    }
  });

  it('puts north up and east right', () => {
    const [x1, y1] = project(v, pts[0]);
    const [x2, y2] = project(v, pts[1]);
    expect(x2).toBeGreaterThan(x1);
    expect(y2).toBeLessThan(y1);
  });

  it('unprojects what it projects', () => {
    const back = unproject(v, project(v, [121.47, 31.22]));
    expect(back[0]).toBeCloseTo(121.47, 9);
    expect(back[1]).toBeCloseTo(31.22, 9);
  });

  it('zooms around the cursor and pans by pixels', () => {
    const at: [number, number] = [200, 150];
    const under = unproject(v, at);
    const z = zoomAt(v, 2, at);
    expect(z.scale).toBeCloseTo(v.scale * 2);
    const still = project(z, under);
    expect(still[0]).toBeCloseTo(200, 6);
    expect(still[1]).toBeCloseTo(150, 6);
    const p = panBy(v, [10, -5]);
    const moved = project(p, [121.47, 31.22]);
    const was = project(v, [121.47, 31.22]);
    expect(moved[0] - was[0]).toBeCloseTo(10, 6);
    expect(moved[1] - was[1]).toBeCloseTo(-5, 6);
  });
});
