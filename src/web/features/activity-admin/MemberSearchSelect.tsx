import { useRef } from 'react';
import { Select } from 'antd';
import { MemberOption, useMemberSearch, type FoundMember } from '../../components';

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
  const search = useMemberSearch<FoundMember>();
  const names = useRef(new Map<string, string>());
  for (const [id, name] of Object.entries(knownNames ?? {})) if (!names.current.has(id)) names.current.set(id, name);
  const items = search.items;
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
      showSearch={{ filterOption: false, onSearch: search.setText, autoClearSearchValue: !isMultiple }}
      loading={search.isFetching}
      notFoundContent={search.notFoundContent}
      onChange={(v: string[] | string | undefined) => onChange?.(v ?? null)}
      options={options}
      optionRender={(option) => {
        const m = option.data.member as FoundMember | null;
        return m ? <MemberOption member={m} /> : option.label;
      }}
      maxTagCount={isMultiple ? 'responsive' : undefined}
      style={{ width: '100%' }}
      data-testid={testId}
    />
  );
}
