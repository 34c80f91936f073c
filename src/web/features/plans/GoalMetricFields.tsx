import { Flex, Form, InputNumber, Select } from 'antd';
import type { GoalMetric } from '../../../domain/goal-metrics';
import { COMPARATOR_OPTIONS, METRIC_OPTIONS, unitOf } from './goal-format';
import { usePlanMetrics } from './use-plans';

/**
 * 关联指标 · 比较方式 · 目标值 inside a goal form (at `prefix` in a list form): the target is typed as a
 * percentage for a rate (85 for 85%) and as a whole number of times for a count. Without a metric the goal is
 * text only. `hasLabels` puts labels above the fields (the goal modal); without, they sit in one compact row.
 * Inside a Form.List, `prefix` is the row's name within the list and `listName` the list's own name.
 */
export function GoalMetricFields({ prefix = [], listName, hasLabels = false }: { prefix?: (string | number)[]; listName?: string; hasLabels?: boolean }) {
  const form = Form.useFormInstance();
  // Form.Item names are relative to the list; reading and setting values takes the full path.
  const full = listName ? [listName, ...prefix] : prefix;
  const metric = Form.useWatch([...full, 'metric'], form) as GoalMetric | null | undefined;
  const unit = unitOf(metric);
  const catalogue = usePlanMetrics();
  const hasSource = new Map((catalogue.data ?? []).map((m) => [m.id, m.hasSource]));
  // A metric nobody feeds yet can still be chosen (the module may come later); the option says so.
  const options = METRIC_OPTIONS.map((o) => (hasSource.get(o.value) === false ? { ...o, label: `${o.label} · 尚无数据来源` } : o));
  const itemStyle = hasLabels ? undefined : { marginBottom: 0 };
  return (
    <Flex gap={8} wrap align="flex-start">
      <Form.Item
        name={[...prefix, 'metric']}
        label={hasLabels ? '关联指标' : undefined}
        extra={hasLabels ? '选了指标，计划页会按实际数据显示完成情况；只是一句话的目标可以不选' : undefined}
        style={{ ...itemStyle, flex: '1 1 220px', minWidth: 0 }}
      >
        <Select
          allowClear
          placeholder="关联指标（可不选）"
          options={options}
          showSearch={{ optionFilterProp: 'label' }}
          popupMatchSelectWidth={false}
          onChange={(m?: GoalMetric) => {
            // A new metric starts with 不低于 (the usual wording: 参与率不低于85%).
            if (m && !form.getFieldValue([...full, 'comparator'])) form.setFieldValue([...full, 'comparator'], '>=');
          }}
          aria-label="关联指标"
          data-testid="goal-metric-select"
        />
      </Form.Item>
      {metric ? (
        <>
          <Form.Item
            name={[...prefix, 'comparator']}
            label={hasLabels ? '比较方式' : undefined}
            rules={[{ required: true, message: '请选择比较方式' }]}
            style={{ ...itemStyle, width: 100 }}
          >
            <Select options={COMPARATOR_OPTIONS} aria-label="比较方式" data-testid="goal-comparator" />
          </Form.Item>
          <Form.Item
            name={[...prefix, 'target']}
            label={hasLabels ? '目标值' : undefined}
            rules={[{ required: true, message: '请填写目标值' }]}
            style={{ ...itemStyle, width: 120 }}
          >
            <InputNumber
              min={0}
              max={unit === 'rate' ? 100 : undefined}
              precision={unit === 'count' ? 0 : undefined}
              suffix={unit === 'rate' ? '%' : '次'}
              placeholder={unit === 'rate' ? '如 85' : '如 4'}
              style={{ width: '100%' }}
              aria-label="目标值"
              data-testid="goal-target"
            />
          </Form.Item>
        </>
      ) : null}
    </Flex>
  );
}
