// Writes the demo SVG artwork under mock/assets/ from the seed data:
//   products/<sku>.svg (+ <sku>-2.svg when a product lists a second image), 400×400
//   categories/<id>.svg, 64×64
//   stores/default.svg, 400×300
// Run: npx tsx mock/scripts/make-images.ts  (deterministic; safe to re-run)
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { categories, products } from '../src/data';
import type { SeedProduct } from '../src/data';
import { shapes, type Palette, type ShapeName } from './shapes';

const assetsDir = join(__dirname, '..', 'assets');
const FONT = `'PingFang SC','Microsoft YaHei','WenQuanYi Micro Hei',sans-serif`;

/** Soft background gradient and shape colours per category. */
const palettes: Record<string, Palette> = {
  skincare: {
    bg1: '#EEF7FA',
    bg2: '#CFE6EE',
    main: '#6FAFC4',
    dark: '#3F7F96',
    light: '#FFFFFF',
    text: '#2C5565',
  },
  makeup: {
    bg1: '#FDF0F2',
    bg2: '#F4C9D1',
    main: '#D0607C',
    dark: '#8E3450',
    light: '#FFF7F8',
    text: '#6B2A3D',
  },
  fragrance: {
    bg1: '#F6F1FA',
    bg2: '#DCCDEB',
    main: '#9A7BBE',
    dark: '#5E4482',
    light: '#FFFFFF',
    text: '#4A3566',
  },
  'personal-care': {
    bg1: '#F0F9F3',
    bg2: '#C9E8D6',
    main: '#5BAA84',
    dark: '#2F7556',
    light: '#FFFFFF',
    text: '#245C43',
  },
  apparel: {
    bg1: '#F8F5EF',
    bg2: '#E5DCCB',
    main: '#B39B76',
    dark: '#7A6547',
    light: '#FFFDF8',
    text: '#5A4A33',
  },
  home: {
    bg1: '#FAF4EC',
    bg2: '#EAD9C3',
    main: '#C4935F',
    dark: '#8A5F34',
    light: '#FFFCF7',
    text: '#644528',
  },
  food: {
    bg1: '#FFF8EA',
    bg2: '#FBDDB0',
    main: '#E0953A',
    dark: '#A45F17',
    light: '#FFFDF7',
    text: '#7A4710',
  },
};

/** First matching keyword decides the drawing; fall back to a gift box. */
const shapeRules: Array<[RegExp, ShapeName]> = [
  [/香水/, 'perfume'],
  [/蜡烛/, 'candle'],
  [/藤条/, 'reed'],
  [/车载/, 'diffuser'],
  [/牙刷/, 'toothbrush'],
  [/面膜/, 'sachet'],
  [/眉笔|睫毛膏/, 'pencil'],
  [/口红|唇釉|唇膏/, 'stick'],
  [/眼影|腮红|散粉|气垫/, 'compact'],
  [/洁面|防晒|护手霜|牙膏/, 'tube'],
  [/精华/, 'dropper'],
  [/面霜|凝霜|眼霜|香膏/, 'jar'],
  [/爽肤水|卸妆油|洗发水|护发素|沐浴露|身体乳|粉底液|喷雾/, 'pump'],
  [/开衫|马甲/, 'cardigan'],
  [/T恤|卫衣|衬衫|家居服/, 'shirt'],
  [/长裤/, 'pants'],
  [/托特包/, 'tote'],
  [/围巾/, 'scarf'],
  [/四件套|被套|毛巾|浴巾|盖毯/, 'stack'],
  [/马克杯/, 'mug'],
  [/保温杯/, 'flask'],
  [/枕/, 'pillow'],
  [/储物罐/, 'storageJar'],
  [/托盘/, 'tray'],
  [/橙汁/, 'bottle'],
  [/咖啡豆|坚果|燕麦|大米/, 'pouch'],
];

/** Each category's menu icon reuses one product drawing. */
const categoryShape: Record<string, ShapeName> = {
  skincare: 'jar',
  makeup: 'stick',
  fragrance: 'perfume',
  'personal-care': 'pump',
  apparel: 'shirt',
  home: 'candle',
  food: 'pouch',
};

const escapeXml = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** "香薰蜡烛 雪松 200g" -> "香薰蜡烛 雪松": keep words with Chinese in them, at most 10 characters. */
function shortName(name: string): string {
  const [first, ...rest] = name.split(' ');
  let out = first;
  for (const word of rest) {
    if (/[\u4e00-\u9fff]/.test(word) && out.length + 1 + word.length <= 10) out += ` ${word}`;
  }
  return out;
}

function shapeFor(p: SeedProduct): ShapeName {
  return shapeRules.find(([re]) => re.test(p.name))?.[1] ?? 'box';
}

/** Font size in px so that `text` fits in `widthPx`, CJK glyphs counted as one em. */
function fitFont(text: string, widthPx: number, maxPx: number): number {
  const ems = [...text].reduce((n, ch) => n + (ch.charCodeAt(0) < 0x100 ? 0.55 : 1), 0);
  return Math.min(maxPx, Math.floor(widthPx / ems));
}

