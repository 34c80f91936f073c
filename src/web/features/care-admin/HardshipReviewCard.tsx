import { Alert } from 'antd';
import { Link } from 'react-router-dom';

/**
 * The home page's reminder to the hardship keepers (chair, 生活福利): files whose yearly review falls within 30 days
 * or has passed. Nothing is shown when none is due, or to anyone else (the server sends no number to them).
 */
export function HardshipReviewCard({ due }: { due: number | null | undefined }) {
  if (!due) return null;
  return (
    <Alert
      type="warning"
      showIcon
      data-testid="home-hardship-reviews"
      message={`有 ${due} 份困难职工档案到了年度复核时间`}
      description="困难档案每年复核一次：请核实家庭收入等情况后重新评定。"
      action={<Link to="/hardship">去复核</Link>}
    />
  );
}
