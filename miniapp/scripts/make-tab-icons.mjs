// Draws the tab bar icons (weapp tab bars need PNG) into src/assets/tab/.
// Run once after changing a shape or colour: `node scripts/make-tab-icons.mjs`.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';

const SIZE = 81;
const SUPERSAMPLE = 4;
const COLORS = { idle: [0x8c, 0x8c, 0x8c], active: [0xc2, 0x18, 0x5b] };

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf) {
  let c = 0xffffffff;
  for (const byte of buf) c = crcTable[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}
function png(rgba) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(SIZE, 0);
  ihdr.writeUInt32BE(SIZE, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // RGBA
  const rows = [];
  for (let y = 0; y < SIZE; y++) {
    rows.push(Buffer.from([0]), rgba.subarray(y * SIZE * 4, (y + 1) * SIZE * 4));
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(Buffer.concat(rows), { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

// Shapes are predicates over coordinates in [0, 1].
const STROKE = 0.075;
function segmentDistance(px, py, ax, ay, bx, by) {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}
function polyline(points, x, y) {
  for (let i = 0; i + 1 < points.length; i++) {
    const [a, b] = [points[i], points[i + 1]];
    if (segmentDistance(x, y, a[0], a[1], b[0], b[1]) <= STROKE / 2) return true;
  }
  return false;
}
const shapes = {
  home: (x, y) =>
    polyline(
      [
        [0.12, 0.48],
        [0.5, 0.14],
        [0.88, 0.48],
      ],
      x,
      y,
    ) ||
    polyline(
      [
        [0.22, 0.4],
        [0.22, 0.86],
        [0.78, 0.86],
        [0.78, 0.4],
      ],
      x,
      y,
    ) ||
    polyline(
      [
        [0.42, 0.86],
        [0.42, 0.64],
        [0.58, 0.64],
        [0.58, 0.86],
      ],
      x,
      y,
    ),
  cart: (x, y) => {
    // A trolley: handle, basket (a trapezoid) and two wheels.
    const basket = polyline(
      [
        [0.08, 0.18],
        [0.22, 0.18],
        [0.32, 0.62],
        [0.8, 0.62],
        [0.9, 0.3],
        [0.26, 0.3],
      ],
      x,
      y,
    );
    const wheel = (cx) => Math.abs(Math.hypot(x - cx, y - 0.8) - 0.07) <= STROKE / 2;
    return basket || wheel(0.38) || wheel(0.74);
  },
  stores: (x, y) => {
    // A shop front: awning with scallops, walls, and a door.
    const awning = polyline(
      [
        [0.12, 0.38],
        [0.2, 0.16],
        [0.8, 0.16],
        [0.88, 0.38],
        [0.12, 0.38],
      ],
      x,
      y,
    );
    const scallop = (cx) => y >= 0.38 && Math.abs(Math.hypot(x - cx, y - 0.38) - 0.095) <= STROKE / 2;
    const walls = polyline(
      [
        [0.2, 0.48],
        [0.2, 0.86],
        [0.8, 0.86],
        [0.8, 0.48],
      ],
      x,
      y,
    );
    const door = polyline(
      [
        [0.42, 0.86],
        [0.42, 0.62],
        [0.58, 0.62],
        [0.58, 0.86],
      ],
      x,
      y,
    );
    return awning || scallop(0.215) || scallop(0.5) || scallop(0.785) || walls || door;
  },
  me: (x, y) => {
    const head = Math.abs(Math.hypot(x - 0.5, y - 0.33) - 0.17) <= STROKE / 2;
    // Shoulders: the upper half of an ellipse, closed by a base line.
    const ex = (x - 0.5) / 0.32;
    const ey = (y - 0.86) / 0.3;
    const r = Math.hypot(ex, ey);
    const shoulders = y <= 0.86 && Math.abs(r - 1) * 0.3 <= STROKE / 2;
    const base = Math.abs(y - 0.86) <= STROKE / 2 && Math.abs(x - 0.5) <= 0.32 + STROKE / 2;
    return head || shoulders || base;
  },
};

function render(shape, [r, g, b]) {
  const out = Buffer.alloc(SIZE * SIZE * 4);
  for (let py = 0; py < SIZE; py++) {
    for (let px = 0; px < SIZE; px++) {
      let hits = 0;
      for (let sy = 0; sy < SUPERSAMPLE; sy++) {
        for (let sx = 0; sx < SUPERSAMPLE; sx++) {
          const x = (px + (sx + 0.5) / SUPERSAMPLE) / SIZE;
          const y = (py + (sy + 0.5) / SUPERSAMPLE) / SIZE;
          if (shape(x, y)) hits++;
        }
      }
      const i = (py * SIZE + px) * 4;
      out[i] = r;
      out[i + 1] = g;
      out[i + 2] = b;
      out[i + 3] = Math.round((255 * hits) / (SUPERSAMPLE * SUPERSAMPLE));
    }
  }
  return out;
}

const outDir = join(dirname(fileURLToPath(import.meta.url)), '..', 'src', 'assets', 'tab');
mkdirSync(outDir, { recursive: true });
for (const [name, shape] of Object.entries(shapes)) {
  writeFileSync(join(outDir, `${name}.png`), png(render(shape, COLORS.idle)));
  writeFileSync(join(outDir, `${name}-active.png`), png(render(shape, COLORS.active)));
}
console.log(`tab icons written to ${outDir}`);