function productSvg(p: SeedProduct, variant: number): string {
  const pal = palettes[p.categoryId];
  const name = escapeXml(shortName(p.name));
  const nameSize = fitFont(shortName(p.name), 330, 30);
  const gradient = variant === 0 ? 'x1="0" y1="0" x2="0" y2="1"' : 'x1="0" y1="0" x2="1" y2="1"';
  const art =
    variant === 0
      ? shapes[shapeFor(p)](pal)
      : `<g transform="translate(200 170) scale(0.78) translate(-200 -180)">${shapes[shapeFor(p)](pal)}</g>`;
  const caption =
    variant === 0
      ? `<text x="200" y="345" text-anchor="middle" font-family="${FONT}" font-size="${nameSize}" font-weight="600" fill="${pal.text}">${name}</text>`
      : `<text x="200" y="322" text-anchor="middle" font-family="${FONT}" font-size="${nameSize}" font-weight="600" fill="${pal.text}">${name}</text>` +
        `<text x="200" y="358" text-anchor="middle" font-family="${FONT}" font-size="${fitFont(p.subtitle, 320, 18)}" fill="${pal.text}" fill-opacity="0.75">${escapeXml(p.subtitle)}</text>`;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="400" height="400" viewBox="0 0 400 400">`,
    `<defs><linearGradient id="bg" ${gradient}><stop offset="0" stop-color="${pal.bg1}"/><stop offset="1" stop-color="${pal.bg2}"/></linearGradient></defs>`,
    `<rect width="400" height="400" fill="url(#bg)"/>`,
    `<circle cx="330" cy="70" r="90" fill="${pal.light}" fill-opacity="0.35"/>`,
    `<ellipse cx="200" cy="292" rx="110" ry="10" fill="${pal.dark}" fill-opacity="0.12"/>`,
    art,
    caption,
    `</svg>`,
    '',
  ].join('\n');
}

function categorySvg(id: string): string {
  const pal = palettes[id];
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="64" height="64" viewBox="0 0 64 64">`,
    `<defs><linearGradient id="bg" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="${pal.bg1}"/><stop offset="1" stop-color="${pal.bg2}"/></linearGradient></defs>`,
    `<rect width="64" height="64" rx="16" fill="url(#bg)"/>`,
    `<g transform="translate(32 33) scale(0.2) translate(-200 -180)">${shapes[categoryShape[id]](pal)}</g>`,
    `</svg>`,
    '',
  ].join('\n');
}

function storeSvg(): string {
  const pal = palettes.home;
  const stripes = [0, 1, 2, 3, 4, 5, 6, 7]
    .map(
      (i) =>
        `<rect x="${70 + i * 32.5}" y="92" width="32.5" height="34" fill="${i % 2 ? pal.light : pal.main}"/>`,
    )
    .join('');
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="400" height="300" viewBox="0 0 400 300">`,
    `<defs><linearGradient id="bg" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="${pal.bg1}"/><stop offset="1" stop-color="${pal.bg2}"/></linearGradient></defs>`,
    `<rect width="400" height="300" fill="url(#bg)"/>`,
    `<rect x="80" y="80" width="240" height="170" rx="6" fill="${pal.light}" stroke="${pal.main}" stroke-width="4"/>`,
    `<rect x="64" y="62" width="272" height="32" rx="6" fill="${pal.dark}"/>`,
    stripes,
    `<path d="M70 126 q16 14 32.5 0 q16 14 32.5 0 q16 14 32.5 0 q16 14 32.5 0 q16 14 32.5 0 q16 14 32.5 0 q16 14 32.5 0 q16 14 32.5 0" fill="${pal.main}"/>`,
    `<rect x="100" y="150" width="90" height="60" rx="4" fill="${pal.bg2}" stroke="${pal.main}" stroke-width="3"/>`,
    `<rect x="215" y="150" width="80" height="100" rx="4" fill="${pal.main}"/>`,
    `<circle cx="280" cy="202" r="4" fill="${pal.light}"/>`,
    `<rect x="40" y="248" width="320" height="8" rx="4" fill="${pal.dark}" fill-opacity="0.25"/>`,
    `<text x="200" y="84" text-anchor="middle" font-family="${FONT}" font-size="20" font-weight="600" fill="${pal.light}">门店</text>`,
    `<text x="200" y="284" text-anchor="middle" font-family="${FONT}" font-size="16" fill="${pal.text}">门店图片即将上线</text>`,
    `</svg>`,
    '',
  ].join('\n');
}

function writeAll(dir: string, files: Map<string, string>): void {
  const full = join(assetsDir, dir);
  mkdirSync(full, { recursive: true });
  for (const f of readdirSync(full)) if (f.endsWith('.svg') && !files.has(f)) rmSync(join(full, f));
  for (const [name, svg] of files) writeFileSync(join(full, name), svg);
}

const productFiles = new Map<string, string>();
for (const p of products) {
  p.images.forEach((img, variant) => productFiles.set(basename(img), productSvg(p, variant)));
}
writeAll('products', productFiles);
writeAll('categories', new Map(categories.map((c) => [basename(c.icon), categorySvg(c.id)])));
writeAll('stores', new Map([['default.svg', storeSvg()]]));
process.stdout.write(
  `wrote ${productFiles.size} product, ${categories.length} category and 1 store SVG under ${assetsDir}\n`,
);
