/**
 * Month expressions in plan texts: "三月", "3月份", "七、八月", "1-2月", "1~2月", "1—2月", "7,8月", "七八月份",
 * "10月份~12月份", "元月". A number only counts as a month when 月 follows it, so the festivals "三八", "五一",
 * "十一", "3.8" and "5.1" never read as months. All functions take the width-normalised text (see text.ts).
 */

/** A month expression found in a text: the months it covers (ascending) and where it ends. */
export interface MonthMatch {
  months: number[];
  start: number;
  end: number;
}

interface MonthNumber {
  value: number;
  length: number;
  isChinese: boolean;
}

// Longest spellings first, so 十一 is November rather than 十 followed by 一.
const CHINESE_MONTHS: [string, number][] = [
  ['十一', 11],
  ['十二', 12],
  ['十', 10],
  ['一', 1],
  ['二', 2],
  ['三', 3],
  ['四', 4],
  ['五', 5],
  ['六', 6],
  ['七', 7],
  ['八', 8],
  ['九', 9],
  ['元', 1],
];

/** Characters that, just before a number, make it part of a longer number ("2026", "十五", "3.8"). */
const NUMBER_BEFORE = /[0-9零〇一二两三四五六七八九十百千.]/;
// Sticky, so a separator is matched where a number ends without copying the rest of the text.
const RANGE_SEPARATOR = /\s*(?:—{1,2}|-|~|–|至|到)\s*/y;
const LIST_SEPARATOR = /\s*[、,/和及与]\s*/y;

function separatorAt(pattern: RegExp, s: string, j: number): number {
  pattern.lastIndex = j;
  const m = pattern.exec(s);
  return m ? m[0].length : -1;
}

function readMonthNumber(s: string, i: number): MonthNumber | null {
  const digits = /^(1[0-2]|0?[1-9])(?![0-9])/.exec(s.slice(i, i + 3));
  if (digits) return { value: Number(digits[1]), length: digits[1].length, isChinese: false };
  for (const [spelling, value] of CHINESE_MONTHS) {
    if (s.startsWith(spelling, i)) return { value, length: spelling.length, isChinese: true };
  }
  return null;
}

function unitLength(s: string, j: number): number {
  if (s.startsWith('月份', j)) return 2;
  return s[j] === '月' ? 1 : 0;
}

function expand(values: number[], joins: ('range' | 'list')[]): number[] {
  const months = new Set<number>([values[0]]);
  for (let k = 1; k < values.length; k++) {
    if (joins[k - 1] === 'list') {
      months.add(values[k]);
      continue;
    }
    // A range that passes the year end (12-2月) wraps round to January.
    for (let m = values[k - 1]; ; m = (m % 12) + 1) {
      months.add(m);
      if (m === values[k]) break;
    }
  }
  return [...months].sort((a, b) => a - b);
}

/** The month expression starting exactly at `i`, or null. */
export function parseMonthAt(s: string, i: number): MonthMatch | null {
  if (i > 0 && NUMBER_BEFORE.test(s[i - 1])) return null;
  const values: number[] = [];
  const joins: ('range' | 'list')[] = [];
  let j = i;
  let end = -1;
  let complete = 0; // how many numbers are covered by a 月 seen so far
  for (;;) {
    const n = readMonthNumber(s, j);
    if (!n) break;
    j += n.length;
    values.push(n.value);
    const unit = unitLength(s, j);
    if (unit) {
      j += unit;
      end = j;
      complete = values.length;
    }
    const range = separatorAt(RANGE_SEPARATOR, s, j);
    const list = range >= 0 ? -1 : separatorAt(LIST_SEPARATOR, s, j);
    const sepLength = Math.max(range, list, 0);
    const next = readMonthNumber(s, j + sepLength);
    if (!next) break;
    if (range >= 0 || list >= 0) {
      joins.push(range >= 0 ? 'range' : 'list');
      j += sepLength;
      continue;
    }
    // "七八月份": Chinese months written side by side, only when they follow one another.
    if (!unit && n.isChinese && next.isChinese && next.value === n.value + 1) {
      joins.push('list');
      continue;
    }
    break;
  }
  if (end < 0) return null;
  return { months: expand(values.slice(0, complete), joins.slice(0, complete - 1)), start: i, end };
}

/** Every month expression in a text, left to right. */
export function findMonthExpressions(s: string): MonthMatch[] {
  const found: MonthMatch[] = [];
  for (let i = 0; i < s.length; i++) {
    if (!/[0-9一二三四五六七八九十元]/.test(s[i])) continue;
    const m = parseMonthAt(s, i);
    if (m) {
      found.push(m);
      i = m.end - 1;
    }
  }
  return found;
}

/** The months a text mentions anywhere, ascending. */
export function monthsIn(s: string): number[] {
  return [...new Set(findMonthExpressions(s).flatMap((m) => m.months))].sort((a, b) => a - b);
}

/** The months named inside parentheses ("（3月）", "(4-6月为第一阶段;10-12月为第二阶段)"), ascending. */
export function monthsInParentheses(s: string): number[] {
  const months = new Set<number>();
  for (const group of s.matchAll(/\(([^()]*)\)/g)) for (const m of monthsIn(group[1])) months.add(m);
  return [...months].sort((a, b) => a - b);
}

/**
 * A month heading: a line that starts with a month expression followed by nothing, a colon, a table bar, a tab
 * or spaces ("三月", "三月份：", "3月份", "七、八月：", "一月份:春节慰问", "3月 | 制定计划"). `rest` is where
 * the text after the separator starts (an item written on the heading line).
 */
export function monthHeading(s: string): { months: number[]; rest: number } | null {
  const m = parseMonthAt(s, 0);
  if (!m) return null;
  const after = s.slice(m.end);
  if (after.trim() === '') return { months: m.months, rest: s.length };
  const sep = /^\s*[:|]\s*|^\s+/.exec(after);
  return sep ? { months: m.months, rest: m.end + sep[0].length } : null;
}

/** Where a trailing annotation that only names a month ("（3月）", "(二月)", "（4月左右）") starts, else -1. */
export function trailingMonthAnnotation(s: string): number {
  const m = /\(\s*([^()]*?)\s*\)$/.exec(s);
  if (!m) return -1;
  const inner = m[1];
  const month = parseMonthAt(inner, 0);
  if (!month) return -1;
  return /^(?:左右|前后|上旬|中旬|下旬|初|底|末|中)?$/.test(inner.slice(month.end).trim()) ? m.index : -1;
}
