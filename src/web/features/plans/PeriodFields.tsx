import { DatePicker, Form, Radio, type FormInstance } from 'antd';
import { todayInShanghai } from '../../../domain/dates';
import { PERIOD_KIND_LABELS } from '../../../contracts/plans';
import { defaultPeriod } from './period';
import { rangeOf } from './plan-form-values';
import type { PeriodKind } from './plan-types';

const KIND_OPTIONS = Object.entries(PERIOD_KIND_LABELS).map(([value, label]) => ({ value, label }));

/**
 * 期间: the kind (学年 / 学期 / 年度) and its first and last day. With `isFollowingKind`, choosing a kind fills in
 * its usual dates (学年 9/1–8/31, 学期 2/1–7/31 or 9/1–1/31, 年度 1/1–12/31), and `onPeriodChange` hears of it.
 */
export function PeriodFields({ form, isFollowingKind = true, onPeriodChange }: {
  form: FormInstance;
  isFollowingKind?: boolean;
  onPeriodChange?: () => void;
}) {
  return (
    <>
      <Form.Item name="periodKind" label="期间" rules={[{ required: true, message: '请选择期间' }]}>
        <Radio.Group
          optionType="button"
          options={KIND_OPTIONS}
          onChange={(e) => {
            if (!isFollowingKind) return;
            const p = defaultPeriod(e.target.value as PeriodKind, todayInShanghai());
            form.setFieldValue('period', rangeOf(p.start, p.end));
            onPeriodChange?.();
          }}
          data-testid="plan-period-kind"
        />
      </Form.Item>
      <Form.Item name="period" label="起止日期" rules={[{ required: true, message: '请选择起止日期' }]}>
        <DatePicker.RangePicker
          format="YYYY-MM-DD"
          style={{ width: '100%' }}
          allowClear={false}
          onChange={() => onPeriodChange?.()}
          data-testid="plan-period"
        />
      </Form.Item>
    </>
  );
}
