import type { DayPart, TimeEntity } from '../nlu.types';

/** Asia/Shanghai has been UTC+8 all year since 1991, so a fixed offset is exact for current dates. */
const SHANGHAI_OFFSET_MS = 8 * 3600 * 1000;
const DAY_MS = 24 * 3600 * 1000;

const CN_DIGITS: Record<string, number> = {
  零: 0,
  〇: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};

/** Reads 0-99 written as Arabic digits or Chinese numerals (十二, 二十一, 三十); undefined if neither. */
export function readSmallNumber(token: string): number | undefined {
  if (/^\d{1,2}$/.test(token)) return Number(token);
  const m = /^([一二两三四五六七八九])?(十)?([零〇一二两三四五六七八九])?$/.exec(token);
  if (!m || token === '') return undefined;
  const [, tens, ten, ones] = m;
  if (!ten) return tens && !ones ? CN_DIGITS[tens] : ones && !tens ? CN_DIGITS[ones] : undefined;
  return (tens ? CN_DIGITS[tens] : 1) * 10 + (ones ? CN_DIGITS[ones] : 0);
}

const NUM = '(?:\\d{1,2}|[零〇一二两三四五六七八九十]{1,3})';
const CLOCK = `(?:\\d{1,2}:\\d{2}|${NUM}\\s*(?:点|时)(?:钟)?(?:\\s*(?:半|一刻|三刻|${NUM}\\s*分?))?)`;
const PART_WORDS = '凌晨|早上|早晨|清晨|一早|上午|中午|午间|下午|午后|傍晚|晚上|晚间|夜里|夜间|深夜|半夜';
const TIME_OF_DAY = new RegExp(
  `(?<part>${PART_WORDS})?\\s*(?:的)?\\s*(?:(?<from>${CLOCK}|${NUM})\\s*(?:-|~|到|至|—|–)\\s*(?<to>${CLOCK})|(?<at>${CLOCK})(?<bound>之前|以前|前(?![台天门面])|之后|以后|后(?![天台门面]))?)?`,
  'g',
);

const REL_DAYS: Record<string, { days: number; part?: DayPart }> = {
  大后天: { days: 3 },
  后天: { days: 2 },
  明天: { days: 1 },
  明日: { days: 1 },
  明儿: { days: 1 },
  明早: { days: 1, part: 'morning' },
  明晨: { days: 1, part: 'morning' },
  明晚: { days: 1, part: 'evening' },
  tomorrow: { days: 1 },
  今天: { days: 0 },
  今日: { days: 0 },
  今儿: { days: 0 },
  今早: { days: 0, part: 'morning' },
  今晚: { days: 0, part: 'evening' },
  今夜: { days: 0, part: 'night' },
  today: { days: 0 },
  tonight: { days: 0, part: 'evening' },
  昨天: { days: -1 },
  前天: { days: -2 },
};
const NUMD = '(?:\\d{1,2}|[一二三四五六七八九十]{1,3})';
const DATE_ANCHOR = new RegExp(
  [
    `(?<iso>(?<isoY>\\d{4})[-/.](?<isoM>\\d{1,2})[-/.](?<isoD>\\d{1,2}))`,
    `(?<md>(?:(?<mdY>\\d{4})\\s*年\\s*)?(?<mdM>${NUMD})\\s*月\\s*(?<mdD>${NUMD})\\s*[日号]?)`,
    `(?<slash>(?<![\\d./])(?<slM>\\d{1,2})/(?<slD>\\d{1,2})(?![\\d/]))`,
    `(?<week>(?<wPre>下下|下|这|本|上)?个?(?:周|星期|礼拜)(?<wDay>[一二三四五六日天1-7]|末))`,
    `(?<rel>${Object.keys(REL_DAYS).join('|')})`,
    `(?<day>(?<![\\d月])(?<dD>${NUMD})\\s*[号日](?![楼门线房床店码单元栋座室]))`,
  ].join('|'),
  'g',
);

const PARTS: Record<string, DayPart> = {
  凌晨: 'early_morning',
  早上: 'morning',
  早晨: 'morning',
  清晨: 'morning',
  一早: 'morning',
  上午: 'morning',
  中午: 'noon',
  午间: 'noon',
  下午: 'afternoon',
  午后: 'afternoon',
  傍晚: 'evening',
  晚上: 'evening',
  晚间: 'evening',
  夜里: 'night',
  夜间: 'night',
  深夜: 'night',
  半夜: 'night',
};

interface LocalDate {
  y: number;
  m: number;
  d: number;
}

function shanghaiToday(now: Date): LocalDate {
  const t = new Date(now.getTime() + SHANGHAI_OFFSET_MS);
  return { y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate() };
}

function addDays(date: LocalDate, days: number): LocalDate {
  const t = new Date(Date.UTC(date.y, date.m - 1, date.d) + days * DAY_MS);
  return { y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate() };
}

