/**
 * The period a plan names in its title lines ("（2025-2026年第二学期）", "2021-2022学年度第二学期", "2026年工会年度
 * 工作计划"), so that an import places "三月" in the year the document means instead of the one the user's
 * calendar suggests. Only the first short lines are read; a year inside the prose or the date line is not a
 * period. Term dates follow the app's convention: 9/1–1/31 (第一学期) and 2/1–7/31 (第二学期).
 */
import { cleanLine, normalizeWidth } from './text.js';

export interface StatedPeriod {
  kind: 'school_year' | 'term' | 'year';
  start: string;
  end: string;
  /** The words of the document that name the period, as written. */
  phrase: string;
}

/** Title lines looked at: the first few non-empty lines, each short and not a sentence. */
const MAX_TITLE_LINES = 4;
const MAX_TITLE_LENGTH = 40;

const DASH = '[-—–~至到]';
/** "2025-2026学年度第二学期", "2025—2026年第一学期", "2025~2026学年": two consecutive years, then what they are. */
const YEAR_PAIR = new RegExp(`((?:19|20|21)\\d\\d)\\s*年?\\s*${DASH}+\\s*((?:19|20|21)\\d\\d)\\s*(学年度?|年度?)?\\s*(?:(第\\s*[一二12]\\s*学期|[上下]\\s*学期|[春秋]季\\s*学期))?`);
/** "2026年春季学期", "2026年度", "2026年工会工作计划" — but not "2026年3月" or "2026年上半年". */
const ONE_YEAR = /((?:19|20|21)\d\d)\s*(年度|年)(?!\s*(?:\d|[一二三四五六七八九十]+\s*月|[上下]半年))\s*(?:([春秋]季\s*学期))?/;

const isFirstTerm = (words: string) => /第\s*[一1]|上|秋/.test(words);

function term(startYear: number, isFirst: boolean): Pick<StatedPeriod, 'start' | 'end'> {
  return isFirst ? { start: `${startYear}-09-01`, end: `${startYear + 1}-01-31` } : { start: `${startYear + 1}-02-01`, end: `${startYear + 1}-07-31` };
}

/** The period one title line names, or null. */
export function periodInLine(line: string): StatedPeriod | null {
  const t = normalizeWidth(line);
  const pair = YEAR_PAIR.exec(t);
  if (pair) {
    const [from, to] = [Number(pair[1]), Number(pair[2])];
    if (to !== from + 1) return null;
    const phrase = line.slice(pair.index, pair.index + pair[0].length).trim();
    if (pair[4]) return { kind: 'term', ...term(from, isFirstTerm(pair[4])), phrase };
    // "2025-2026年" with nothing after it is, in a school's plan, the school year as well.
    return { kind: 'school_year', start: `${from}-09-01`, end: `${to}-08-31`, phrase };
  }
  const one = ONE_YEAR.exec(t);
  if (!one) return null;
  const year = Number(one[1]);
  const phrase = line.slice(one.index, one.index + one[0].length).trim();
  // "2026年春季学期" is the second term of 2025–2026; "2026年秋季学期" the first of 2026–2027.
  if (one[3]) return { kind: 'term', ...(one[3].startsWith('秋') ? term(year, true) : term(year - 1, false)), phrase };
  return { kind: 'year', start: `${year}-01-01`, end: `${year}-12-31`, phrase };
}

/** The period named in the plan's title lines; null when they name none (the text never gets one invented). */
export function statedPeriod(text: string): StatedPeriod | null {
  let seen = 0;
  for (const raw of text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/, 200)) {
    const line = cleanLine(raw);
    if (!line) continue;
    // The first long line or sentence is the start of the prose: a year there is not the plan's period.
    if (line.length > MAX_TITLE_LENGTH || /[。;；]/.test(line)) return null;
    const found = periodInLine(line);
    if (found) return found;
    if (++seen >= MAX_TITLE_LINES) return null;
  }
  return null;
}
