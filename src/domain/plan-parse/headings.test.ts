import { describe, expect, it } from 'vitest';
import { appendixHeading, bareHeading, dateLine, isPlanTitle, numberedHeading, partHeading, subHeading, tableHeader } from './headings.js';

describe('section headings', () => {
  it.each([
    ['一、指导思想', '指导思想'],
    ['二、工作目标：', '工作目标'],
    ['二：工作目标：', '工作目标'],
    ['一．指导思想', '指导思想'],
    ['一. 指导思想', '指导思想'],
    ['一、 指导思想', '指导思想'],
    ['六、保障措施', '保障措施'],
    ['十一、其他工作', '其他工作'],
    ['一、保持高度警惕，做好疫情防控工作', '保持高度警惕，做好疫情防控工作'],
    ['四、以提高职工素质为目标,增强工会组织的凝聚力和向心力。', '以提高职工素质为目标,增强工会组织的凝聚力和向心力'],
  ])('%s → %s', (line, heading) => {
    expect(numberedHeading(line)).toEqual({ heading, body: '' });
  });

  it('splits a heading written on one line with its text at the colon', () => {
    const line = '一、指导思想：以习近平新时代中国特色社会主义思想为指导，全面落实上级工会和学校工作要求，坚持以教职工为中心的工作导向，切实维护教职工合法权益。';
    expect(numberedHeading(line)).toEqual({
      heading: '指导思想',
      body: '以习近平新时代中国特色社会主义思想为指导，全面落实上级工会和学校工作要求，坚持以教职工为中心的工作导向，切实维护教职工合法权益。',
    });
  });

  it('is not a sentence that happens to start with a numeral', () => {
    expect(numberedHeading('一、是做好权益保障工作。二是开展为女职工服务和各项活动。三是充分发挥女性人才作用，推动工作。')).toBeNull();
    expect(numberedHeading('一是规范召开职工代表大会')).toBeNull();
    expect(numberedHeading('一突出:突出创建“四型”工会这条主线')).toBeNull();
  });

  it('reads 第…部分 and 附： headings', () => {
    expect(partHeading('第一部分 工作回顾')).toEqual({ heading: '工作回顾', body: '' });
    expect(partHeading('第二部分20__年工作思路')).toEqual({ heading: '20__年工作思路', body: '' });
    expect(partHeading('第三部分')).toEqual({ heading: '第三部分', body: '' });
    expect(appendixHeading('附：工作安排')).toEqual({ heading: '工作安排', body: '' });
    expect(appendixHeading('附件1: 活动安排表')).toEqual({ heading: '活动安排表', body: '' });
  });

  it.each(['指导思想', '指导思想 ', '工作重点', '行事历', '工作目标与措施:', '主要工作安排', '保障措施', '工作思路和措施'])('%s alone on its line is a heading', (line) => {
    expect(bareHeading(line)).toBe(line.trim().replace(/[:：]$/, ''));
  });

  it.each(['主要工作', '工作总结', '寒假', '相关推荐', '指导思想：以党的十九大精神为指导'])('%s is not a bare heading', (line) => {
    expect(bareHeading(line)).toBeNull();
  });

  it('reads sub-headings (一) as text, not as list items', () => {
    expect(subHeading('（一）强化思想政治引领，凝聚发展共识')).toBe('强化思想政治引领，凝聚发展共识');
    expect(subHeading('(一)、打造德育工作特色，放大德育工作品牌。')).toBe('打造德育工作特色，放大德育工作品牌');
    expect(subHeading('( 五 ) 、工会委员要加强学习、提高理论水平')).toBe('工会委员要加强学习、提高理论水平');
    expect(subHeading('（五）活动安排：')).toBe('活动安排');
    expect(subHeading('（1）定期进行师德讲座')).toBeNull();
  });
});

describe('plan titles inside a compilation', () => {
  it.each(['2025年下半年学校工会工作计划', '中学工会工作计划篇二', '2026年工会年度工作计划 篇12', '2026年工会年度工作计划(精选13篇)'])('%s starts a plan', (line) => {
    expect(isPlanTitle(line)).toBe(true);
  });
  it.each(['制定工会工作计划', '2、制定本学期工会工作计划', '落实工作计划，明确职责分工', '相关推荐'])('%s does not', (line) => {
    expect(isPlanTitle(line)).toBe(false);
  });
});

describe('the date line', () => {
  it.each([
    ['2026年3月1日', '2026-03-01'],
    ['2022年2月8日 ', '2022-02-08'],
    ['2026 年 3 月 1 日', '2026-03-01'],
    ['二〇二六年三月一日', '2026-03-01'],
    ['二〇二五年十二月三十一日', '2025-12-31'],
    ['2026-03-01', '2026-03-01'],
    ['2026.3.1', '2026-03-01'],
  ])('%s is dated %s', (line, date) => {
    expect(dateLine(line)).toEqual({ date });
  });

  it('knows a date line whose day is missing or blank, without inventing one', () => {
    expect(dateLine('20__年2月')).toEqual({ date: null });
    expect(dateLine('2026年3月')).toEqual({ date: null });
    expect(dateLine('2026年2月30日')).toEqual({ date: null });
  });

  it.each(['（2025-2026年第二学期）', '2026年是“十五五”开局之年', '2026年工会工作计划', '三月'])('%s is not a date line', (line) => {
    expect(dateLine(line)).toBeNull();
  });
});

describe('flattened schedule tables', () => {
  it('reads the header with its columns', () => {
    expect(tableHeader('月份 | 主要工作')).toEqual({ separator: '|', monthColumn: 0, workColumn: 1 });
    expect(tableHeader('月份｜主要工作｜负责人')).toEqual({ separator: '|', monthColumn: 0, workColumn: 1 });
    expect(tableHeader('月份\t主要工作')).toEqual({ separator: '\t', monthColumn: 0, workColumn: 1 });
    expect(tableHeader('序号 | 时间 | 工作内容')).toEqual({ separator: '|', monthColumn: 1, workColumn: 2 });
    expect(tableHeader('月 份')).toEqual({ separator: null, monthColumn: 0, workColumn: 1 });
    expect(tableHeader('主要工作')).toBeNull();
    expect(tableHeader('三月')).toBeNull();
  });
});
