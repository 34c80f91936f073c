/**
 * Money is integer fen (分) everywhere; messages and documents show yuan with two decimals.
 */

/** Fen as yuan with two decimals and no grouping: 130000 → "1300.00", 5 → "0.05", -250 → "-2.50". */
export function yuan(fen: number): string {
  if (!Number.isSafeInteger(fen)) throw new RangeError(`金额应为整数分：${fen}`);
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}
