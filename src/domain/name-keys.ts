import { pinyin } from 'pinyin-pro';

/**
 * Database sort keys that reproduce Intl.Collator('zh') (pinyin) and Intl.Collator('zh-u-co-stroke')
 * (stroke count, as ballots list surnames) inside SQL: each character becomes its fixed-width rank in the
 * collator's order of the CJK Unified Ideographs block, so a plain byte comparison of keys orders names as
 * the collator would, character by character. Other characters keep their code point after all Han ones.
 */
const HAN_FIRST = 0x4e00;
const HAN_LAST = 0x9fff;
const WIDTH = 5;

let pinyinRanks: Map<string, number> | undefined;
let strokeRanks: Map<string, number> | undefined;

function buildRanks(locale: string): Map<string, number> {
  const chars: string[] = [];
  for (let c = HAN_FIRST; c <= HAN_LAST; c++) chars.push(String.fromCharCode(c));
  const collator = new Intl.Collator(locale);
  chars.sort(collator.compare);
  const ranks = new Map<string, number>();
  let rank = 0;
  for (let i = 0; i < chars.length; i++) {
    if (i > 0 && collator.compare(chars[i - 1], chars[i]) !== 0) rank++;
    ranks.set(chars[i], rank);
  }
  return ranks;
}

function keyFor(name: string, ranks: Map<string, number>): string {
  let key = '';
  for (const ch of name) {
    const rank = ranks.get(ch);
    // Han characters rank 0..~21 000; anything else sorts after them by code point.
    const n = rank !== undefined ? rank : 30_000 + (ch.codePointAt(0) ?? 0);
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
