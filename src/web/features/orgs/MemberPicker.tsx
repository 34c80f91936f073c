import { Select } from 'antd';
import { MemberOption, useMemberSearch } from '../../components';

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
  const search = useMemberSearch<PickedMember>();
  return (
    <Select
      value={value}
      placeholder="输入姓名、拼音、工号或手机号搜索"
      showSearch={{ filterOption: false, onSearch: search.setText }}
      loading={search.isFetching}
      notFoundContent={search.notFoundContent}
      onChange={(id: string) => {
        onChange?.(id);
        onPick?.(search.items.find((m) => m.id === id) ?? null);
      }}
      options={search.items.map((m) => ({ value: m.id, label: m.name, member: m }))}
      optionRender={(option) => <MemberOption member={option.data.member as PickedMember} />}
    />
  );
}
