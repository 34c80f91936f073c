/** Builds YYYY-MM-DD if y/m/d form a real calendar date (leap years included), else null. */
export function toIsoDate(y: number, m: number, d: number): string | null {
  if (!Number.isInteger(y) || !Number.isInteger(m) || !Number.isInteger(d)) return null;
  if (y < 1900 || y > 2100 || m < 1 || m > 12 || d < 1) return null;
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
  if (d > days) return null;
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);

/**
 * Reads a date as people write it in a roster: 1985-03-02, 1985/3/2, 1985.3.2, 19850302, 1985年3月2日,
 * an Excel serial day number, or a JS Date from a spreadsheet cell. A year and month alone (1985-03,
 * 1985年3月, 出生年月) give the first of the month. Digits that Excel kept as a number (19850302, 198503, and
 * 出生年月 typed 1985.03) are read as typed, not as serial days. Returns YYYY-MM-DD, or null when it cannot be read.
 */
export function parseLooseDate(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return null;
    // Spreadsheet readers give dates as UTC midnight of the calendar day.
    return toIsoDate(value.getUTCFullYear(), value.getUTCMonth() + 1, value.getUTCDate());
  }
  if (typeof value === 'number') return fromNumber(value);
  const s = String(value)
    .trim()
    // Full-width digits and punctuation, as a Chinese input method in full-width mode types them (１９８５－０３－０２).
    .replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/\s+/g, '');
  if (s === '') return null;
  let m = /^(\d{4})(\d{2})(\d{2})$/.exec(s);
  if (m) return toIsoDate(+m[1], +m[2], +m[3]);
  m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(s);
  if (m) return toIsoDate(+m[1], +m[2], +m[3]);
  m = /^(\d{4})年(\d{1,2})月(\d{1,2})[日号]?$/.exec(s);
  if (m) return toIsoDate(+m[1], +m[2], +m[3]);
  m = /^(\d{4})(?:[-/.](\d{1,2})|年(\d{1,2})月?)$/.exec(s);
  if (m) return toIsoDate(+m[1], +(m[2] ?? m[3]), 1);
  m = /^(\d{4})(\d{2})$/.exec(s);
  if (m) return toIsoDate(+m[1], +m[2], 1);
  if (/^\d{5}(\.\d+)?$/.test(s)) return fromExcelSerial(Number(s));
  return null;
}

/**
 * A number cell. 1900–2100 with or without decimals is a year or a 出生年月 typed as 1985.03, never a serial day
 * of 1905; 1985.1 is refused because it may have been typed 1985.1 or 1985.10. Above 100 000 it is 19850302 or
 * 198503 typed as digits. Anything else is an Excel serial day number.
 */
function fromNumber(n: number): string | null {
  if (!Number.isFinite(n)) return null;
  if (n >= 1900 && n < 2101) {
    const s = String(n);
    return /^\d{4}\.1$/.test(s) ? null : parseLooseDate(s);
  }
  if (n > 100_000) return parseLooseDate(String(n));
  return fromExcelSerial(n);
}

function fromExcelSerial(n: number): string | null {
  if (!Number.isFinite(n) || n < 1 || n > 100_000) return null;
  const d = new Date(EXCEL_EPOCH_MS + Math.floor(n) * 86_400_000);
  return toIsoDate(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

/** Whole years between a birth date and a day (both YYYY-MM-DD); a 29 Feb birthday turns over on 1 Mar. */
export function ageOn(birthDate: string, day: string): number {
  const [by, bm, bd] = birthDate.split('-').map(Number);
  const [y, m, d] = day.split('-').map(Number);
  let age = y - by;
  if (m < bm || (m === bm && d < bd)) age--;
  return age;
}

/** Today's date in the organisation's time zone (Asia/Shanghai), as YYYY-MM-DD. */
export function todayInShanghai(now: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(now);
}

/**
 * The birth-date range [from, to] (inclusive, YYYY-MM-DD) of people whose age on `day` (as ageOn counts it)
 * is between minAge and maxAge; maxAge null means no upper bound. A 29 Feb in a common year is handled.
 */
export function birthRangeForAges(day: string, minAge: number, maxAge: number | null): { from: string | null; to: string } {
  const [y, m, d] = day.split('-').map(Number);
  // Age ≥ n ⇔ birth ≤ (y − n, m, d); when that is 29 Feb of a common year, the last such birth is 28 Feb.
  const lastBornFor = (n: number) => toIsoDate(y - n, m, d) ?? toIsoDate(y - n, 2, 28)!;
  const to = lastBornFor(minAge);
  if (maxAge === null) return { from: null, to };
  const bound = lastBornFor(maxAge + 1);
  const next = new Date(Date.parse(`${bound}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
  return { from: next, to };
}
