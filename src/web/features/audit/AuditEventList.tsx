import { Card, Empty, Flex, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { auditActionLabel } from '../../components';
import { changeLines } from './audit-format';
import { formatShanghaiTime } from '../../lib/time';
import { ENTITY_TYPE_LABELS, type AuditEvent } from './audit-types';

interface Props {
  events: AuditEvent[];
  groupName: (id: string) => string | undefined;
}

/** The audit trail on a phone: one small card per event instead of a six-column table. */
export function AuditEventList({ events, groupName }: Props) {
  if (events.length === 0) return <Empty description="没有符合条件的操作记录" />;
  return (
    <Flex vertical gap={8} data-testid="audit-list">
      {events.map((e) => {
        const lines = changeLines(e, groupName);
        const label = e.entityLabel ?? '—';
        return (
          <Card key={e.id} size="small" data-testid="audit-row" data-action={e.action}>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {formatShanghaiTime(e.at)} · {e.actorName} · {e.orgName ?? '平台'}
            </Typography.Text>
            <div>
              <Typography.Text strong>{auditActionLabel(e.action)}</Typography.Text>
              <Typography.Text>
                {'　'}
                {ENTITY_TYPE_LABELS[e.entityType] ?? e.entityType}：
                {e.entityType === 'member' && e.entityId ? <Link to={`/members/${e.entityId}`}>{label}</Link> : label}
              </Typography.Text>
            </div>
            {lines.map((line, i) => (
              <div key={i}>{line}</div>
            ))}
          </Card>
        );
      })}
    </Flex>
  );
}
