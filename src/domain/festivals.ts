import { Lunar } from 'lunar-typescript';
import { assertNever } from './policy.js';
import { FESTIVAL_FULL_NAMES, FESTIVAL_NAMES, FESTIVAL_SUGGESTIONS, type FestivalName } from './festival-names.js';

export { FESTIVAL_NAMES, type FestivalName } from './festival-names.js';

/** The festivals a union plans around (DOMAIN.md §4 "Plan & calendar"), in the order of the year. */
export interface Festival {
  name: FestivalName;
  /** YYYY-MM-DD */
  date: string;
  fullName: string;
  /** Whether the date comes from the Chinese lunisolar calendar (lunar months or a solar term), so moves every year. */
  lunar: boolean;
}

export const FESTIVAL_YEAR_MIN = 1950;
export const FESTIVAL_YEAR_MAX = 2100;

type Rule = { kind: 'solar'; month: number; day: number } | { kind: 'lunar'; month: number; day: number } | { kind: 'term'; term: string };

const RULES: Record<FestivalName, Rule> = {
  元旦: { kind: 'solar', month: 1, day: 1 },
  春节: { kind: 'lunar', month: 1, day: 1 },
  元宵: { kind: 'lunar', month: 1, day: 15 },
  三八: { kind: 'solar', month: 3, day: 8 },
  清明: { kind: 'term', term: '清明' },
  五一: { kind: 'solar', month: 5, day: 1 },
  端午: { kind: 'lunar', month: 5, day: 5 },
  六一: { kind: 'solar', month: 6, day: 1 },
  教师节: { kind: 'solar', month: 9, day: 10 },
  中秋: { kind: 'lunar', month: 8, day: 15 },
  国庆: { kind: 'solar', month: 10, day: 1 },
  重阳: { kind: 'lunar', month: 9, day: 9 },
};

function iso(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function dateOf(year: number, rule: Rule): string {
  switch (rule.kind) {
    case 'solar':
      return iso(year, rule.month, rule.day);
    case 'lunar':
      // A positive lunar month is the ordinary month, never its leap repeat (闰月), as the festivals are reckoned.
      // Lunar year N's first and ninth months both fall in Gregorian year N: 春节 is between January 21st and
      // February 20th, 重阳 between October 1st and November 1st, in 1950–2100.
      return Lunar.fromYmd(year, rule.month, rule.day).getSolar().toYmd();
    case 'term': {
      // The solar-term table of lunar year N runs from the previous 冬至 to this year's 大雪, so its 清明 is in April of N.
      const solar = Lunar.fromYmd(year, 1, 1).getJieQiTable()[rule.term];
      return solar.toYmd();
    }
    default:
      return assertNever(rule);
  }
}

/**
 * The twelve festivals of a Gregorian year in date order (two on one day keep the order of FESTIVAL_NAMES, e.g.
 * 2020's 中秋 and 国庆 on October 1st). Lunar dates and 清明 come from lunar-typescript. Throws RangeError for a
 * year outside 1950–2100.
 */
export function festivalsOf(year: number): Festival[] {
  if (!Number.isInteger(year) || year < FESTIVAL_YEAR_MIN || year > FESTIVAL_YEAR_MAX) {
    throw new RangeError(`年份应在 ${FESTIVAL_YEAR_MIN}–${FESTIVAL_YEAR_MAX} 之间`);
  }
  const festivals = FESTIVAL_NAMES.map((name) => {
    const rule = RULES[name];
    return { name, date: dateOf(year, rule), fullName: FESTIVAL_FULL_NAMES[name], lunar: rule.kind !== 'solar' };
  });
  // Array.prototype.sort is stable, so equal dates keep FESTIVAL_NAMES order.
  return festivals.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

/** A suggested schedule item for each festival of the year, on the festival's date, in date order. */
export function festivalSuggestions(year: number): { title: string; category: string; date: string; festival: FestivalName }[] {
  return festivalsOf(year).map((f) => ({ ...FESTIVAL_SUGGESTIONS[f.name], date: f.date, festival: f.name }));
}
