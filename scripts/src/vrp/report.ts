import type { InstanceResult } from './run-instance';

/** Family of a Solomon instance name (C1, C2, R1, R2, RC1, RC2), or null for other names. */
export function familyOf(name: string): string | null {
  const match = /^(rc|r|c)([12])\d\d$/i.exec(name);
  return match ? `${match[1].toUpperCase()}${match[2]}` : null;
}

/** Gap in percent of `distance` over the best known, or null when unknown. */
export function gapPercent(distance: number, best: number | undefined): number | null {
  return best === undefined ? null : ((distance - best) / best) * 100;
}

/** One table row. */
export function formatRow(result: InstanceResult, best: number | undefined): string {
  const gap = gapPercent(result.distance, best);
  const status =
    result.violations.length > 0
      ? 'VIOLATION'
      : result.unassigned > 0
        ? `${result.unassigned} unassigned`
        : 'ok';
  return [
    result.instance.padEnd(12),
    String(result.vehicles).padStart(8),
    result.distance.toFixed(2).padStart(10),
    (best === undefined ? '-' : best.toFixed(2)).padStart(10),
    (gap === null ? '-' : signedPercent(gap)).padStart(8),
    result.seconds.toFixed(1).padStart(7),
    `  ${status}`,
  ].join(' ');
}

/** Table header matching `formatRow`. */
export const HEADER = `${'instance'.padEnd(12)} ${'vehicles'.padStart(8)} ${'distance'.padStart(10)} ${'best'.padStart(10)} ${'gap'.padStart(8)} ${'seconds'.padStart(7)}  status`;

/** Summary lines: feasibility, totals, mean/median/worst gap, per-family mean gaps, total time. */
export function summarise(
  results: InstanceResult[],
  bestKnown: Map<string, number>,
  wallSeconds: number,
): string[] {
  const feasible = results.filter((r) => r.violations.length === 0 && r.unassigned === 0).length;
  const gaps: { name: string; gap: number }[] = [];
  const families = new Map<string, number[]>();
  for (const r of results) {
    const gap = gapPercent(r.distance, bestKnown.get(r.instance));
    if (gap === null) continue;
    gaps.push({ name: r.instance, gap });
    const family = familyOf(r.instance);
    if (family) families.set(family, [...(families.get(family) ?? []), gap]);
  }
  const mean = (xs: number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length;
  const lines = [
    `instances: ${results.length}, feasible with all served: ${feasible}, violations: ${results.filter((r) => r.violations.length > 0).length}, ` +
      `vehicles: ${results.reduce((a, r) => a + r.vehicles, 0)}, distance: ${results.reduce((a, r) => a + r.distance, 0).toFixed(2)}, ` +
      `solver time: ${results.reduce((a, r) => a + r.seconds, 0).toFixed(1)} s, wall time: ${wallSeconds.toFixed(1)} s`,
  ];
  if (gaps.length > 0) {
    const sorted = gaps.map((g) => g.gap).sort((a, b) => a - b);
    const mid = sorted.length >> 1;
    const median = sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    const worst = gaps.reduce((w, g) => (g.gap > w.gap ? g : w));
    const familyText = ['C1', 'C2', 'R1', 'R2', 'RC1', 'RC2']
      .filter((f) => families.has(f))
      .map((f) => `${f} ${signedPercent(mean(families.get(f)!))}`)
      .join(', ');
    lines.push(
      `gap to best known (${gaps.length}): mean ${signedPercent(mean(sorted))}, median ${signedPercent(median)}, worst ${signedPercent(worst.gap)} (${worst.name})` +
        (familyText ? `; families: ${familyText}` : ''),
    );
  }
  return lines;
}

/** "+1.23%" / "-0.45%", with values that round to zero shown as "+0.00%". */
export function signedPercent(x: number): string {
  const text = x.toFixed(2);
  return text === '-0.00' || x >= 0 ? `+${text.replace('-', '')}%` : `${text}%`;
}
