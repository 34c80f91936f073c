/** One event of the audit trail as GET /audit returns it. */
export interface AuditEvent {
  id: number;
  at: string;
  actorId: string | null;
  actorName: string;
  orgId: string | null;
  orgName: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  entityLabel: string | null;
  changes: unknown;
}

/** GET /audit: one page of events, newest first. */
export interface AuditPageData {
  total: number;
  items: AuditEvent[];
}

/** The kinds of object an event can be about, as the filter offers them. */
export const ENTITY_TYPE_LABELS: Record<string, string> = {
  member: '会员',
  org: '组织',
  role: '角色',
  user: '账号',
  member_import: '导入',
  member_export: '导出',
  hardship_file: '困难职工档案',
  assistance: '帮扶记录',
  proposal: '提案',
  proposal_export: '提案导出',
};
