import { Form, Select } from 'antd';
import { AUDIENCE_KIND_LABELS, AUDIENCE_KINDS, type AudienceKind } from '../../../contracts/activities';
import { useGroups, useRosterFacets } from '../members/use-groups';
import { MemberSearchSelect } from './MemberSearchSelect';
import { useClubs } from './use-activity-admin';

const HINTS: Record<AudienceKind, string> = {
  all: '在职且会籍正常的全体会员',
  women: '在职且会籍正常的女会员',
  retirees: '已退休、会籍正常或保留会籍的会员',
  groups: '所选工会小组中在职且会籍正常的会员',
  departments: '所选部门中在职且会籍正常的会员',
  club: '兴趣小组名单上的会员',
  list: '只有选中的人员可以报名',
};

/** 参加对象: who is invited — everyone, women, retirees, chosen groups or departments, a club, or named people. */
export function AudienceFields({ knownNames }: { knownNames?: Record<string, string> }) {
  const kind = (Form.useWatch(['audience', 'kind']) as AudienceKind | undefined) ?? 'all';
  const groups = useGroups();
  const facets = useRosterFacets([]);
  const clubs = useClubs();
  const departments = [...new Set([...facets.departments, ...(groups.data ?? []).map((g) => g.department).filter((d): d is string => !!d)])].sort((a, b) =>
    a.localeCompare(b, 'zh'),
  );

  return (
    <>
      <Form.Item name={['audience', 'kind']} label="参加对象" extra={HINTS[kind]}>
        <Select options={AUDIENCE_KINDS.map((k) => ({ value: k, label: AUDIENCE_KIND_LABELS[k] }))} data-testid="activity-audience-kind" />
      </Form.Item>
      {kind === 'groups' ? (
        <Form.Item name={['audience', 'groupIds']} label="工会小组" rules={[{ required: true, message: '请至少选择一个工会小组' }]}>
          <Select
            mode="multiple"
            placeholder="选择一个或几个工会小组"
            loading={groups.isPending}
            showSearch={{ optionFilterProp: 'label' }}
            options={(groups.data ?? []).map((g) => ({ value: g.id, label: g.name }))}
            data-testid="activity-audience-groups"
          />
        </Form.Item>
      ) : null}
      {kind === 'departments' ? (
        <Form.Item name={['audience', 'departments']} label="部门" rules={[{ required: true, message: '请至少选择一个部门' }]} extra="可从名册中的部门选择，也可直接输入">
          <Select mode="tags" placeholder="选择或输入部门" options={departments.map((d) => ({ value: d, label: d }))} data-testid="activity-audience-departments" />
        </Form.Item>
      ) : null}
      {kind === 'club' ? (
        <Form.Item name={['audience', 'clubId']} label="兴趣小组" rules={[{ required: true, message: '请选择兴趣小组' }]}>
          <Select
            placeholder={clubs.data?.items.length === 0 ? '还没有兴趣小组，请先在“兴趣小组”中建立' : '选择兴趣小组'}
            loading={clubs.isPending}
            options={(clubs.data?.items ?? []).filter((c) => !c.archived).map((c) => ({ value: c.id, label: `${c.name}（${c.memberCount} 人）` }))}
            data-testid="activity-audience-club"
          />
        </Form.Item>
      ) : null}
      {kind === 'list' ? (
        <Form.Item name={['audience', 'memberIds']} label="人员" rules={[{ required: true, message: '请至少选择一人' }]}>
          <MemberSearchSelect isMultiple knownNames={knownNames} testId="activity-audience-members" />
        </Form.Item>
      ) : null}
    </>
  );
}
