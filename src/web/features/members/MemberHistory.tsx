import { Empty, Timeline, Typography } from 'antd';
import { HISTORY_KIND_COLORS, HISTORY_KIND_LABELS } from './member-labels';
import type { MemberHistoryEntry } from './member-types';

/** "语文组 → 数学组", or just the side that exists (建档 has neither; 转入 has only where from). */
function change(h: MemberHistoryEntry): string | null {
  if (h.kind === 'transfer_in') return h.fromValue ? `从 ${h.fromValue} 转入` : null;
  if (h.kind === 'transfer_out') return h.toValue ? `转往 ${h.toValue}` : null;
  if (h.kind === 'imported') return h.toValue ? `${h.fromValue === '导入更新' ? '导入更新，' : ''}文件：${h.toValue}` : null;
  if (h.fromValue && h.toValue) return `${h.fromValue} → ${h.toValue}`;
  return h.toValue ?? h.fromValue;
}

/** 变动记录: the member's history (建档, 导入, 转入, 转出, 退休, 状态变更, 调整小组), oldest first. */
export function MemberHistory({ history }: { history: MemberHistoryEntry[] }) {
  if (history.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无变动记录" />;
  return (
    <Timeline
      data-testid="member-history"
      items={history.map((h) => {
        const detail = change(h);
        return {
          key: h.id,
          color: HISTORY_KIND_COLORS[h.kind] ?? 'gray',
          // The date sits in the content, not in `title`: a title splits the timeline into two columns.
          content: (
            <div data-testid="member-history-item">
              <Typography.Text type="secondary" style={{ marginInlineEnd: 8 }}>
                {h.onDate}
              </Typography.Text>
              <Typography.Text strong>{HISTORY_KIND_LABELS[h.kind] ?? h.kind}</Typography.Text>
              {detail ? <Typography.Text>：{detail}</Typography.Text> : null}
              {h.note ? <div>备注：{h.note}</div> : null}
              {h.actorName ? (
                <div>
                  <Typography.Text type="secondary">经办人：{h.actorName}</Typography.Text>
                </div>
              ) : null}
            </div>
          ),
        };
      })}
    />
  );
}
