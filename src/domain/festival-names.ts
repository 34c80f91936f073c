/**
 * The festivals the union plans around, by name: how each reads in full and the schedule item a union usually
 * holds on it. No date arithmetic here (that is festivals.ts, with the lunar library), so the web client can
 * import it without the library.
 */
export const FESTIVAL_NAMES = ['元旦', '春节', '元宵', '三八', '清明', '五一', '端午', '六一', '教师节', '中秋', '国庆', '重阳'] as const;
export type FestivalName = (typeof FESTIVAL_NAMES)[number];

/** A festival on its Gregorian date in one year. */

/** How a festival reads on the calendar ("三八" → "三八妇女节"). */
export const FESTIVAL_FULL_NAMES: Record<FestivalName, string> = {
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

export const FESTIVAL_SUGGESTIONS: Record<FestivalName, { title: string; category: string }> = {
  元旦: { title: '元旦迎新教职工活动', category: '文体活动' },
  春节: { title: '春节走访慰问困难职工和退休教职工', category: '送温暖' },
  元宵: { title: '元宵节猜灯谜游园活动', category: '文体活动' },
  三八: { title: '“三八”妇女节女教职工活动', category: '女工工作' },
  清明: { title: '清明节缅怀先烈主题教育', category: '思想引领' },
  五一: { title: '“五一”劳动节表彰先进、慰问一线职工', category: '思想引领' },
  端午: { title: '端午节包粽子活动、节日慰问', category: '送温暖' },
  六一: { title: '六一教职工子女亲子活动', category: '文体活动' },
  教师节: { title: '教师节庆祝表彰大会、慰问教职工', category: '维权服务' },
  中秋: { title: '中秋节慰问教职工', category: '送温暖' },
  国庆: { title: '国庆节爱国主义主题活动', category: '思想引领' },
  重阳: { title: '重阳节走访慰问退休教职工', category: '送温暖' },
};
