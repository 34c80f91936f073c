import { Card, Col, Row, Statistic } from 'antd';
import type { ActivityDetail } from './activity-admin-types';
import { rateLabel } from './activity-time';

/** 应到 / 已报名 / 候补 / 待审核 / 实到 / 参与率 — the figures an organiser watches; sign-up ones only when there is a sign-up. */
export function ActivityFigures({ activity }: { activity: ActivityDetail }) {
  const f = activity.figures;
  if (!f) return null;
  const hasSignup = activity.signupOpensAt !== null;
  const items: { key: string; title: string; value: string | number; suffix?: string }[] = [
    { key: 'invited', title: '应到', value: f.invited, suffix: '人' },
    ...(hasSignup
      ? [
          { key: 'confirmed', title: '已报名', value: f.confirmed, suffix: activity.capacity ? `/ ${activity.capacity}` : '人' },
          { key: 'waitlisted', title: '候补', value: f.waitlisted, suffix: '人' },
          ...(activity.needsApproval || f.pending > 0 ? [{ key: 'pending', title: '待审核', value: f.pending, suffix: '人' }] : []),
        ]
      : []),
    { key: 'attended', title: '实到', value: f.attended, suffix: '人' },
    { key: 'rate', title: '参与率', value: rateLabel(f.rate) },
  ];
  return (
    <Card size="small" className="uh-act-figures" data-testid="activity-figures">
      <Row gutter={[12, 12]}>
        {items.map((i) => (
          <Col key={i.key} xs={8} sm={8} md={4} data-testid={`figure-${i.key}`}>
            <Statistic title={i.title} value={i.value} suffix={i.suffix} />
          </Col>
        ))}
      </Row>
    </Card>
  );
}
