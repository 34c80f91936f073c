import type { MemberView } from './member-types';

/** Chinese names of the kinds of history entry the server records (member_history.kind). */
export const HISTORY_KIND_LABELS: Record<string, string> = {
  created: '建档',
  imported: '导入',
  transfer_in: '转入',
  transfer_out: '转出',
  retired: '退休',
  status_change: '状态变更',
  group_change: '调整小组',
};

/** Timeline dot colour per history kind: leaving is red, arriving green, the rest neutral. */
export const HISTORY_KIND_COLORS: Record<string, string> = {
  created: 'green',
  imported: 'green',
  transfer_in: 'green',
  transfer_out: 'red',
  retired: 'gray',
  status_change: 'blue',
  group_change: 'blue',
};

/** Tag colours for employment status: only the unusual states stand out. */
export const EMPLOYMENT_STATUS_COLORS: Record<MemberView['employmentStatus'], string> = {
  active: 'green',
  retired: 'default',
  transferred: 'orange',
  deceased: 'default',
};

/** Tag colours for membership status. */
export const MEMBERSHIP_STATUS_COLORS: Record<MemberView['membershipStatus'], string> = {
  normal: 'blue',
  reserved: 'purple',
  transferred_out: 'orange',
  withdrawn: 'default',
};

/** Tags chairs use most, offered as suggestions (any other tag can still be typed). */
export const COMMON_TAGS = ['女职工', '青年教师', '退休', '劳模', '困难职工', '班主任', '党员'];
