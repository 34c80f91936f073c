import { pinyin } from 'pinyin-pro';

/**
 * Database sort keys that reproduce Intl.Collator('zh') (pinyin) and Intl.Collator('zh-u-co-stroke')
 * (stroke count, as ballots list surnames) inside SQL: each character becomes its fixed-width rank in the
 * collator's order of the whole Basic Multilingual Plane (Han, but also the digits, punctuation and Latin
 * letters that the collator puts before or after Han), so a plain byte comparison of keys orders names as
 * the collator would, character by character. Characters beyond the BMP keep their code point, after all.
 * Characters the collator tells apart only by case, width or accent (a/A/ａ, (/（) share a rank, because the
 * collator weighs those differences only after every letter of the name: 张伟（大） and 张伟(大) get the same key
 * (the caller orders such ties by something else), while 张伟(小) still sorts after 张伟（大）.
 */
const RANKED_FIRST = 0x0000;
const RANKED_LAST = 0xffff;
const WIDTH = 5;

let pinyinRanks: Map<string, number> | undefined;
let strokeRanks: Map<string, number> | undefined;

function buildRanks(locale: string): Map<string, number> {
  const chars: string[] = [];
  for (let c = RANKED_FIRST; c <= RANKED_LAST; c++) chars.push(String.fromCharCode(c));
  const collator = new Intl.Collator(locale);
  const primary = new Intl.Collator(locale, { sensitivity: 'base' });
  chars.sort(collator.compare);
  const ranks = new Map<string, number>();
  let rank = 0;
  for (let i = 0; i < chars.length; i++) {
    if (i > 0 && primary.compare(chars[i - 1], chars[i]) !== 0) rank++;
    ranks.set(chars[i], rank);
  }
  return ranks;
}

function keyFor(name: string, ranks: Map<string, number>): string {
  let key = '';
  for (const ch of name) {
    const rank = ranks.get(ch);
    // BMP characters rank below 0x10000; a character beyond the BMP sorts after them all by code point.
    const n = rank !== undefined ? rank : (ch.codePointAt(0) ?? 0);
    key += n.toString(36).padStart(WIDTH, '0');
  }
  return key;
}

/** Sort key following pinyin order (Intl.Collator('zh')). */
export function pinyinSortKey(name: string): string {
  pinyinRanks ??= buildRanks('zh');
  return keyFor(name, pinyinRanks);
}

/** Sort key following surname stroke order (Intl.Collator('zh-u-co-stroke')). */
export function strokeSortKey(name: string): string {
  strokeRanks ??= buildRanks('zh-u-co-stroke');
  return keyFor(name, strokeRanks);
}

/** Full pinyin (no tones, no spaces) and initials of a personal name, surname readings applied (单 → shan). */
export function namePinyin(name: string): { full: string; initials: string } {
  const syllables = pinyin(name, { toneType: 'none', type: 'array', surname: 'head', nonZh: 'consecutive' });
  const clean = syllables.map((s) => s.toLowerCase().replace(/[^a-z0-9ü]/g, '').replace(/ü/g, 'v'));
  return { full: clean.join(''), initials: clean.map((s) => s.charAt(0)).join('') };
}
