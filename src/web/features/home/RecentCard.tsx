import { Card, Empty, Timeline, Typography } from 'antd';
import { formatShanghaiTime } from '../../lib/time';
import { Link } from 'react-router-dom';
import { auditActionLabel } from '../../components';
import type { Dashboard } from './dashboard';

/** The latest audit events of the organisation and those beneath it, newest first. */
export function RecentCard({ events, canOpenAudit }: { events: Dashboard['recent']; canOpenAudit: boolean }) {
  return (
    <Card title="最近变动" size="small" extra={canOpenAudit ? <Link to="/audit">查看全部</Link> : null}>
      {events.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无变动" />
      ) : (
        <Timeline
          style={{ marginTop: 8 }}
          items={events.map((e, i) => ({
            key: `${e.at}-${i}`,
            content: (
              <div>
                <div>
                  <Typography.Text strong>{e.actorName}</Typography.Text> {auditActionLabel(e.action)}
                  {/* "张三 登录：张三" says nothing twice: the label is left out when it names the actor. */}
                  {e.entityLabel && e.entityLabel !== e.actorName ? <Typography.Text>：{e.entityLabel}</Typography.Text> : null}
                </div>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {formatShanghaiTime(e.at, false)}
                </Typography.Text>
              </div>
            ),
          }))}
        />
      )}
    </Card>
  );
}