function validDate(y: number, m: number, d: number): LocalDate | undefined {
  const t = new Date(Date.UTC(y, m - 1, d));
  return t.getUTCMonth() === m - 1 && t.getUTCDate() === d && m >= 1 ? { y, m, d } : undefined;
}

function dayNumber(date: LocalDate): number {
  return Date.UTC(date.y, date.m - 1, date.d) / DAY_MS;
}

/** Of several candidate dates, the one nearest to today (ties go to the future): 3号 on the 25th is next month's. */
function nearest(today: LocalDate, candidates: (LocalDate | undefined)[]): LocalDate | undefined {
  let best: LocalDate | undefined;
  let bestScore = Infinity;
  for (const c of candidates) {
    if (!c) continue;
    const delta = dayNumber(c) - dayNumber(today);
    const score = Math.abs(delta) + (delta < 0 ? 0.5 : 0);
    if (score < bestScore) [best, bestScore] = [c, score];
  }
  return best;
}

function formatDate({ y, m, d }: LocalDate): string {
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

function resolveAnchor(
  g: Record<string, string | undefined>,
  today: LocalDate,
): { date?: LocalDate; part?: DayPart } {
  if (g.iso) return { date: validDate(Number(g.isoY), Number(g.isoM), Number(g.isoD)) };
  if (g.md || g.slash) {
    const m = readSmallNumber(g.mdM ?? g.slM ?? '');
    const d = readSmallNumber(g.mdD ?? g.slD ?? '');
    if (m === undefined || d === undefined) return {};
    if (g.mdY) return { date: validDate(Number(g.mdY), m, d) };
    return {
      date: nearest(
        today,
        [today.y - 1, today.y, today.y + 1].map((y) => validDate(y, m, d)),
      ),
    };
  }
  if (g.week) {
    const isoToday = ((new Date(Date.UTC(today.y, today.m - 1, today.d)).getUTCDay() + 6) % 7) + 1;
    const wd =
      g.wDay === '末' ? 6 : g.wDay === '日' || g.wDay === '天' ? 7 : (readSmallNumber(g.wDay ?? '') ?? 1);
    const shift: Record<string, number> = { 下下: 14, 下: 7, 这: 0, 本: 0, 上: -7 };
    const delta = g.wPre ? wd - isoToday + shift[g.wPre] : (wd - isoToday + 7) % 7;
    return { date: addDays(today, delta) };
  }
  if (g.rel) {
    const rel = REL_DAYS[g.rel];
    return { date: addDays(today, rel.days), part: rel.part };
  }
  const d = readSmallNumber(g.dD ?? '');
  if (d === undefined) return {};
  const months = [-1, 0, 1].map((k) => addDays({ y: today.y, m: today.m, d: 1 }, k * 31));
  return {
    date: nearest(
      today,
      months.map((x) => validDate(x.y, x.m, d)),
    ),
  };
}

interface Clock {
  h: number;
  min: number;
}

function readClock(token: string): Clock | undefined {
  const colon = /^(\d{1,2}):(\d{2})$/.exec(token);
  if (colon) {
    const clock = { h: Number(colon[1]), min: Number(colon[2]) };
    return clock.h <= 24 && clock.min <= 59 ? clock : undefined;
  }
  const m = new RegExp(`^(${NUM})\\s*(?:点|时)?(?:钟)?\\s*(半|一刻|三刻|${NUM})?\\s*分?$`).exec(token);
  const h = m ? readSmallNumber(m[1]) : undefined;
  if (!m || h === undefined || h > 24) return undefined;
  const tail = m[2];
  const min =
    tail === '半' ? 30 : tail === '一刻' ? 15 : tail === '三刻' ? 45 : tail ? readSmallNumber(tail) : 0;
  return min !== undefined && min <= 59 ? { h, min } : undefined;
}

/** Moves a clock reading into the named part of the day (晚上8点 -> 20:00). */
function inPart(c: Clock, part: DayPart | undefined, colon: boolean): Clock {
  let h = c.h;
  if ((part === 'afternoon' || part === 'evening') && h < 12) h += 12;
  else if (part === 'night' && h >= 6 && h < 12) h += 12;
  else if (part === 'noon' && h <= 2) h += 12;
  // Nobody books a 3 a.m. delivery: with no part of day, 1-6 o'clock means p.m.
  else if (!part && !colon && h >= 1 && h <= 6) h += 12;
  return { h: h === 24 ? 0 : h, min: c.min };
}

const hhmm = ({ h, min }: Clock) => `${String(h).padStart(2, '0')}:${String(min).padStart(2, '0')}`;

interface TimeOfDay {
  start: number;
  end: number;
  part?: DayPart;
  from?: string;
  to?: string;
}

function readTimeOfDay(
  g: Record<string, string | undefined>,
  inherited: DayPart | undefined,
): TimeOfDay | null {
  const part = g.part ? PARTS[g.part] : inherited;
  const said = g.part ? part : undefined;
  if (g.at) {
    const at = readClock(g.at);
    if (!at) return null;
    const time = hhmm(inPart(at, part, g.at.includes(':')));
    // 10点前 is a deadline (to); 9点以后 and a plain 7点 are a start (from).
    return /前/.test(g.bound ?? '')
      ? { start: 0, end: 0, part: said, to: time }
      : { start: 0, end: 0, part: said, from: time };
  }
  if (g.from && g.to) {
    const rawFrom = readClock(g.from);
    const rawTo = readClock(g.to);
    if (!rawFrom || !rawTo) return null;
    const from = inPart(rawFrom, part, g.from.includes(':'));
    let to = inPart(rawTo, part, g.to.includes(':'));
    // 6到8点 / 11点到1点: the end follows the start into the afternoon.
    if (to.h * 60 + to.min <= from.h * 60 + from.min && to.h + 12 < 24) to = { h: to.h + 12, min: to.min };
    return { start: 0, end: 0, part: said, from: hhmm(from), to: hhmm(to) };
  }
  return g.part ? { start: 0, end: 0, part } : null;
}

/** Words right before a clock-like 一点 that make it "a little" (快一点, 便宜一点), not 1 o'clock. */
const A_LITTLE = /[快早晚多少慢大小好宜高低近远轻重]$/;

/**
 * Date and time expressions in canonical text, resolved in Asia/Shanghai relative to `now`: relative days
 * (今天 .. 大后天), weekdays (周六, 下周一), dates (12月3号, 3号, 2026-12-03), parts of day and clock times or
 * ranges (下午, 晚上8点, 18:00-20:00). A time with no date word takes the previous date in the message, else today.
 */
export function extractTimes(canonical: string, now: Date): TimeEntity[] {
  const today = shanghaiToday(now);
  const out: (TimeEntity & { end: number })[] = [];
  const anchors: { start: number; end: number; date: LocalDate; part?: DayPart }[] = [];
  for (const m of canonical.matchAll(DATE_ANCHOR)) {
    const { date, part } = resolveAnchor(m.groups ?? {}, today);
    if (date) anchors.push({ start: m.index, end: m.index + m[0].length, date, part });
  }
  const tods: TimeOfDay[] = [];
  for (const m of canonical.matchAll(TIME_OF_DAY)) {
    if (m[0].trim() === '') continue;
    const g = m.groups ?? {};
    if (!g.part && g.at && /^一\s*点$/.test(g.at) && A_LITTLE.test(canonical.slice(0, m.index))) continue;
    const before = anchors.find(
      (a) => a.end <= m.index && /^[\s的,、]{0,3}$/.test(canonical.slice(a.end, m.index)),
    );
    const tod = readTimeOfDay(g, before?.part);
    if (tod)
      tods.push({
        ...tod,
        start: m.index + (m[0].length - m[0].trimStart().length),
        end: m.index + m[0].length,
      });
  }
  const used = new Set<TimeOfDay>();
  const adjacent = (a: { end: number }, t: TimeOfDay) =>
    /^[\s的,、]{0,3}$/.test(canonical.slice(a.end, t.start));
  const bare = new Set<number>();
  anchors.forEach((a, i) => {
    const tod = tods.find((t) => !used.has(t) && t.start >= a.end && adjacent(a, t));
    if (tod) used.add(tod);
    else bare.add(i);
    const end = tod ? tod.end : a.end;
    out.push(entity(canonical.slice(a.start, end), a.date, tod?.part ?? a.part, tod, end));
  });
  for (const t of tods) {
    if (used.has(t)) continue;
    let i = anchors.length - 1;
    while (i >= 0 && anchors[i].end > t.start) i--;
    if (i >= 0 && bare.has(i)) {
      // 周日可以吗，下午3点以后: the time completes the date said just before it.
      bare.delete(i);
      const a = anchors[i];
      out[i] = entity(
        `${canonical.slice(a.start, a.end)} ${canonical.slice(t.start, t.end)}`,
        a.date,
        t.part ?? a.part,
        t,
        t.end,
      );
    } else {
      out.push(entity(canonical.slice(t.start, t.end), i >= 0 ? anchors[i].date : today, t.part, t, t.end));
    }
  }
  return out.sort((a, b) => a.end - b.end).map(({ end: _end, ...e }) => e);
}

function entity(
  text: string,
  date: LocalDate,
  part: DayPart | undefined,
  tod: TimeOfDay | undefined,
  end: number,
) {
  const e: TimeEntity & { end: number } = { text: text.replace(/[\s的]+$/, ''), date: formatDate(date), end };
  if (tod?.from) e.from = tod.from;
  if (tod?.to) e.to = tod.to;
  if (part) e.part = part;
  return e;
}
