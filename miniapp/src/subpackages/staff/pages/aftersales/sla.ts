/** How long until a case's SLA is due, for a row: 剩余 3小时20分 / 已超时 1小时5分. */
export function slaText(slaDueAt: string, now: number): { text: string; overdue: boolean } {
  const ms = new Date(slaDueAt).getTime() - now;
  const minutes = Math.floor(Math.abs(ms) / 60_000);
  const h = Math.floor(minutes / 60);
  const span = h > 0 ? `${h}小时${minutes % 60}分` : `${minutes}分`;
  return ms >= 0 ? { text: `剩余 ${span}`, overdue: false } : { text: `已超时 ${span}`, overdue: true };
}
