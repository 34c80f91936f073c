import { DatePicker, Flex, TimePicker } from 'antd';
import type { Dayjs } from 'dayjs';
import { useIsPhone } from './use-is-phone';
import { joinDayAndTime } from '../features/activity-admin/activity-time';

/**
 * A Shanghai wall-clock moment as a Form.Item control: a day picker and a time picker side by side. One picker with
 * both (showTime) is 400 px wide and runs off a 375 px phone; these two panels each fit.
 */
export function DateTimeInput({ value, onChange, label, testId }: { value?: Dayjs | null; onChange?: (v: Dayjs | null) => void; label: string; testId: string }) {
  const isPhone = useIsPhone();
  return (
    <Flex gap={8}>
      <DatePicker
        value={value ?? null}
        onChange={(day: Dayjs | null) => onChange?.(day ? joinDayAndTime(day, value ?? day.hour(8).minute(0)) : null)}
        format="YYYY-MM-DD"
        allowClear={false}
        inputReadOnly={isPhone}
        placeholder="日期"
        style={{ flex: '1 1 150px', minWidth: 0 }}
        aria-label={`${label}日期`}
        data-testid={`${testId}-date`}
      />
      <TimePicker
        value={value ?? null}
        onChange={(time: Dayjs | null) => time && onChange?.(joinDayAndTime(value ?? time, time))}
        format="HH:mm"
        minuteStep={5}
        allowClear={false}
        needConfirm={false}
        inputReadOnly={isPhone}
        placeholder="时刻"
        style={{ width: 100, flex: 'none' }}
        aria-label={`${label}时刻`}
        data-testid={`${testId}-time`}
      />
    </Flex>
  );
}
