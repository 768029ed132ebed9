import { fitProjection, haversineM } from './geo';

const PEOPLES_SQUARE = { lat: 31.2304, lng: 121.4737 };

describe('haversineM', () => {
  it.each([
    ['the same point', PEOPLES_SQUARE, PEOPLES_SQUARE, 0, 0.001],
    ['0.01° of latitude', PEOPLES_SQUARE, { lat: 31.2404, lng: 121.4737 }, 1112, 2],
    ['人民广场 to 陆家嘴 (about 3.3 km)', PEOPLES_SQUARE, { lat: 31.2363, lng: 121.5069 }, 3215, 60],
  ])('measures %s', (_name, a, b, expectedM, toleranceM) => {
    expect(Math.abs(haversineM(a, b) - expectedM)).toBeLessThanOrEqual(toleranceM);
  });
});

describe('fitProjection', () => {
  const box = { widthPx: 700, heightPx: 420, paddingPx: 36 };
  const stores = [
    { lat: 31.2329, lng: 121.4757 }, // 黄浦来福士, ~300 m NE
    { lat: 31.2249, lng: 121.4486 }, // 静安嘉里, ~2.5 km W
    { lat: 31.2363, lng: 121.5069 }, // 陆家嘴, ~3.2 km E
    { lat: 31.1955, lng: 121.4375 }, // 徐家汇, ~5 km SW
  ];

  it('puts the user in the middle of the box', () => {
    const p = fitProjection(PEOPLES_SQUARE, stores, box).project(PEOPLES_SQUARE);
    expect(p).toEqual({ xPx: 350, yPx: 210 });
  });

  it('draws north up and east to the right', () => {
    const proj = fitProjection(PEOPLES_SQUARE, stores, box);
    const north = proj.project({ lat: 31.24, lng: 121.4737 });
    const east = proj.project({ lat: 31.2304, lng: 121.49 });
    expect(north.yPx).toBeLessThan(210);
    expect(north.xPx).toBeCloseTo(350, 6);
    expect(east.xPx).toBeGreaterThan(350);
    expect(east.yPx).toBeCloseTo(210, 6);
  });

  it('keeps every store inside the padded box, touching its edge on the tighter axis', () => {
    const proj = fitProjection(PEOPLES_SQUARE, stores, box);
    const pts = stores.map((s) => proj.project(s));
    for (const p of pts) {
      expect(p.xPx).toBeGreaterThanOrEqual(36 - 1e-9);
      expect(p.xPx).toBeLessThanOrEqual(664 + 1e-9);
      expect(p.yPx).toBeGreaterThanOrEqual(36 - 1e-9);
      expect(p.yPx).toBeLessThanOrEqual(384 + 1e-9);
    }
    const touches = pts.some(
      (p) =>
        Math.abs(p.xPx - 36) < 1e-6 ||
        Math.abs(p.xPx - 664) < 1e-6 ||
        Math.abs(p.yPx - 36) < 1e-6 ||
        Math.abs(p.yPx - 384) < 1e-6,
    );
    expect(touches).toBe(true);
  });

  it('uses one scale on both axes, so pixel distances match metres', () => {
    const proj = fitProjection(PEOPLES_SQUARE, stores, box);
    for (const s of stores) {
      const p = proj.project(s);
      const px = Math.hypot(p.xPx - 350, p.yPx - 210);
      expect(px * proj.metresPerPx).toBeCloseTo(haversineM(PEOPLES_SQUARE, s), -1);
    }
  });

  it('does not zoom to street level for a store next door', () => {
    const proj = fitProjection(PEOPLES_SQUARE, [{ lat: 31.2305, lng: 121.4737 }], box, 500);
    // 250 m each side of the centre over 174 usable pixels (the shorter half-height).
    expect(proj.metresPerPx).toBeCloseTo(250 / 174, 6);
  });
});
