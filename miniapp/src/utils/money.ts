/** Formats an integer amount in fen as yuan with two decimals: 1290 → "¥12.90", -50 → "-¥0.50". */
export function formatFen(amountFen: number): string {
  const fen = Math.round(amountFen);
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  const yuan = Math.floor(abs / 100);
  const cents = String(abs % 100).padStart(2, '0');
  return `${sign}¥${yuan}.${cents}`;
}
