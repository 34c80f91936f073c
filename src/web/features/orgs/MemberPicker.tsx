import { useEffect, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Select, Typography } from 'antd';
import { api } from '../../lib/api';

/** The fields of a roster entry the picker shows. */
export interface PickedMember {
  id: string;
  name: string;
  phone: string | null;
  staffNo: string | null;
  department: string | null;
  groupName: string | null;
  hasAccount: boolean;
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

/** A searchable select over the current union's roster (name, pinyin, 工号 or phone); usable as a Form.Item control. */
export function MemberPicker({
  value,
  onChange,
  onPick,
}: {
  value?: string;
  onChange?: (id: string) => void;
  onPick?: (member: PickedMember | null) => void;
}) {
  const [text, setText] = useState('');
  const q = useDebounced(text.trim(), 300);
  const found = useQuery({
    queryKey: ['members', 'picker', q],
    queryFn: () => api.get<{ items: PickedMember[]; total: number }>('/members', { q, pageSize: 20 }),
    placeholderData: (previous) => previous,
  });
  const items = found.data?.items ?? [];
  return (
    <Select
      value={value}
      placeholder="输入姓名、拼音、工号或手机号搜索"
      showSearch={{ filterOption: false, onSearch: setText }}
      loading={found.isFetching}
      notFoundContent={found.isFetching ? '正在查找…' : found.isError ? found.error.message : '没有找到会员'}
      onChange={(id: string) => {
        onChange?.(id);
        onPick?.(items.find((m) => m.id === id) ?? null);
      }}
      options={items.map((m) => ({ value: m.id, label: m.name, member: m }))}
      optionRender={(option) => {
        const m = option.data.member as PickedMember;
        const where = [m.groupName ?? m.department, m.staffNo ? `工号 ${m.staffNo}` : null].filter(Boolean).join(' · ');
        return (
          <div>
            {m.name}
            {where ? (
              <Typography.Text type="secondary" style={{ marginInlineStart: 8, fontSize: 12 }}>
                {where}
              </Typography.Text>
            ) : null}
          </div>
        );
      }}
    />
  );
}
