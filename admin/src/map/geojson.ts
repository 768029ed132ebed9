// GeoJSON in and out of the zone editor: Polygon / MultiPolygon / Feature / FeatureCollection are
// read into outer rings, each checked like the editor checks a drawn one; zones go out as a
// FeatureCollection. Positions are [lng, lat] in GCJ-02 degrees (as stored), never converted.
import { closeRing, openRing, ringProblem } from './geometry';
import type { LngLat } from './projection';

/** One polygon found in an import: its outer ring (open), a name if the feature had one, and what's wrong. */
export interface ImportedPolygon {
  /** Where it was found, e.g. `第 2 个要素` or `多边形 1`. */
  where: string;
  name: string | null;
  ring: LngLat[];
  /** Why it can't be a zone as it is; null when it can. */
  problem: string | null;
}

export type GeoJsonImport = { polygons: ImportedPolygon[] } | { error: string };

type Json = Record<string, unknown>;
const isObj = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

function ringFrom(raw: unknown): LngLat[] | string {
  if (!Array.isArray(raw)) return '坐标须为 [经度, 纬度] 数组';
  const out: LngLat[] = [];
  for (const p of raw) {
    if (!Array.isArray(p) || p.length < 2 || typeof p[0] !== 'number' || typeof p[1] !== 'number')
      return '每个顶点须为 [经度, 纬度] 两个数字';
    out.push([p[0], p[1]]);
  }
  return openRing(out);
}

function fromPolygon(coords: unknown, where: string, name: string | null): ImportedPolygon {
  if (!Array.isArray(coords) || !coords.length)
    return { where, name, ring: [], problem: '多边形没有任何顶点' };
  const ring = ringFrom(coords[0]);
  if (typeof ring === 'string') return { where, name, ring: [], problem: ring };
  const problem = coords.length > 1 ? '不支持带内环（挖洞）的配送区' : ringProblem(ring);
  return { where, name, ring, problem };
}

function fromGeometry(g: unknown, where: string, name: string | null): ImportedPolygon[] | string {
  if (!isObj(g)) return `${where}没有几何图形`;
  if (g.type === 'Polygon') return [fromPolygon(g.coordinates, where, name)];
  if (g.type === 'MultiPolygon') {
    const parts = g.coordinates;
    if (!Array.isArray(parts)) return `${where}的 MultiPolygon 坐标无效`;
    return parts.map((c, i) =>
      fromPolygon(c, `${where}多边形 ${i + 1}`, name && parts.length > 1 ? `${name}-${i + 1}` : name),
    );
  }
  return `${where}是 ${String(g.type)}，只支持 Polygon 或 MultiPolygon`;
}

function nameOf(f: Json): string | null {
  const p = f.properties;
  if (!isObj(p)) return null;
  const n = p.name ?? p.名称 ?? p.title;
  return typeof n === 'string' && n.trim() ? n.trim() : null;
}

/** Reads pasted or uploaded GeoJSON text (or a parsed object) into polygons, or says why it can't. */
export function parseGeoJson(input: string | unknown): GeoJsonImport {
  let doc: unknown = input;
  if (typeof input === 'string') {
    if (!input.trim()) return { error: '请粘贴 GeoJSON 内容或选择文件' };
    try {
      doc = JSON.parse(input);
    } catch {
      return { error: '不是有效的 JSON' };
    }
  }
  if (!isObj(doc)) return { error: 'GeoJSON 须为一个对象' };
  let found: ImportedPolygon[] | string;
  if (doc.type === 'FeatureCollection') {
    if (!Array.isArray(doc.features)) return { error: 'FeatureCollection 缺少 features 数组' };
    found = [];
    for (const [i, f] of doc.features.entries()) {
      if (!isObj(f)) continue;
      const got = fromGeometry(f.geometry, `第 ${i + 1} 个要素`, nameOf(f));
      if (typeof got === 'string') continue; // points and lines in a collection are skipped
      found.push(...got);
    }
    if (!found.length) return { error: 'FeatureCollection 中没有 Polygon 或 MultiPolygon' };
  } else if (doc.type === 'Feature') {
    found = fromGeometry(doc.geometry, '要素', nameOf(doc));
  } else {
    found = fromGeometry(doc, '', null);
  }
  if (typeof found === 'string') return { error: found || '无法识别的 GeoJSON' };
  return { polygons: found };
}

/** What an exported zone carries besides its ring. */
export interface ExportZone {
  id: number;
  code: string;
  name: string;
  ring: readonly LngLat[];
  feeFen: number;
  freeThresholdFen: number | null;
  cutoffMin: number;
  active: boolean;
}

/** Zones as a GeoJSON FeatureCollection (closed rings, GCJ-02 noted in the properties). */
export function zonesToGeoJson(zones: readonly ExportZone[]): Json {
  return {
    type: 'FeatureCollection',
    features: zones.map((z) => ({
      type: 'Feature',
      id: z.id,
      properties: {
        code: z.code,
        name: z.name,
        feeFen: z.feeFen,
        freeThresholdFen: z.freeThresholdFen,
        cutoffMin: z.cutoffMin,
        active: z.active,
        crs: 'GCJ-02',
      },
      geometry: { type: 'Polygon', coordinates: [closeRing(z.ring)] },
    })),
  };
}
