import { Card, Col, Row, Statistic } from 'antd';
import type { Dashboard } from './dashboard';

/** One card per figure the server counted; two per row on a phone, six on a wide screen. */
export function StatCards({ counts }: { counts: Dashboard['counts'] }) {
  return (
    <Row gutter={[12, 12]}>
      {counts.map((c) => (
        <Col key={c.label} xs={12} sm={8} xl={4}>
          <Card size="small" className="uh-stat-card" data-testid="stat-card">
            <Statistic title={c.label} value={c.value} suffix={c.label === '工会小组' || c.label === '基层工会' ? '个' : '人'} />
          </Card>
        </Col>
      ))}
    </Row>
  );
}
