import { describe, expect, it } from 'vitest';
import { scheduleSectionIndex } from './plan-sections.js';

describe('the section that holds the schedule', () => {
  it('is the first heading that names it', () => {
    expect(scheduleSectionIndex(['指导思想', '工作目标', '主要工作任务', '工作安排', '保障措施'])).toBe(3);
    expect(scheduleSectionIndex(['指导思想', '具体月份工作安排', '主要活动安排'])).toBe(1);
    expect(scheduleSectionIndex(['工作思路', '行事历'])).toBe(1);
    expect(scheduleSectionIndex(['主要活动安排'])).toBe(0);
  });

  it('is none when no heading names it', () => {
    expect(scheduleSectionIndex(['指导思想', '工作目标', '保障措施'])).toBe(-1);
    expect(scheduleSectionIndex([])).toBe(-1);
  });
});
