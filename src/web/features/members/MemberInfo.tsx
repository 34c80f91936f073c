import type { ReactNode } from 'react';
import { Descriptions, Tag } from 'antd';
import { GENDER_LABELS, POST_TYPE_LABELS } from '../../../contracts/members';
import type { MemberView } from './member-types';
import { StatusTags } from './StatusTags';

const dash = (v: ReactNode) => (v === null || v === undefined || v === '' ? '—' : v);

/**
 * Every field of a member's file. Phone and ID numbers are shown exactly as the server sent them (masked for
 * roles that may not see them). One column on a phone, up to three on a desktop.
 */
export function MemberInfo({ member: m }: { member: MemberView }) {
  const birth = m.birthDate ? `${m.birthDate}${m.isLunarBirthday ? '（按农历过生日）' : ''}` : null;
  return (
    <Descriptions
      bordered
      size="small"
      column={{ xs: 1, sm: 1, md: 2, xl: 3 }}
      data-testid="member-info"
      items={[
        { key: 'name', label: '姓名', children: m.name },
        { key: 'gender', label: '性别', children: dash(m.gender ? GENDER_LABELS[m.gender] : null) },
        { key: 'age', label: '年龄', children: dash(m.age === null ? null : `${m.age} 岁`) },
        { key: 'birthDate', label: '出生日期', children: dash(birth) },
        { key: 'idCard', label: '身份证号', children: dash(m.idCard) },
        { key: 'phone', label: '手机号', children: dash(m.phone) },
        { key: 'staffNo', label: '工号', children: dash(m.staffNo) },
        { key: 'department', label: '部门', children: dash(m.department) },
        { key: 'group', label: '工会小组', children: dash(m.groupName) },
        { key: 'postType', label: '岗位类别', children: POST_TYPE_LABELS[m.postType] },
        { key: 'joinedOn', label: '入会时间', children: dash(m.joinedOn) },
        { key: 'status', label: '状态', children: <StatusTags member={m} withTags={false} /> },
        {
          key: 'tags',
          label: '标签',
          children: m.tags.length ? m.tags.map((t) => <Tag key={t}>{t}</Tag>) : '—',
        },
        { key: 'account', label: '登录账号', children: m.hasAccount ? '已开通' : '未开通' },
        { key: 'note', label: '备注', children: <span style={{ whiteSpace: 'pre-wrap' }}>{dash(m.note)}</span>, span: 'filled' },
      ]}
    />
  );
}
