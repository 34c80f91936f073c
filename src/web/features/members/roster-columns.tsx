import type { TableColumnsType } from 'antd';
import { Link } from 'react-router-dom';
import { GENDER_LABELS, POST_TYPE_LABELS } from '../../../contracts/members';
import type { MemberView } from './member-types';
import { StatusTags } from './StatusTags';

const dash = (v: string | number | null | undefined) => (v === null || v === undefined || v === '' ? '—' : v);

/** The roster table's columns; phone numbers come already masked from the server where the role requires it. */
export const ROSTER_TABLE_COLUMNS: TableColumnsType<MemberView> = [
  {
    title: '姓名',
    dataIndex: 'name',
    width: 110,
    fixed: 'start',
    render: (name: string, m) => (
      <Link to={`/members/${m.id}`} data-testid="roster-member-link">
        {name}
      </Link>
    ),
  },
  { title: '性别', dataIndex: 'gender', width: 64, render: (g: MemberView['gender']) => (g ? GENDER_LABELS[g] : '—') },
  { title: '年龄', dataIndex: 'age', width: 64, render: dash },
  { title: '工号', dataIndex: 'staffNo', width: 100, render: dash },
  { title: '手机', dataIndex: 'phone', width: 130, render: dash },
  { title: '部门', dataIndex: 'department', width: 120, render: dash },
  { title: '工会小组', dataIndex: 'groupName', width: 120, render: dash },
  { title: '岗位', dataIndex: 'postType', width: 72, render: (p: MemberView['postType']) => POST_TYPE_LABELS[p] },
  { title: '状态', key: 'status', render: (_: unknown, m) => <StatusTags member={m} /> },
];
