import type { TableColumnsType } from 'antd';
import { Typography } from 'antd';
import { Link } from 'react-router-dom';
import { auditActionLabel } from '../../components';
import { changeLines } from './audit-format';
import { formatShanghaiTime } from '../../lib/time';
import { ENTITY_TYPE_LABELS, type AuditEvent } from './audit-types';

/** The audit table's columns; `groupName` names 工会小组 ids that appear in member changes. */
export function auditColumns(groupName: (id: string) => string | undefined): TableColumnsType<AuditEvent> {
  return [
    { title: '时间', dataIndex: 'at', width: 170, render: (at: string) => formatShanghaiTime(at) },
    { title: '操作人', dataIndex: 'actorName', width: 110 },
    { title: '组织', dataIndex: 'orgName', width: 150, render: (v: string | null) => v ?? '平台' },
    { title: '操作', dataIndex: 'action', width: 120, render: (a: string) => auditActionLabel(a) },
    {
      title: '对象',
      key: 'entity',
      width: 170,
      render: (_: unknown, e) => {
        const kind = ENTITY_TYPE_LABELS[e.entityType] ?? e.entityType;
        const label = e.entityLabel ?? '—';
        return (
          <span>
            <Typography.Text type="secondary">{kind}：</Typography.Text>
            {e.entityType === 'member' && e.entityId ? <Link to={`/members/${e.entityId}`}>{label}</Link> : label}
          </span>
        );
      },
    },
    {
      title: '变更内容',
      key: 'changes',
      render: (_: unknown, e) => {
        const lines = changeLines(e, groupName);
        if (lines.length === 0) return <Typography.Text type="secondary">—</Typography.Text>;
        return (
          <div data-testid="audit-changes">
            {lines.map((line, i) => (
              <div key={i}>{line}</div>
            ))}
          </div>
        );
      },
    },
  ];
}
