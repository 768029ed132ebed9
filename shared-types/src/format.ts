// Dates and slots as people read them, the same in the mini-program and in the bot's replies.

const WEEKDAYS = ['周日', '周一', '周二', '周三', '周四', '周五', '周六'];

/** A local (Asia/Shanghai) date `YYYY-MM-DD` as 12月8日（周二）. */
export function formatDay(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  if (Number.isNaN(d.getTime())) return date;
  return `${d.getUTCMonth() + 1}月${d.getUTCDate()}日（${WEEKDAYS[d.getUTCDay()]}）`;
}

/** A slot's day and hours, e.g. 12月8日（周二） 18:00-20:00. */
export function formatSlot(date: string, label: string): string {
  return `${formatDay(date)} ${label}`;
}
