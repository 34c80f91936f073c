import { Select } from 'antd';
import { MemberOption, useMemberSearch, type FoundMember } from '../../components';

/**
 * One member of the union picked by searching the roster (name, pinyin initials, 工号 or phone), as a Form.Item
 * control holding the member's id. `initialName` names a member chosen before the page opened (?memberId=).
 */
export function CareMemberSelect({ value, onChange, initialName }: { value?: string | null; onChange?: (id: string | null) => void; initialName?: string }) {
  const search = useMemberSearch<FoundMember>();
  const options = search.items.map((m) => ({ value: m.id, label: m.name, member: m as FoundMember | null }));
  if (value && !options.some((o) => o.value === value)) options.unshift({ value, label: initialName ?? '（已选会员）', member: null });
  return (
    <Select
      value={value ?? undefined}
      allowClear
      placeholder="输入姓名、拼音首字母、工号或手机号"
      showSearch={{ filterOption: false, onSearch: search.setText }}
      loading={search.isFetching}
      notFoundContent={search.notFoundContent}
      onChange={(v?: string) => onChange?.(v ?? null)}
      options={options}
      optionRender={(option) => {
        const m = option.data.member as FoundMember | null;
        return m ? <MemberOption member={m} /> : option.label;
      }}
      style={{ width: '100%' }}
      data-testid="care-member"
    />
  );
}
