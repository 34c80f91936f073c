import { describe, expect, it } from 'vitest';
import { listMarkerAt, splitNumberedLine } from './numbering.js';
import { normalizeWidth } from './text.js';

const marker = (s: string) => listMarkerAt(normalizeWidth(s));
const items = (s: string) => splitNumberedLine(normalizeWidth(s)).map((span) => s.slice(span.start, span.end));

describe('list numbers', () => {
  it.each([
    ['1. 制定计划', 1],
    ['1．制定计划', 1],
    ['1、制定计划', 1],
    ['1 、制定计划', 1],
    ['(1)制定计划', 1],
    ['（1）制定计划', 1],
    ['( 2 )制定计划', 2],
    ['①制定计划', 1],
    ['③ 制定计划', 3],
    ['1）制定计划', 1],
    ['1)制定计划', 1],
    ['6.．让全体教职工', 6],
    ['12、学校工会工作总结', 12],
    ['１０．组织迎新活动', 10],
  ])('%s is item number %i', (line, value) => {
    const m = marker(line)!;
    expect(m.value).toBe(value);
    expect(line.slice(m.textStart)).toMatch(/^[^\s(（)）、.．]/);
  });

  it.each(['3.8妇女节活动', '5.1劳动节', '（一）强化思想政治引领', '一、指导思想', '2026年工作计划', '三月', '— 相关推荐'])(
    '%s does not start with an item number',
    (line) => {
      expect(marker(line)).toBeNull();
    },
  );
});

describe('several items on one line', () => {
  it('splits at the next number in sequence after a sentence end or spaces', () => {
    expect(items('2. 开展“三八”妇女节系列活动（健康讲座、趣味活动等）；3. 开展教职工需求调研，建立诉求台账；')).toEqual([
      '开展“三八”妇女节系列活动（健康讲座、趣味活动等）；',
      '开展教职工需求调研，建立诉求台账；',
    ]);
    expect(items('2. 开展活动;3. 开展调研')).toEqual(['开展活动;', '开展调研']);
    expect(items('1.制定计划 2.召开会议 3.总结')).toEqual(['制定计划 ', '召开会议 ', '总结']);
    expect(items('（1）植树；（2）讲座')).toEqual(['植树；', '讲座']);
    expect(items('①制定计划②召开会议')).toEqual(['制定计划', '召开会议']);
  });

  it('does not split at festivals, at numbers out of sequence or inside a sentence', () => {
    expect(items('2.开展“3.8”节庆祝活动：关心女教工；参加全区长跑比赛。')).toEqual(['开展“3.8”节庆祝活动：关心女教工；参加全区长跑比赛。']);
    expect(items('3.开展教职工健身活动：迎“5.1”教职工趣味运动会。')).toEqual(['开展教职工健身活动：迎“5.1”教职工趣味运动会。']);
    expect(items('1. 制定计划；3. 召开会议')).toEqual(['制定计划；3. 召开会议']);
    expect(items('1、召开会议，落实九届二次会议2、3项提案')).toEqual(['召开会议，落实九届二次会议2、3项提案']);
  });

  it('gives nothing for a line without a number', () => {
    expect(items('庆祝“三八”节 开展扶贫一日捐')).toEqual([]);
  });
});
