/**
 * List numbering in plan texts: "1." "1．" "1、" "1 、" "(1)" "（1）" "1)" "1）" "①". Chinese numerals in
 * parentheses ("（一）") are sub-headings, not list items. "3.8" and "5.1" are festivals, never a "3." or "5."
 * number. All functions take the width-normalised text.
 */

/** A list number: its value and where the item's own text starts. */
export interface ListMarker {
  value: number;
  start: number;
  textStart: number;
}

// Sticky patterns, matched at a position without copying the rest of a (possibly very long) line.
const PARENTHESISED = /\(\s*(\d{1,2})\s*\)\s*[、.]?\s*/y;
// "1." must not be followed by a digit ("3.8"); "6.．" (a doubled mark) still counts.
const DOTTED = /(\d{1,2})\s*(?:[.、]+(?![0-9])|\))\s*/y;
const CIRCLED = /([\u2460-\u2473])\s*/y;

function stickyAt(pattern: RegExp, s: string, i: number): RegExpExecArray | null {
  pattern.lastIndex = i;
  return pattern.exec(s);
}

/** The list number at `i` (default: the start), or null. */
export function listMarkerAt(s: string, i = 0): ListMarker | null {
  if (i > 0 && /[0-9]/.test(s[i - 1])) return null;
  const p = stickyAt(PARENTHESISED, s, i) ?? stickyAt(DOTTED, s, i);
  if (p) return { value: Number(p[1]), start: i, textStart: i + p[0].length };
  const c = stickyAt(CIRCLED, s, i);
  if (c) return { value: c[1].charCodeAt(0) - 0x2460 + 1, start: i, textStart: i + c[0].length };
  return null;
}

/** A numbered item's text span within its line. */
export interface ItemSpan {
  start: number;
  end: number;
}

/**
 * The items of a numbered line; several items on one line ("2. 开展…；3. 开展…") are split where the next number
 * in sequence follows a sentence end (；。！？) or spaces. Empty when the line does not start with a number.
 */
export function splitNumberedLine(s: string): ItemSpan[] {
  const first = listMarkerAt(s);
  if (!first) return [];
  const spans: ItemSpan[] = [];
  let current = first;
  for (;;) {
    const next = findNextMarker(s, current);
    spans.push({ start: current.textStart, end: next ? next.start : s.length });
    if (!next) return spans;
    current = next;
  }
}

function findNextMarker(s: string, current: ListMarker): ListMarker | null {
  const wanted = current.value + 1;
  for (let i = current.textStart + 1; i < s.length; i++) {
    const isCircled = /[\u2460-\u2473]/.test(s[i]);
    if (!isCircled && !/[0-9(]/.test(s[i])) continue;
    if (!isCircled && !followsBreak(s, i)) continue;
    const m = listMarkerAt(s, i);
    if (m && m.value === wanted && m.textStart < s.length) return m;
  }
  return null;
}

function followsBreak(s: string, i: number): boolean {
  if (/\s/.test(s[i - 1])) return true;
  return /[;。!?]/.test(s[i - 1]);
}
