import { DatePicker, Flex, Segmented } from 'antd';
import dayjs from 'dayjs';
import type { ReactNode } from 'react';
import { schoolYearOf, termOf } from '../features/activity-admin/activity-time';

/** A period of days, both ends included (YYYY-MM-DD). */
export interface Period {
  from: string;
  to: string;
}

/** The periods a statistics page offers in one tap. */
export type PeriodPreset = 'year' | 'lastYear' | 'schoolYear' | 'lastSchoolYear' | 'term';

const PRESET_LABELS: Record<PeriodPreset, string> = { year: '今年', lastYear: '去年', schoolYear: '本学年', lastSchoolYear: '上学年', term: '本学期' };

/** The preset periods as of a day (Asia/Shanghai): calendar years, school years (Sept–Aug), the current term. */
export function periodPresets(today: string): Record<PeriodPreset, Period> {
  const y = Number(today.slice(0, 4));
  const schoolYear = schoolYearOf(today);
  return {
    year: { from: `${y}-01-01`, to: `${y}-12-31` },
    lastYear: { from: `${y - 1}-01-01`, to: `${y - 1}-12-31` },
    schoolYear,
    lastSchoolYear: schoolYearOf(`${Number(schoolYear.from.slice(0, 4)) - 1}-10-01`),
    term: termOf(today),
  };
}

/**
 * The period toolbar of a statistics page: the offered presets as a segmented control (自定义 appears when the period
 * is none of them) and a date range; `extra` sits at its end.
 */
export function PeriodPicker(props: { today: string; offered: readonly PeriodPreset[]; period: Period; onChange: (p: Period) => void; testIdPrefix: string; extra?: ReactNode }) {
  const { period, onChange, testIdPrefix } = props;
  const presets = periodPresets(props.today);
  const current = props.offered.find((k) => presets[k].from === period.from && presets[k].to === period.to);
  return (
    <Flex wrap gap={8} align="center" style={{ marginBottom: 16 }}>
      <Segmented
        value={current ?? 'custom'}
        options={[...props.offered.map((k) => ({ value: k, label: PRESET_LABELS[k] })), ...(current ? [] : [{ value: 'custom', label: '自定义' }])]}
        onChange={(v) => v !== 'custom' && onChange(presets[v as PeriodPreset])}
        data-testid={`${testIdPrefix}-preset`}
      />
      <DatePicker.RangePicker
        value={[dayjs(period.from), dayjs(period.to)]}
        format="YYYY-MM-DD"
        allowClear={false}
        inputReadOnly
        onChange={(r) => r?.[0] && r[1] && onChange({ from: r[0].format('YYYY-MM-DD'), to: r[1].format('YYYY-MM-DD') })}
        aria-label="统计期间"
        data-testid={`${testIdPrefix}-period`}
      />
      {props.extra}
    </Flex>
  );
}
