import { Flex, Progress, Typography } from 'antd';
import type { Coverage } from './care-admin-types';

/** A rate as a percentage with one decimal: 0.7692 → "76.9%", null → "—". */
export function rateText(rate: number | null): string {
  return rate === null ? '—' : `${(Math.round(rate * 1000) / 10).toFixed(1).replace(/\.0$/, '')}%`;
}

/** Coverage as a bar with its figure: "76.9% 40/52" (received ÷ intended). */
export function CoverageBar({ coverage, testId }: { coverage: Coverage; testId?: string }) {
  const percent = coverage.rate === null ? 0 : Math.round(coverage.rate * 1000) / 10;
  return (
    <Flex align="center" gap={8} data-testid={testId}>
      <Progress
        percent={percent}
        showInfo={false}
        size="small"
        status={percent >= 100 ? 'success' : 'normal'}
        strokeColor={percent >= 100 ? undefined : '#c8102e'}
        style={{ flex: 1, minWidth: 80, margin: 0 }}
      />
      <span className="uh-care-rate">
        {rateText(coverage.rate)}
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {' '}
          {coverage.received}/{coverage.intended}
        </Typography.Text>
      </span>
    </Flex>
  );
}
