import { Lunar } from 'lunar-typescript';
import { assertNever } from './policy.js';

/** The festivals a union plans around (DOMAIN.md §4 "Plan & calendar"), in the order of the year. */
export const FESTIVAL_NAMES = ['元旦', '春节', '元宵', '三八', '清明', '五一', '端午', '六一', '教师节', '中秋', '国庆', '重阳'] as const;
export type FestivalName = (typeof FESTIVAL_NAMES)[number];

/** A festival on its Gregorian date in one year. */
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

const FULL_NAMES: Record<FestivalName, string> = {
  元旦: '元旦',
  春节: '春节',
  元宵: '元宵节',
  三八: '三八妇女节',
  清明: '清明节',
  五一: '五一劳动节',
  端午: '端午节',
  六一: '六一儿童节',
  教师节: '教师节',
  中秋: '中秋节',
  国庆: '国庆节',
  重阳: '重阳节',
};

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
    return { name, date: dateOf(year, rule), fullName: FULL_NAMES[name], lunar: rule.kind !== 'solar' };
  });
  // Array.prototype.sort is stable, so equal dates keep FESTIVAL_NAMES order.
  return festivals.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

const SUGGESTED_TITLES: Record<FestivalName, string> = {
  元旦: '元旦迎新活动',
  春节: '春节慰问',
  元宵: '元宵节游园活动',
  三八: '“三八”妇女节系列活动',
  清明: '清明节缅怀先烈活动',
  五一: '“五一”劳动节系列活动',
  端午: '端午节慰问',
  六一: '六一亲子活动',
  教师节: '教师节表彰与慰问',
  中秋: '中秋节慰问',
  国庆: '国庆节活动',
  重阳: '重阳节慰问退休教职工',
};

/** A suggested schedule item for each festival of the year, on the festival's date, in date order. */
export function festivalSuggestions(year: number): { title: string; date: string; festival: FestivalName }[] {
  return festivalsOf(year).map((f) => ({ title: SUGGESTED_TITLES[f.name], date: f.date, festival: f.name }));
}
