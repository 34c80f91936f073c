import { Card, Empty, Flex, Typography } from 'antd';
import { Link } from 'react-router-dom';
import type { Me } from '../../lib/session';
import { ReceiptCard } from './CareMyPage';
import { useCareMy, useCareSummary } from './use-care';
import './care.css';

/** "逾期 1 · 待慰问 2", leaving out what is zero. */
function groupCounts(g: { due: number; overdue: number }): string {
  return [g.overdue > 0 ? `逾期 ${g.overdue}` : '', g.due > 0 ? `待慰问 ${g.due}` : ''].filter(Boolean).join(' · ');
}

/** The 待慰问 card: due and overdue events, per group, for those who visit (group leaders, committee, leaders). */
function CareDueCard() {
  const summary = useCareSummary();
  if (summary.isPending || summary.isError) return null;
  const s = summary.data;
  const groups = s.groups.filter((g) => g.due > 0 || g.overdue > 0);
  return (
    <Card title="待慰问" size="small" extra={<Link to="/care">查看待慰问</Link>} data-testid="home-care">
      {s.due === 0 && s.overdue === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="没有待慰问的事由" />
      ) : (
        <Flex vertical gap={6}>
          <Flex gap={24} wrap>
            <Link to="/care">
              <Typography.Text style={{ fontSize: 16 }}>
                待慰问 <Typography.Text strong style={{ fontSize: 22 }} data-testid="home-care-due">{s.due}</Typography.Text> 件
              </Typography.Text>
            </Link>
            <Link to="/care?status=overdue">
              <Typography.Text type={s.overdue > 0 ? 'danger' : undefined} style={{ fontSize: 16 }}>
                已逾期 <Typography.Text strong type={s.overdue > 0 ? 'danger' : undefined} style={{ fontSize: 22 }} data-testid="home-care-overdue">{s.overdue}</Typography.Text> 件
              </Typography.Text>
            </Link>
          </Flex>
          {groups.length > 1 ? (
            <Flex vertical>
              {groups.map((g) => (
                <Flex key={g.groupId ?? 'none'} justify="space-between" style={{ padding: '4px 0', borderTop: '1px solid #f5f5f5' }}>
                  <Typography.Text>{g.groupName}</Typography.Text>
                  <Typography.Text type={g.overdue > 0 ? 'danger' : 'secondary'}>{groupCounts(g)}</Typography.Text>
                </Flex>
              ))}
            </Flex>
          ) : null}
        </Flex>
      )}
    </Card>
  );
}

/** A member's festival gifts waiting for 签收, with the button right on the home page. */
function ReceiptsCard() {
  const my = useCareMy();
  const waiting = my.data?.campaigns.filter((c) => c.canConfirm) ?? [];
  if (waiting.length === 0) return null;
  return (
    <Flex vertical gap={8} data-testid="home-care-receipts">
      {waiting.map((c) => (
        <ReceiptCard key={c.id} campaign={c} />
      ))}
    </Flex>
  );
}

/** The home page's care cards: gifts to sign for (a member) and the 待慰问 counts (those who visit). */
export function CareHomeCards({ me }: { me: Me }) {
  const canVisit = me.abilities.includes('care.read');
  const hasMember = !!me.user.memberId;
  if (!canVisit && !hasMember) return null;
  return (
    <Flex vertical gap={16}>
      {hasMember ? <ReceiptsCard /> : null}
      {canVisit ? <CareDueCard /> : null}
    </Flex>
  );
}
