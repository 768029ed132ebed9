// Simple product drawings for the demo artwork, each in a 400×400 canvas centred near (200, 180)
// and spanning roughly y 60–285, built from plain SVG shapes so any viewer renders them.

/** Colours of one category: background gradient, shape fill, outline, highlight and caption. */
export interface Palette {
  bg1: string;
  bg2: string;
  main: string;
  dark: string;
  light: string;
  text: string;
}

const GOLD = '#D9B77E';
const shine = (x: number, y: number, h: number): string =>
  `<rect x="${x}" y="${y}" width="10" height="${h}" rx="5" fill="#FFFFFF" fill-opacity="0.55"/>`;

/** Every drawing by name; each returns SVG elements (no wrapper). */
export const shapes = {
  jar: (p: Palette) =>
    `<rect x="128" y="108" width="144" height="42" rx="10" fill="${p.dark}"/>` +
    `<rect x="112" y="146" width="176" height="132" rx="30" fill="${p.light}" stroke="${p.main}" stroke-width="4"/>` +
    `<rect x="146" y="188" width="108" height="48" rx="8" fill="${p.main}" fill-opacity="0.85"/>` +
    `<rect x="166" y="206" width="68" height="6" rx="3" fill="${p.light}"/>` +
    shine(128, 162, 90),
  dropper: (p: Palette) =>
    `<ellipse cx="200" cy="86" rx="18" ry="24" fill="${p.dark}"/>` +
    `<rect x="178" y="104" width="44" height="38" rx="5" fill="${p.dark}"/>` +
    `<rect x="148" y="138" width="104" height="146" rx="24" fill="${p.main}" fill-opacity="0.9"/>` +
    `<rect x="166" y="188" width="68" height="56" rx="5" fill="${p.light}"/>` +
    `<rect x="180" y="206" width="40" height="5" rx="2.5" fill="${p.main}"/>` +
    shine(160, 152, 100),
  pump: (p: Palette) =>
    `<rect x="188" y="76" width="52" height="12" rx="5" fill="${p.dark}"/>` +
    `<rect x="188" y="80" width="24" height="30" fill="${p.dark}"/>` +
    `<rect x="176" y="106" width="48" height="24" rx="5" fill="${p.dark}"/>` +
    `<rect x="142" y="128" width="116" height="156" rx="22" fill="${p.light}" stroke="${p.main}" stroke-width="4"/>` +
    `<rect x="160" y="172" width="80" height="72" rx="6" fill="${p.main}"/>` +
    `<rect x="176" y="192" width="48" height="6" rx="3" fill="${p.light}"/>` +
    shine(154, 142, 120),
  bottle: (p: Palette) =>
    `<rect x="180" y="78" width="40" height="28" rx="5" fill="${p.dark}"/>` +
    `<path d="M182 106 H218 L252 150 V270 Q252 284 238 284 H162 Q148 284 148 270 V150 Z" fill="${p.main}"/>` +
    `<rect x="162" y="178" width="76" height="64" rx="6" fill="${p.light}"/>` +
    `<circle cx="200" cy="210" r="20" fill="${p.main}"/>` +
    shine(160, 158, 100),
  tube: (p: Palette) =>
    `<rect x="144" y="70" width="112" height="16" rx="3" fill="${p.main}"/>` +
    `<path d="M148 84 H252 L234 236 H166 Z" fill="${p.light}" stroke="${p.main}" stroke-width="4"/>` +
    `<rect x="172" y="124" width="56" height="62" rx="6" fill="${p.main}" fill-opacity="0.85"/>` +
    `<rect x="176" y="234" width="48" height="50" rx="8" fill="${p.dark}"/>`,
  stick: (p: Palette) =>
    `<path d="M180 132 V96 Q180 82 194 76 L220 66 V132 Z" fill="${p.main}"/>` +
    `<rect x="174" y="128" width="52" height="46" rx="4" fill="${GOLD}"/>` +
    `<rect x="166" y="170" width="68" height="114" rx="8" fill="${p.dark}"/>` +
    shine(176, 184, 80),
  pencil: (p: Palette) =>
    `<rect x="184" y="62" width="32" height="96" rx="10" fill="${p.dark}"/>` +
    `<rect x="184" y="152" width="32" height="12" fill="${GOLD}"/>` +
    `<rect x="184" y="162" width="32" height="122" rx="8" fill="${p.main}"/>` +
    shine(190, 176, 90),
  compact: (p: Palette) =>
    `<circle cx="200" cy="182" r="102" fill="${p.dark}"/>` +
    `<circle cx="200" cy="182" r="84" fill="${p.light}"/>` +
    [-1, 0, 1]
      .flatMap((row) =>
        [-1, 0, 1].map(
          (col) =>
            `<circle cx="${200 + col * 46}" cy="${182 + row * 46}" r="19" fill="${p.main}" fill-opacity="${(0.45 + 0.18 * ((row + col + 2) % 4)).toFixed(2)}"/>`,
        ),
      )
      .join(''),
  sachet: (p: Palette) =>
    `<rect x="128" y="74" width="144" height="210" rx="10" fill="${p.light}" stroke="${p.main}" stroke-width="4"/>` +
    `<path d="M128 92 l12 -12 l12 12 l12 -12 l12 12 l12 -12 l12 12 l12 -12 l12 12 l12 -12 l12 12 l12 -12 l12 12" fill="none" stroke="${p.main}" stroke-width="3"/>` +
    `<ellipse cx="200" cy="178" rx="44" ry="54" fill="${p.main}" fill-opacity="0.25" stroke="${p.main}" stroke-width="3"/>` +
    `<ellipse cx="184" cy="168" rx="9" ry="5" fill="${p.dark}"/><ellipse cx="216" cy="168" rx="9" ry="5" fill="${p.dark}"/>` +
    `<path d="M186 198 Q200 208 214 198" fill="none" stroke="${p.dark}" stroke-width="3"/>` +
    `<rect x="160" y="246" width="80" height="8" rx="4" fill="${p.main}"/>`,
  perfume: (p: Palette) =>
    `<rect x="176" y="76" width="48" height="40" rx="6" fill="${p.dark}"/>` +
    `<rect x="188" y="114" width="24" height="16" fill="${GOLD}"/>` +
    `<rect x="132" y="128" width="136" height="156" rx="18" fill="${p.main}" fill-opacity="0.45" stroke="${p.main}" stroke-width="4"/>` +
    `<rect x="144" y="168" width="112" height="104" rx="10" fill="${p.main}" fill-opacity="0.6"/>` +
    `<rect x="168" y="192" width="64" height="34" rx="4" fill="${p.light}"/>` +
    shine(146, 140, 60),
  candle: (p: Palette) =>
    `<path d="M200 88 C216 108 214 130 200 138 C186 130 184 108 200 88 Z" fill="#F6A623"/>` +
    `<path d="M200 108 C207 118 206 128 200 132 C194 128 193 118 200 108 Z" fill="#FFE08A"/>` +
    `<rect x="198" y="136" width="4" height="22" fill="${p.dark}"/>` +
    `<rect x="128" y="142" width="144" height="142" rx="16" fill="${p.light}" stroke="${p.main}" stroke-width="4"/>` +
    `<rect x="136" y="156" width="128" height="120" rx="10" fill="${p.main}" fill-opacity="0.3"/>` +
    `<rect x="160" y="196" width="80" height="42" rx="4" fill="${p.light}" stroke="${p.main}" stroke-width="2"/>` +
    `<rect x="176" y="214" width="48" height="5" rx="2.5" fill="${p.main}"/>`,
  reed: (p: Palette) =>
    `<path d="M194 160 L146 66 M200 160 L200 58 M206 160 L254 66 M197 160 L172 62 M203 160 L228 62" stroke="${p.dark}" stroke-width="4" stroke-linecap="round"/>` +
    `<rect x="184" y="148" width="32" height="26" rx="4" fill="${p.dark}"/>` +
    `<rect x="146" y="170" width="108" height="114" rx="20" fill="${p.main}" fill-opacity="0.6" stroke="${p.main}" stroke-width="4"/>` +
    `<rect x="170" y="206" width="60" height="36" rx="4" fill="${p.light}"/>`,
  diffuser: (p: Palette) =>
    `<circle cx="200" cy="168" r="84" fill="${p.dark}"/>` +
    `<circle cx="200" cy="168" r="64" fill="${p.light}"/>` +
    `<circle cx="200" cy="168" r="30" fill="${p.main}" fill-opacity="0.6"/>` +
    `<path d="M200 104 V232 M136 168 H264" stroke="${p.main}" stroke-width="3" stroke-opacity="0.5"/>` +
    `<rect x="186" y="248" width="28" height="36" rx="6" fill="${p.dark}"/>`,
  toothbrush: (p: Palette) =>
    `<rect x="186" y="60" width="28" height="30" rx="5" fill="${p.main}"/>` +
    `<rect x="192" y="86" width="16" height="44" rx="6" fill="${p.light}" stroke="${p.main}" stroke-width="3"/>` +
    `<rect x="176" y="126" width="48" height="158" rx="22" fill="${p.light}" stroke="${p.main}" stroke-width="4"/>` +
    `<circle cx="200" cy="182" r="10" fill="${p.main}"/>` +
    `<rect x="196" y="210" width="8" height="36" rx="4" fill="${p.main}" fill-opacity="0.5"/>`,
  shirt: (p: Palette) =>
    `<path d="M142 82 L176 70 Q200 92 224 70 L258 82 L304 128 L274 160 L256 144 V284 H144 V144 L126 160 L96 128 Z" fill="${p.main}"/>` +
    `<path d="M176 70 Q200 104 224 70" fill="none" stroke="${p.dark}" stroke-width="5"/>` +
    `<rect x="218" y="160" width="26" height="28" rx="3" fill="${p.dark}" fill-opacity="0.3"/>`,
  cardigan: (p: Palette) =>
    `<path d="M142 82 L176 70 L200 150 L224 70 L258 82 Q292 96 298 150 L302 254 H274 L258 170 V284 H142 V170 L126 254 H98 L102 150 Q108 96 142 82 Z" fill="${p.main}"/>` +
    `<path d="M176 70 L200 150 L224 70" fill="${p.light}" fill-opacity="0.7"/>` +
    `<path d="M200 150 V284" stroke="${p.dark}" stroke-width="4"/>` +
    [178, 208, 238, 266].map((y) => `<circle cx="208" cy="${y}" r="5" fill="${p.dark}"/>`).join(''),
  pants: (p: Palette) =>
    `<rect x="148" y="72" width="104" height="18" rx="4" fill="${p.dark}"/>` +
    `<path d="M150 88 H250 L264 284 H212 L200 150 L188 284 H136 Z" fill="${p.main}"/>` +
    `<path d="M200 90 V140" stroke="${p.dark}" stroke-width="3"/>`,
  tote: (p: Palette) =>
    `<path d="M164 142 V108 Q164 78 200 78 Q236 78 236 108 V142" fill="none" stroke="${p.dark}" stroke-width="9" stroke-linecap="round"/>` +
    `<path d="M122 130 H278 L268 284 H132 Z" fill="${p.light}" stroke="${p.main}" stroke-width="4"/>` +
    `<rect x="160" y="178" width="80" height="54" rx="4" fill="${p.main}" fill-opacity="0.8"/>`,
  scarf: (p: Palette) =>
    `<rect x="128" y="72" width="84" height="196" rx="8" fill="${p.main}"/>` +
    `<rect x="188" y="108" width="84" height="166" rx="8" fill="${p.dark}"/>` +
    [0, 1, 2]
      .map(
        (i) =>
          `<rect x="128" y="${110 + i * 40}" width="84" height="8" fill="${p.light}" fill-opacity="0.5"/>`,
      )
      .join('') +
    [0, 1, 2, 3, 4, 5, 6]
      .map((i) => `<rect x="${193 + i * 11}" y="274" width="4" height="14" fill="${p.dark}"/>`)
      .join(''),
  stack: (p: Palette) =>
    `<rect x="104" y="214" width="192" height="66" rx="16" fill="${p.main}"/>` +
    `<rect x="114" y="156" width="172" height="62" rx="16" fill="${p.light}" stroke="${p.main}" stroke-width="4"/>` +
    `<rect x="124" y="100" width="152" height="60" rx="16" fill="${p.main}" fill-opacity="0.6"/>` +
    `<path d="M124 130 H276 M114 188 H286 M104 248 H296" stroke="${p.dark}" stroke-width="2" stroke-opacity="0.4"/>`,
  mug: (p: Palette) =>
    `<path d="M176 100 Q168 84 178 70 M206 100 Q198 84 208 70" fill="none" stroke="${p.main}" stroke-width="4" stroke-linecap="round" stroke-opacity="0.6"/>` +
    `<path d="M246 156 H262 A30 30 0 0 1 262 222 H246" fill="none" stroke="${p.main}" stroke-width="14"/>` +
    `<rect x="132" y="118" width="118" height="164" rx="16" fill="${p.light}" stroke="${p.main}" stroke-width="5"/>` +
    `<rect x="132" y="170" width="118" height="14" fill="${p.main}" fill-opacity="0.5"/>`,
  flask: (p: Palette) =>
    `<rect x="164" y="66" width="72" height="42" rx="12" fill="${p.dark}"/>` +
    `<rect x="158" y="104" width="84" height="180" rx="26" fill="${p.main}"/>` +
    `<rect x="158" y="150" width="84" height="10" fill="${p.light}" fill-opacity="0.5"/>` +
    shine(170, 170, 90),
  pillow: (p: Palette) =>
    `<path d="M100 170 Q100 124 150 128 Q200 146 250 128 Q300 124 300 170 V222 Q300 262 250 256 Q200 240 150 256 Q100 262 100 222 Z" fill="${p.light}" stroke="${p.main}" stroke-width="5"/>` +
    `<path d="M124 196 Q200 176 276 196" fill="none" stroke="${p.main}" stroke-width="3" stroke-opacity="0.6"/>`,
  storageJar: (p: Palette) =>
    `<rect x="146" y="98" width="108" height="28" rx="8" fill="${p.main}"/>` +
    `<rect x="138" y="122" width="124" height="162" rx="20" fill="#FFFFFF" fill-opacity="0.55" stroke="${p.main}" stroke-width="4"/>` +
    `<rect x="148" y="190" width="104" height="84" rx="12" fill="${p.dark}" fill-opacity="0.55"/>` +
    [160, 184, 208, 232]
      .map(
        (x, i) =>
          `<ellipse cx="${x + 8}" cy="${204 + (i % 2) * 16}" rx="7" ry="5" fill="${p.light}" fill-opacity="0.6"/>`,
      )
      .join(''),
  tray: (p: Palette) =>
    `<rect x="176" y="142" width="48" height="64" rx="6" fill="${p.light}" stroke="${p.main}" stroke-width="3"/>` +
    `<circle cx="250" cy="196" r="14" fill="${GOLD}"/>` +
    `<rect x="86" y="200" width="228" height="62" rx="22" fill="${p.main}"/>` +
    `<rect x="102" y="212" width="196" height="34" rx="14" fill="${p.dark}" fill-opacity="0.45"/>`,
  pouch: (p: Palette) =>
    `<rect x="134" y="80" width="132" height="24" rx="4" fill="${p.dark}"/>` +
    `<path d="M138 102 H262 L274 284 H126 Z" fill="${p.main}"/>` +
    `<rect x="160" y="156" width="80" height="76" rx="10" fill="${p.light}"/>` +
    `<ellipse cx="188" cy="190" rx="10" ry="14" fill="${p.dark}" transform="rotate(-20 188 190)"/>` +
    `<ellipse cx="214" cy="198" rx="10" ry="14" fill="${p.dark}" transform="rotate(25 214 198)"/>`,
  box: (p: Palette) =>
    `<path d="M118 140 L150 108 H308 L276 140 Z" fill="${p.light}" stroke="${p.main}" stroke-width="3"/>` +
    `<path d="M276 140 L308 108 V248 L276 282 Z" fill="${p.dark}"/>` +
    `<rect x="118" y="140" width="158" height="142" fill="${p.main}"/>` +
    `<rect x="138" y="180" width="118" height="56" rx="6" fill="${p.light}"/>` +
    `<rect x="160" y="204" width="74" height="6" rx="3" fill="${p.main}"/>`,
} satisfies Record<string, (p: Palette) => string>;

/** Name of one drawing in `shapes`. */
export type ShapeName = keyof typeof shapes;
