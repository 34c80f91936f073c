import { useQueries, useQuery } from '@tanstack/react-query';
import { Select } from 'antd';
import { SESSION_STATUS_LABELS } from '../../../contracts/congress';
import { api } from '../../lib/api';
import type { TermDetail, TermList } from '../congress/congress-types';

/**
 * A congress session to hold the election at, as a Form.Item control: every term's sessions under the term's name,
 * current term first, sessions not yet closed first (an election is held at a coming or open session).
 */
export function MeetingSessionSelect({ value, onChange }: { value?: string | null; onChange?: (id: string | null) => void }) {
  const terms = useQuery({ queryKey: ['congress', 'terms'], queryFn: () => api.get<TermList>('/congress/terms') });
  const ordered = [...(terms.data?.items ?? [])].sort((a, b) => Number(b.isCurrent) - Number(a.isCurrent));
  const details = useQueries({
    queries: ordered.map((t) => ({ queryKey: ['congress', 'term', t.id], queryFn: () => api.get<TermDetail>(`/congress/terms/${t.id}`) })),
  });
  const isLoading = terms.isPending || details.some((d) => d.isPending);
  const groups = details.flatMap((d) => {
    if (!d.data) return [];
    const sessions = [...d.data.sessions].sort((a, b) => Number(a.status === 'closed') - Number(b.status === 'closed') || b.startsAt.localeCompare(a.startsAt));
    if (sessions.length === 0) return [];
    return [{ label: d.data.label, title: d.data.label, options: sessions.map((s) => ({ value: s.id, label: `${s.title}（${SESSION_STATUS_LABELS[s.status]}）` })) }];
  });
  const empty = terms.error ? terms.error.message : isLoading ? '正在读取…' : '还没有教代会会议：请先在“教代会管理”中安排会议';
  return (
    <Select
      value={value ?? undefined}
      onChange={(v: string | undefined) => onChange?.(v ?? null)}
      options={groups}
      loading={isLoading}
      placeholder="选择一次教代会会议"
      notFoundContent={empty}
      showSearch={{ optionFilterProp: 'label' }}
      data-testid="election-session"
    />
  );
}
