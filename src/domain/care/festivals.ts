import { GIFT_FESTIVALS, type GiftFestival, NON_GIFT_DAYS } from '../../contracts/care.js';
import { FESTIVAL_FULL_NAMES } from '../festival-names.js';

/**
 * Which festivals union funds may pay festival gifts for (DOMAIN.md §4 "Care" [firm]): 元旦, 春节, 清明, 劳动节,
 * 端午, 中秋, 国庆 and the ethnic-minority festivals the union has approved. 三八, 六一, 重阳 and 教师节 are not
 * gift days; they are refused with the reason, and may be held as activities instead.
 */

type NonGiftDay = (typeof NON_GIFT_DAYS)[number];

/** How people write each festival: full names, the numbers (五一, 3.8, 10.1), older and colloquial names. */
const GIFT_ALIASES: Record<GiftFestival, readonly string[]> = {
  元旦: ['元旦', '元旦节', '新年', '公历新年'],
  春节: ['春节', '新春', '新春佳节', '农历新年', '过年', '除夕', '大年'],
  清明: ['清明', '清明节'],
  劳动节: ['劳动节', '五一', '五一节', '五一劳动节', '国际劳动节', '五一国际劳动节', '5.1', '5·1', '5月1日'],
  端午: ['端午', '端午节', '端阳', '端阳节'],
  中秋: ['中秋', '中秋节', '八月十五', '团圆节'],
  国庆: ['国庆', '国庆节', '十一', '十一国庆', '国庆十一', '10.1', '10·1', '10月1日'],
};
const NON_GIFT_ALIASES: Record<NonGiftDay, readonly string[]> = {
  三八: ['三八', '三八节', '妇女节', '三八妇女节', '国际妇女节', '三八国际妇女节', '国际劳动妇女节', '女神节', '3.8', '3·8', '3月8日'],
  六一: ['六一', '六一节', '儿童节', '六一儿童节', '国际儿童节', '6.1', '6·1', '6月1日'],
  重阳: ['重阳', '重阳节', '九九重阳', '九九重阳节', '老人节', '敬老节', '九月初九'],
  教师节: ['教师节', '9.10', '9·10', '9月10日'],
};

/**
 * A name reduced to what matters for matching: full-width forms folded, spaces, quotes and brackets dropped, a
 * trailing 节 dropped (中秋节 = 中秋, 泼水节 = 泼水) unless it would leave one character (春节 stays 春节).
 */
function festivalKey(name: string): string {
  const s = name
    .normalize('NFKC')
    .replace(/[\s"'“”‘’「」『』《》〈〉()（）【】]/g, '')
    .replace(/[．。]/g, '.')
    .replace(/[•・]/g, '·');
  return s.length > 2 && s.endsWith('节') ? s.slice(0, -1) : s;
}

const GIFT_BY_KEY = new Map<string, GiftFestival>(GIFT_FESTIVALS.flatMap((f) => GIFT_ALIASES[f].map((alias) => [festivalKey(alias), f] as const)));
const NON_GIFT_BY_KEY = new Map<string, NonGiftDay>(NON_GIFT_DAYS.flatMap((d) => NON_GIFT_ALIASES[d].map((alias) => [festivalKey(alias), d] as const)));

/**
 * Whether a festival care campaign may be held on the named festival. Accepted: the seven gift festivals under any
 * usual name (returned as GIFT_FESTIVALS spells them: 五一 → 劳动节) and the union's ethnic festivals (returned as
 * the union wrote them). Refused with the reason: 三八, 六一, 重阳, 教师节 (even when also configured as ethnic
 * festivals: the rule is firm) and any other name.
 */
export function giftFestival(name: string, ethnicFestivals: readonly string[]): { ok: true; festival: string } | { ok: false; reason: string } {
  const key = festivalKey(name);
  if (key === '') return { ok: false, reason: '请填写节日' };
  const gift = GIFT_BY_KEY.get(key);
  if (gift) return { ok: true, festival: gift };
  const nonGift = NON_GIFT_BY_KEY.get(key);
  if (nonGift) return { ok: false, reason: `${FESTIVAL_FULL_NAMES[nonGift]}不属于可发放节日慰问品的节日，可作为活动开展` };
  const ethnic = ethnicFestivals.find((f) => festivalKey(f) === key);
  if (ethnic) return { ok: true, festival: ethnic.trim() };
  const approved = ethnicFestivals.length > 0 ? `（${ethnicFestivals.map((f) => f.trim()).join('、')}）` : '';
  return {
    ok: false,
    reason: `“${name.trim()}”不属于可发放节日慰问品的节日；可发放的节日为${GIFT_FESTIVALS.join('、')}及本会批准的少数民族节日${approved}`,
  };
}
