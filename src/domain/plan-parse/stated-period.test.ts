import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { periodInLine, statedPeriod } from './stated-period.js';

describe('the period a title line names', () => {
  it.each([
    ['（2025-2026年第二学期）', 'term', '2026-02-01', '2026-07-31'],
    ['江苏省仪征中学2021-2022学年度第二学期', 'term', '2022-02-01', '2022-07-31'],
    ['2025—2026学年第一学期工会工作计划', 'term', '2025-09-01', '2026-01-31'],
    ['２０２５～２０２６学年第１学期', 'term', '2025-09-01', '2026-01-31'],
    ['2025-2026学年下学期工会工作计划', 'term', '2026-02-01', '2026-07-31'],
    ['2025至2026学年上学期', 'term', '2025-09-01', '2026-01-31'],
    ['2026年春季学期工会工作要点', 'term', '2026-02-01', '2026-07-31'],
    ['2026年秋季学期工会工作要点', 'term', '2026-09-01', '2027-01-31'],
    ['2025-2026学年度工会工作计划', 'school_year', '2025-09-01', '2026-08-31'],
    ['2025-2026年工会工作计划', 'school_year', '2025-09-01', '2026-08-31'],
    ['2026年工会年度工作计划(精选13篇)', 'year', '2026-01-01', '2026-12-31'],
    ['XX小学2027年度工会工作计划', 'year', '2027-01-01', '2027-12-31'],
  ])('%s → %s %s–%s', (line, kind, start, end) => {
    expect(periodInLine(line)).toMatchObject({ kind, start, end });
  });

  it('keeps the words as written', () => {
    expect(periodInLine('（2025-2026年第二学期）')?.phrase).toBe('2025-2026年第二学期');
    expect(periodInLine('江苏省仪征中学2021-2022学年度第二学期')?.phrase).toBe('2021-2022学年度第二学期');
  });

  it.each([
    ['2026年3月1日'],
    ['2026年三月'],
    ['2026年上半年工会工作计划'],
    ['2025-2027学年'],
    ['20__年工会工作计划'],
    ['中学工会工作计划篇一'],
    ['工会工作计划'],
  ])('%s names no period', (line) => {
    expect(periodInLine(line)).toBeNull();
  });
});

describe('the period a plan text names', () => {
  it('is read from the first short lines, past a Word bookmark', () => {
    expect(statedPeriod('张店四中工会工作计划\n[bookmark: _GoBack]（2025-2026年第二学期）\n正文。')).toMatchObject({ kind: 'term', start: '2026-02-01' });
    expect(statedPeriod('\n\n  2026年度工会工作计划\n一、指导思想')).toMatchObject({ kind: 'year', start: '2026-01-01' });
  });

  it('is not a year in the prose, in a heading or in the date line', () => {
    expect(statedPeriod('学校工会工作计划\n2026年是“十五五”开局之年，也是学校高质量发展的关键半年。')).toBeNull();
    expect(statedPeriod('工会工作计划\n一、指导思想\n二、工作目标\n三、工作安排\n四、2026年重点工作')).toBeNull();
    expect(statedPeriod('工会工作计划\n一、指导思想\n坚持。\n2026年3月1日')).toBeNull();
    expect(statedPeriod('')).toBeNull();
  });

  const seedDir = path.resolve(import.meta.dirname, '../../../../shared/seeds');
  const seed = (prefix: string) => fs.readFileSync(path.join(seedDir, fs.readdirSync(seedDir).find((f) => f.startsWith(prefix))!), 'utf8');

  it('in the seed plans: the terms and the year their titles name, nothing for the others', () => {
    expect(statedPeriod(seed('000'))).toMatchObject({ kind: 'term', start: '2026-02-01', end: '2026-07-31' });
    expect(statedPeriod(seed('001'))).toBeNull();
    expect(statedPeriod(seed('002'))).toBeNull();
    expect(statedPeriod(seed('003'))).toMatchObject({ kind: 'year', start: '2026-01-01', end: '2026-12-31' });
    expect(statedPeriod(seed('004'))).toMatchObject({ kind: 'term', start: '2022-02-01', end: '2022-07-31' });
  });
});
