import { Typography } from 'antd';
import { ErrorAlert } from '../../components';
import { formatYuan } from '../../lib/money';
import { HardshipLevelTag, HardshipStatusTag } from '../care-admin/HardshipTags';
import { dayText } from './care-format';
import type { HardshipMy } from './care-types';
import { useMyHardship } from './use-care';

type OwnFile = HardshipMy['items'][number];

/** When the file is (or will be) reviewed: the date once approved, otherwise what it waits for. */
function reviewText(f: OwnFile): string {
  if (f.reviewDueOn) return dayText(f.reviewDueOn);
  if (f.status === 'closed') return '—';
  return '工会主席审批后确定';
}

/** One year's file as the member sees it: status, level, the income against the 低保线, review date, assistance. */
function OwnFileCard({ file: f }: { file: OwnFile }) {
  return (
    <div className="uh-card" data-testid="my-hardship-file" data-year={f.year}>
      <div className="uh-care-card-top">
        <div className="uh-care-name">{f.year} 年度</div>
        <HardshipStatusTag status={f.status} />
      </div>
      <dl className="uh-care-facts">
        <dt>困难类别</dt>
        <dd>
          <HardshipLevelTag level={f.level} />
        </dd>
        <dt>人均月收入</dt>
        <dd data-testid="my-hardship-per-capita">{formatYuan(f.perCapitaMonthlyFen)}</dd>
        <dt>低保线</dt>
        <dd data-testid="my-hardship-line">{f.povertyLineFen === null ? '未设置本年度低保线' : `${formatYuan(f.povertyLineFen)}（每人每月）`}</dd>
        <dt>复核日期</dt>
        <dd>{reviewText(f)}</dd>
        <dt>已获帮扶</dt>
        <dd data-testid="my-hardship-assistance">{f.assistanceFen > 0 ? formatYuan(f.assistanceFen) : '暂无'}</dd>
      </dl>
    </div>
  );
}

/**
 * 我的困难职工档案 on 我的慰问: the member's own file(s), only when there is at least one — most members have none
 * and see nothing at all here (not even while it loads).
 */
export function MyHardshipSection() {
  const my = useMyHardship();
  if (my.error) return <ErrorAlert error={my.error} style={{ marginTop: 20 }} />;
  const files = my.data?.items ?? [];
  if (files.length === 0) return null;
  return (
    <section data-testid="my-hardship">
      <Typography.Title level={5} className="uh-care-section-title">
        我的困难职工档案
      </Typography.Title>
      <Typography.Paragraph type="secondary" className="uh-care-note">
        您的档案只有工会主席和生活福利委员可以查看。
      </Typography.Paragraph>
      <div className="uh-card-list">
        {files.map((f) => (
          <OwnFileCard key={f.id} file={f} />
        ))}
      </div>
    </section>
  );
}
