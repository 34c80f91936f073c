import { SURNAME_STROKES } from './surname-strokes.js';

/**
 * 姓氏笔画 order (DOMAIN.md §4 "Elections": candidates are listed by surname stroke order): fewer strokes first;
 * equal counts by the strokes in writing order, 横 竖 撇 点 折; then the given name the same way. Common surnames
 * come from a stroke table (ICU's stroke collation gets 张/李, 黄/韩 and every 阝/艹/辶 character wrong); any other
 * character falls back to `Intl.Collator('zh-u-co-stroke')`: its stroke count, after the table's characters of that
 * count, in ICU's order among themselves.
 */

/** Two-character surnames that count as the surname as a whole. */
export const COMPOUND_SURNAMES: readonly string[] = [
  '欧阳', '司马', '诸葛', '上官', '东方', '皇甫', '尉迟', '公孙', '慕容', '长孙',
  '宇文', '司徒', '夏侯', '轩辕', '令狐', '钟离', '闻人', '澹台', '南宫', '申屠',
];
const COMPOUNDS = new Set(COMPOUND_SURNAMES);

const collator = new Intl.Collator('zh-u-co-stroke');

/**
 * ICU's stroke count of a character, read from the stroke-count boundaries CLDR places in the collation
 * (U+FDD0 followed by the Braille pattern for n, sorting just before the n-stroke characters); 0 for what sorts
 * before every Han character (Latin letters, digits).
 */
function icuStrokeCount(char: string): number {
  let low = 0;
  let high = 80;
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (collator.compare(`\uFDD0${String.fromCharCode(0x2800 + mid)}`, char) <= 0) low = mid;
    else high = mid - 1;
  }
  return low;
}

interface CharKey {
  char: string;
  strokes: number;
  /** The stroke sequence when the character is in the table. */
  sequence: string | null;
}

const keyCache = new Map<string, CharKey>();

function charKey(char: string): CharKey {
  let key = keyCache.get(char);
  if (key === undefined) {
    const sequence = SURNAME_STROKES.get(char) ?? null;
    key = { char, strokes: sequence === null ? icuStrokeCount(char) : sequence.length, sequence };
    keyCache.set(char, key);
  }
  return key;
}

function compareChars(a: string, b: string): number {
  if (a === b) return 0;
  const ka = charKey(a);
  const kb = charKey(b);
  if (ka.strokes !== kb.strokes) return ka.strokes - kb.strokes;
  if (ka.sequence !== null && kb.sequence !== null && ka.sequence !== kb.sequence) return ka.sequence < kb.sequence ? -1 : 1;
  if ((ka.sequence === null) !== (kb.sequence === null)) return ka.sequence === null ? 1 : -1;
  return collator.compare(a, b);
}

function compareTexts(a: string, b: string): number {
  const ca = Array.from(a);
  const cb = Array.from(b);
  for (let i = 0; i < Math.min(ca.length, cb.length); i++) {
    const c = compareChars(ca[i], cb[i]);
    if (c !== 0) return c;
  }
  return ca.length - cb.length;
}

/** The surname of a Chinese name: a compound surname from the list, else the first character ("欧阳明" → "欧阳"). */
export function surnameOf(name: string): string {
  const chars = Array.from(name.trim());
  const two = chars.slice(0, 2).join('');
  return COMPOUNDS.has(two) ? two : (chars[0] ?? '');
}

/** Compares two names in 姓氏笔画 order: the surname first (so one family stays together), then the whole name. */
export function compareByStroke(a: string, b: string): number {
  return compareTexts(surnameOf(a), surnameOf(b)) || compareTexts(a.trim(), b.trim());
}

/** A copy of `items` in 姓氏笔画 order of their names; items with the same name keep their order. */
export function byStroke<T>(items: readonly T[], nameOf: (t: T) => string): T[] {
  return items
    .map((item, index) => ({ item, index, name: nameOf(item) }))
    .sort((a, b) => compareByStroke(a.name, b.name) || a.index - b.index)
    .map((x) => x.item);
}
