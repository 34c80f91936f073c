import { useEffect, useRef, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Select, Typography } from 'antd';
import { api } from '../../lib/api';

/** The fields of a roster entry the picker shows. */
interface FoundMember {
  id: string;
  name: string;
  staffNo: string | null;
  department: string | null;
  groupName: string | null;
  employmentStatus: string;
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

interface Props {
  /** Several members (an id list) or one (an id). */
  isMultiple?: boolean;
  value?: string[] | string | null;
  onChange?: (value: string[] | string | null) => void;
  /** Names of members already chosen (an activity's list being edited), so the tags read as names, not ids. */
  knownNames?: Record<string, string>;
  placeholder?: string;
  testId?: string;
}

/**
 * Members of the union picked by searching the roster (name, pinyin initials, 工号 or phone), as a Form.Item
 * control holding their ids (or one id). Chosen members stay named while the search shows others.
 */
export function MemberSearchSelect({ isMultiple = false, value, onChange, knownNames, placeholder, testId }: Props) {
  const [text, setText] = useState('');
  const q = useDebounced(text.trim(), 300);
  const names = useRef(new Map<string, string>());
  for (const [id, name] of Object.entries(knownNames ?? {})) if (!names.current.has(id)) names.current.set(id, name);
  const found = useQuery({
    queryKey: ['members', 'picker', q],
    queryFn: () => api.get<{ items: FoundMember[]; total: number }>('/members', { q, pageSize: 20 }),
    placeholderData: (previous) => previous,
  });
  const items = found.data?.items ?? [];
  for (const m of items) names.current.set(m.id, m.name);
  const chosen = Array.isArray(value) ? value : value ? [value] : [];
  const foundIds = new Set(items.map((m) => m.id));
  const options = [
    ...items.map((m) => ({ value: m.id, label: m.name, member: m as FoundMember | null })),
    ...chosen.filter((id) => !foundIds.has(id)).map((id) => ({ value: id, label: names.current.get(id) ?? '（已选人员）', member: null as FoundMember | null })),
  ];
  return (
    <Select
      mode={isMultiple ? 'multiple' : undefined}
      value={isMultiple ? chosen : (value ?? undefined)}
      allowClear={!isMultiple}
      placeholder={placeholder ?? '输入姓名、拼音首字母、工号或手机号搜索'}
      // The search text stays after a pick, so several people from one search are picked in a row.
      showSearch={{ filterOption: false, onSearch: setText, autoClearSearchValue: !isMultiple }}
      loading={found.isFetching}
      notFoundContent={found.isFetching ? '正在查找…' : found.isError ? found.error.message : '没有找到会员'}
      onChange={(v: string[] | string | undefined) => onChange?.(v ?? null)}
      options={options}
      optionRender={(option) => {
        const m = option.data.member as FoundMember | null;
        if (!m) return option.label;
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
      maxTagCount={isMultiple ? 'responsive' : undefined}
      style={{ width: '100%' }}
      data-testid={testId}
    />
  );
}
