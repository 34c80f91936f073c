/**
 * Character-level helpers for plan texts. Matching runs on a width-normalised copy of a line whose characters
 * map one to one onto the original, so an index found in the copy slices the original text unchanged.
 */

/** Full-width ASCII variants (！…～), the ideographic space and the wave dash mapped to ASCII, length kept. */
export function normalizeWidth(s: string): string {
  let out = '';
  for (const ch of s) {
    const c = ch.charCodeAt(0);
    if (c >= 0xff01 && c <= 0xff5e) out += String.fromCharCode(c - 0xfee0);
    else if (c === 0x3000) out += ' ';
    else if (c === 0x301c) out += '~';
    else out += ch;
  }
  return out;
}

/**
 * One line as the parser reads it: without the "[bookmark: …]" markers a .docx conversion leaves, without the
 * quote markers (">") and indentation some web copies carry, and without trailing spaces.
 */
export function cleanLine(raw: string): string {
  return raw
    .replace(/\[bookmark:[^\]]*\]/g, '')
    .replace(/^[\s\u3000>\uFEFF]+/, '')
    .replace(/[\s\u3000]+$/, '');
}

/** Punctuation an item or heading may end with that is not part of its text (checked on the normalised copy). */
const TRAILING = /[;。.,，、:!?\s]+$/;

/** The text without trailing punctuation and spaces (；;。.,，、： and the like). */
export function stripTrailingPunctuation(s: string): string {
  const m = TRAILING.exec(normalizeWidth(s));
  return (m ? s.slice(0, m.index) : s).trim();
}

/** Whether a line ends a sentence (。；！？), so the next line cannot be its continuation. */
export function endsSentence(s: string): boolean {
  return /[。;!?]\s*$/.test(normalizeWidth(s));
}

const CN_DIGITS: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** A Chinese numeral up to 999 ("四" 4, "十二" 12, "八十五" 85, "一百" 100); null when it is not one. */
export function chineseNumber(s: string): number | null {
  if (!s || !/^[零〇一二两三四五六七八九十百]+$/.test(s)) return null;
  let total = 0;
  let digit = -1;
  for (const ch of s) {
    if ((ch === '零' || ch === '〇') && total > 0) continue; // 一百零五
    if (ch === '百' || ch === '十') {
      const unit = ch === '百' ? 100 : 10;
      total += (digit < 0 ? 1 : digit) * unit;
      digit = -1;
    } else {
      if (digit >= 0) return null; // two digits in a row ("三八") are not a number
      digit = CN_DIGITS[ch];
    }
  }
  return total + (digit < 0 ? 0 : digit);
}
