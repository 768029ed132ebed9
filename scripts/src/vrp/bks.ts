import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';

/** Best-known distances by lower-case instance name, from `../shared/bench/solomon/bks_distance.csv` or env BKS_CSV. */
export function loadBestKnown(repoRoot: string): Map<string, number> {
  const candidates = [
    resolve(repoRoot, '../shared/bench/solomon/bks_distance.csv'),
    process.env.BKS_CSV,
  ].filter((p): p is string => Boolean(p));
  const file = candidates.find((p) => existsSync(p));
  const result = new Map<string, number>();
  if (!file) return result;
  const lines = readFileSync(file, 'utf8').split(/\r?\n/).slice(1);
  for (const line of lines) {
    const [name, , distance] = line.split(',');
    if (name && Number.isFinite(Number(distance))) result.set(name.trim().toLowerCase(), Number(distance));
  }
  return result;
}
