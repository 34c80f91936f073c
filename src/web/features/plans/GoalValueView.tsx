import type { ReactNode } from 'react';
import { Tag, Typography } from 'antd';
import { formatMetricValue } from '../../../domain/goal-metrics';
import { assertNever } from '../../../domain/policy';
import type { PlanGoal } from './plan-types';

/** The live value: measured (value, 已达成 / 未达成, how it was counted), not measurable yet, or no data yet. */
function LiveValue({ goal }: { goal: PlanGoal }): ReactNode {
  const v = goal.value;
  switch (v.status) {
    case 'no_metric':
      return null;
    case 'no_source':
      return (
        <Tag style={{ marginInlineEnd: 0 }} data-testid="goal-no-source">
          尚无数据来源
        </Tag>
      );
    case 'no_data':
      return (
        <>
          <Tag style={{ marginInlineEnd: 0 }} data-testid="goal-no-data">
            暂无数据
          </Tag>
          {v.detail ? <Typography.Text type="secondary">{v.detail}</Typography.Text> : null}
        </>
      );
    case 'measured':
      return (
        <>
          <span className="uh-goal-value" style={{ color: v.met ? '#389e0d' : '#d46b08' }} data-testid="goal-value">
            当前 {goal.unit ? formatMetricValue(v.value, goal.unit) : v.value}
          </span>
          <Tag color={v.met ? 'green' : 'orange'} style={{ marginInlineEnd: 0 }} data-testid="goal-met">
            {v.met ? '已达成' : '未达成'}
          </Tag>
          {v.detail ? <Typography.Text type="secondary">{v.detail}</Typography.Text> : null}
        </>
      );
    default:
      return assertNever(v);
  }
}

/**
 * A goal's metric line: the metric's name, the target ("≥ 85%") and the live value; nothing for a goal without
 * a metric (a sentence only).
 */
export function GoalValueView({ goal }: { goal: PlanGoal }) {
  if (goal.value.status === 'no_metric' || !goal.metric) return null;
  return (
    <div className="uh-goal-metric" data-testid="goal-metric">
      <Typography.Text type="secondary">
        {goal.label}
        {goal.targetLabel ? `：目标 ${goal.targetLabel}` : ''}
      </Typography.Text>
      <LiveValue goal={goal} />
    </div>
  );
}
