/** Formats a distance in metres for people: 860 → "860m", 1234 → "1.2km". */
export function formatDistanceM(distanceM: number): string {
  if (distanceM < 1000) return `${Math.max(0, Math.round(distanceM))}m`;
  return `${(distanceM / 1000).toFixed(1)}km`;
}
