import { Tag } from 'antd';
import { HARDSHIP_LEVEL_LABELS, HARDSHIP_STATUS_LABELS, type HardshipLevel, type HardshipStatus } from '../../../contracts/care';

const LEVEL_COLORS: Record<HardshipLevel, string> = { deep: 'red', relative: 'orange', accident: 'purple', none: 'default' };
const STATUS_COLORS: Record<HardshipStatus, string> = { draft: 'default', submitted: 'gold', approved: 'green', closed: 'default' };

/** 深度困难 / 相对困难 / 意外致困 / 不符合. */
export function HardshipLevelTag({ level }: { level: HardshipLevel }) {
  return (
    <Tag color={LEVEL_COLORS[level]} style={{ marginInlineEnd: 0 }} data-testid="hardship-level">
      {HARDSHIP_LEVEL_LABELS[level]}
    </Tag>
  );
}

/** 草稿 / 待审批 / 已建档 / 已销档. */
export function HardshipStatusTag({ status }: { status: HardshipStatus }) {
  return (
    <Tag color={STATUS_COLORS[status]} style={{ marginInlineEnd: 0 }} data-testid="hardship-status">
      {HARDSHIP_STATUS_LABELS[status]}
    </Tag>
  );
}
