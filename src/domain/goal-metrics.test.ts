import { describe, expect, it } from 'vitest';
import { formatMetricValue, formatTarget, GOAL_METRIC_IDS, GOAL_METRICS, goalMet } from './goal-metrics.js';

describe('goal metrics', () => {
  it('meets a rate goal exactly at the target and just below it within rounding', () => {
    expect(goalMet(0.85, '>=', 0.85, 'rate')).toBe(true);
    expect(goalMet(17 / 20, '>=', 0.85, 'rate')).toBe(true);
    expect(goalMet(0.8496, '>=', 0.85, 'rate')).toBe(true);
    expect(goalMet(0.849, '>=', 0.85, 'rate')).toBe(false);
    expect(goalMet(1, '=', 1, 'rate')).toBe(true);
    expect(goalMet(0.99, '=', 1, 'rate')).toBe(false);
  });

  it('compares counts exactly', () => {
    expect(goalMet(4, '>=', 4, 'count')).toBe(true);
    expect(goalMet(3, '>=', 4, 'count')).toBe(false);
    expect(goalMet(4, '>', 4, 'count')).toBe(false);
    expect(goalMet(2, '<=', 2, 'count')).toBe(true);
    expect(goalMet(1, '<', 2, 'count')).toBe(true);
  });

  it('formats targets and values the way a plan writes them', () => {
    expect(formatTarget('>=', 0.85, 'rate')).toBe('≥ 85%');
    expect(formatTarget('=', 1, 'rate')).toBe('= 100%');
    expect(formatTarget('>=', 4, 'count')).toBe('≥ 4 次');
    expect(formatMetricValue(2 / 3, 'rate')).toBe('66.7%');
    expect(formatMetricValue(0, 'rate')).toBe('0%');
  });

  it('measures care: 五必访按期率 as a rate, 帮扶人次 as a count of people', () => {
    expect(GOAL_METRICS.care_on_time_rate).toMatchObject({ label: '五必访按期率', unit: 'rate', source: 'care' });
    expect(GOAL_METRICS.assistance_count).toMatchObject({ label: '帮扶人次', unit: 'count', isHeadcount: true });
    expect(GOAL_METRICS.care_on_time_rate.keywords).toContain('五必访');
    expect(GOAL_METRICS.assistance_count.keywords).toContain('帮扶人次');
    expect(formatTarget('>=', 20, GOAL_METRICS.assistance_count.unit)).toBe('≥ 20 次');
  });

  it('gives each keyword to one metric only', () => {
    const all = GOAL_METRIC_IDS.flatMap((id) => GOAL_METRICS[id].keywords);
    expect(new Set(all).size).toBe(all.length);
  });

  it('has a Chinese label, a unit and keywords for every metric', () => {
    for (const id of GOAL_METRIC_IDS) {
      expect(GOAL_METRICS[id].label).toMatch(/[\u4e00-\u9fff]/);
      expect(['rate', 'count']).toContain(GOAL_METRICS[id].unit);
      expect(GOAL_METRICS[id].keywords.length).toBeGreaterThan(0);
    }
  });
});
