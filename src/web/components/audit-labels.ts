/** Chinese names of the audit action codes written by the server (audit_events.action). */
export const AUDIT_ACTION_LABELS: Record<string, string> = {
  'member.created': '新增会员',
  'member.updated': '修改会员档案',
  'member.imported': '导入会员',
  'member.exported': '导出名册',
  'member.retired': '办理退休',
  'member.transferred_out': '办理转出',
  'member.transferred_in': '办理转入',
  'org.created': '新建组织',
  'org.updated': '修改组织',
  'org.deleted': '删除组织',
  'role.assigned': '任命角色',
  'role.removed': '撤销角色',
  'auth.login': '登录',
  'user.password_changed': '修改密码',
  'user.password_reset': '重置密码',
  'demo.seeded': '载入示例数据',
  'plan.created': '新建工作计划',
  'plan.updated': '修改工作计划',
  'plan.deleted': '删除工作计划',
  'plan.copied': '复制工作计划',
  'plan.sectionsReplaced': '修改计划正文',
  'plan.exported': '导出工作计划',
  'goal.created': '新增计划目标',
  'goal.updated': '修改计划目标',
  'goal.deleted': '删除计划目标',
  'calendarItem.created': '新增行事历事项',
  'calendarItem.updated': '修改行事历事项',
  'calendarItem.deleted': '删除行事历事项',
  'calendar.exported': '导出行事历',
  'calendarFeed.created': '生成行事历订阅链接',
  'calendarFeed.revoked': '停用行事历订阅链接',
};

/** The Chinese name of an audit action; an unknown code is shown as it is rather than hidden. */
export function auditActionLabel(action: string): string {
  return AUDIT_ACTION_LABELS[action] ?? action;
}
