import { useEffect, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Typography } from 'antd';
import { api } from '../lib/api';

/** What the roster search returns about each member that a picker shows. */
export interface FoundMember {
  id: string;
  name: string;
  phone?: string | null;
  staffNo: string | null;
  department: string | null;
  groupName: string | null;
}

/** Waits until typing pauses, so the roster is not searched on every keystroke. */
function useDebounced(value: string, ms: number): string {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}

/**
 * The roster search behind the member pickers: the typed text (name, pinyin initials, 工号 or phone), debounced,
 * answered with the first 20 matches of the current union; the previous answer stays while the next one loads.
 */
export function useMemberSearch<T extends FoundMember>() {
  const [text, setText] = useState('');
  const q = useDebounced(text.trim(), 300);
  const found = useQuery({
    queryKey: ['members', 'picker', q],
    queryFn: () => api.get<{ items: T[]; total: number }>('/members', { q, pageSize: 20 }),
    placeholderData: (previous) => previous,
  });
  return {
    setText,
    items: found.data?.items ?? [],
    isFetching: found.isFetching,
    notFoundContent: found.isFetching ? '正在查找…' : found.isError ? found.error.message : '没有找到会员',
  };
}

/** A found member as a picker's option: the name, then the group (or department) and 工号 in grey. */
export function MemberOption({ member }: { member: FoundMember }) {
  const where = [member.groupName ?? member.department, member.staffNo ? `工号 ${member.staffNo}` : null].filter(Boolean).join(' · ');
  return (
    <div>
      {member.name}
      {where ? (
        <Typography.Text type="secondary" style={{ marginInlineStart: 8, fontSize: 12 }}>
          {where}
        </Typography.Text>
      ) : null}
    </div>
  );
}
