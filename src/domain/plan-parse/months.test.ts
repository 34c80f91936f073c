import { describe, expect, it } from 'vitest';
import { monthHeading, monthsIn, monthsInParentheses, trailingMonthAnnotation } from './months.js';
import { normalizeWidth } from './text.js';

const heading = (s: string) => monthHeading(normalizeWidth(s));
const months = (s: string) => monthsIn(normalizeWidth(s));

describe('month headings', () => {
  it.each([
    ['三月', [3]],
    ['三月份：', [3]],
    ['三月份:', [3]],
    ['3月：', [3]],
    ['3月份', [3]],
    ['３月份：', [3]],
    ['十一月份:', [11]],
    ['十二月', [12]],
    ['元月份:', [1]],
    ['10月：', [10]],
  ])('%s is month %j', (line, expected) => {
    expect(heading(line)?.months).toEqual(expected);
  });

  it.each([
    ['七、八月份', [7, 8]],
    ['七、八月：', [7, 8]],
    ['八、九月份:', [8, 9]],
    ['七八月份:', [7, 8]],
    ['1-2月', [1, 2]],
    ['1~2月：', [1, 2]],
    ['1～2月：', [1, 2]],
    ['1—2月', [1, 2]],
    ['1－2月份', [1, 2]],
    ['7,8月', [7, 8]],
    ['7，8月：', [7, 8]],
    ['10月份~12月份', [10, 11, 12]],
    ['三至五月', [3, 4, 5]],
    ['12-2月', [1, 2, 12]],
  ])('%s covers every month it names: %j', (line, expected) => {
    expect(heading(line)?.months).toEqual(expected);
  });

  it('finds an item written on the heading line after a colon, a bar, a tab or spaces', () => {
    for (const line of ['一月份:春节慰问', '一月份：春节慰问', '1月 | 春节慰问', '1月\t春节慰问', '一月份  春节慰问']) {
      const h = heading(line)!;
      expect(h.months).toEqual([1]);
      expect(line.slice(h.rest)).toBe('春节慰问');
    }
    const h = heading('三月：植树活动')!;
    expect('三月：植树活动'.slice(h.rest)).toBe('植树活动');
  });

  it.each(['七、保障措施', '十一、加强自身建设', '三八妇女节活动', '五一劳动节', '十一国庆', '3.8妇女节', '5.1劳动节', '六月份组织体检', '3月1日召开教代会', '2026年3月1日', '三月份工作安排'])(
    '%s is not a month heading',
    (line) => {
      expect(heading(line)).toBeNull();
    },
  );
});

describe('months mentioned in a text', () => {
  it.each([
    '开展“三八”妇女节系列活动',
    '五一劳动节系列活动',
    '“三八”妇女节',
    '国庆十一文艺演出',
    '庆十一歌手大赛',
    '开展“3.8”节庆祝活动',
    '迎“5.1”教职工趣味运动会',
    '开展庆六•一国际儿童节活动',
    '组织各兴趣小组的对外交流(1—2次)',
    '选送一至二篇调研论文',
    '总结2024上半年工会工作',
    '开展“抓质量月”活动',
    '“十五五”开局之年',
    '每月一次活动',
    '3个月内完成',
  ])('%s names no month', (text) => {
    expect(months(text)).toEqual([]);
  });

  it.each([
    ['六月份组织教职工体检', [6]],
    ['组织秋游，10月左右', [10]],
    ['每年10月份~12月份组织女教职工体检', [10, 11, 12]],
    ['2026年3月1日前完成', [3]],
    ['3月和5月各一次', [3, 5]],
  ])('%s names %j', (text, expected) => {
    expect(months(text)).toEqual(expected);
  });

  it('reads months inside parentheses only for annotations', () => {
    expect(monthsInParentheses(normalizeWidth('三八节组织女教职工的联谊活动（3月）。'))).toEqual([3]);
    expect(monthsInParentheses(normalizeWidth('羽毛球比赛（四月）'))).toEqual([4]);
    expect(monthsInParentheses('组织教职工运动会(4-6月为第一阶段;10-12月为第二阶段)')).toEqual([4, 5, 6, 10, 11, 12]);
    expect(monthsInParentheses('组织对外交流(1—2次)')).toEqual([]);
    expect(monthsInParentheses('六月份组织体检')).toEqual([]);
  });

  it('finds a trailing annotation that only names a month', () => {
    expect(trailingMonthAnnotation(normalizeWidth('羽毛球比赛（四月）'))).toBe(5);
    expect(trailingMonthAnnotation('组织秋游(10月左右)')).toBe(4);
    expect(trailingMonthAnnotation('召开教代会(3月中旬)')).toBe(5);
    expect(trailingMonthAnnotation('组织教职工运动会(4-6月为第一阶段)')).toBe(-1);
    expect(trailingMonthAnnotation('区教职工健身运动会(学区组队)')).toBe(-1);
  });
});
