import {
  AGE_BAND_LABELS,
  EMPLOYMENT_STATUS_LABELS,
  FIELD_LABELS,
  GENDER_LABELS,
  MEMBERSHIP_STATUS_LABELS,
  POST_TYPE_LABELS,
} from '../../../contracts/members';
import { ORG_KIND_LABELS } from '../../../contracts/roles';
import { DATE_KIND_LABELS, ITEM_STATUS_LABELS, LINK_KIND_LABELS, PERIOD_KIND_LABELS, PLAN_FIELD_LABELS } from '../../../contracts/plans';
import { COMPARATOR_LABELS, GOAL_METRICS } from '../../../domain/goal-metrics';
import {
  ACTIVITY_FIELD_LABELS,
  ACTIVITY_KIND_LABELS,
  ACTIVITY_STATUS_LABELS,
  ATTENDANCE_SOURCE_LABELS,
  REGISTRATION_STATUS_LABELS,
} from '../../../contracts/activities';
import { CARE_FIELD_LABELS, HARDSHIP_FIELD_LABELS, HARDSHIP_STATUS_LABELS } from '../../../contracts/care';
import { PROPOSAL_KIND_LABELS, PROPOSAL_STATUS_LABELS, RESULT_CODE_LABELS, SIGNER_STATUS_LABELS } from '../../../contracts/proposals';

/** Field names that mean something else outside a member's file, or are not member fields at all. */
const LABELS_BY_ENTITY: Record<string, Record<string, string>> = {
  org: { name: '名称', department: '对应部门', parent: '上级组织', chair: '主席', kind: '组织类型' },
  member_import: { created: '新增人数', updated: '更新人数', file: '文件' },
  member_export: { rows: '导出人数', filters: '筛选条件' },
  member: { fromOrg: '转出单位', toOrg: '转入单位', onDate: '办理日期' },
  plan: { sections: '章节数', goals: '目标数', items: '事项数', headings: '章节', copiedFrom: '复制自', format: '格式' },
  plan_goal: { text: '目标内容' },
  calendar_item: { title: '事项', planId: '所属计划', linkKind: '关联类型', linkId: '关联对象' },
  calendar_feed: { replaced: '替换了旧订阅地址' },
  calendar_export: { from: '开始日期', to: '结束日期', rows: '导出条数' },
  activity: {
    ...ACTIVITY_FIELD_LABELS,
    member: '会员',
    status: '状态',
    reason: '取消原因',
    source: '来源',
    added: '登记出勤',
    removed: '取消出勤',
    series: '重复',
    rows: '人数',
    file: '文件',
    size: '大小（字节）',
  },
  activity_type: { name: '名称', kind: '类别', archived: '已停用' },
  activity_export: { from: '开始日期', to: '结束日期', rows: '活动项数' },
  club: { name: '名称', description: '简介', leader: '组长', archived: '已停用', joined: '加入', left: '退出', memberCount: '成员人数' },
  hardship_file: {
    ...CARE_FIELD_LABELS,
    ...HARDSHIP_FIELD_LABELS,
    memberId: '会员',
    from: '复核自档案',
    closedReason: '销档理由',
    level: '困难类别',
    povertyLineFen: '低保线',
    perCapitaMonthlyFen: '人均月收入',
    reviewDueOn: '复核日期',
    files: '证明材料',
    household: '家庭成员',
    status: '状态',
  },
  assistance: { ...CARE_FIELD_LABELS, ...HARDSHIP_FIELD_LABELS, memberId: '会员' },
  proposal: {
    session: '会议',
    title: '案由',
    category: '类别',
    reasons: '理由',
    suggestions: '建议',
    cosigners: '附议人数',
    cosignersAdded: '新邀请附议人',
    cosignersRemoved: '移除附议人',
    cosigner: '附议人',
    decision: '附议',
    status: '状态',
    kind: '类型',
    why: '原因',
    reason: '理由',
    number: '编号',
    mergedInto: '并入',
    round: '办理轮次',
    rounds: '办理轮次',
    lead: '主办部门',
    assist: '协办部门',
    responsibleLeader: '责任领导',
    replyDueOn: '答复期限',
    resultCode: '答复结果',
    onTime: '按期答复',
    rater: '评价人',
    rating: '评价',
    note: '督办意见',
    file: '文件',
    size: '大小（字节）',
    replyRound: '答复轮次',
  },
  proposal_export: { session: '会议', rows: '提案件数' },
};

/** Code values whose names depend on the record: a proposal's 'submitted' is 待审查, a hardship file's 待审批. */
const VALUE_LABELS_BY_ENTITY: Record<string, Record<string, Record<string, string>>> = {
  proposal: {
    status: PROPOSAL_STATUS_LABELS,
    kind: PROPOSAL_KIND_LABELS,
    decision: SIGNER_STATUS_LABELS,
    resultCode: Object.fromEntries(Object.entries(RESULT_CODE_LABELS).map(([code, label]) => [code, `${code} ${label}`])),
  },
};

/** Code values that the trail stores as codes (enums), shown by their Chinese names. */
const VALUE_LABELS: Record<string, Record<string, string>> = {
  gender: GENDER_LABELS,
  postType: POST_TYPE_LABELS,
  employmentStatus: EMPLOYMENT_STATUS_LABELS,
  membershipStatus: MEMBERSHIP_STATUS_LABELS,
  kind: { ...ACTIVITY_KIND_LABELS, ...ORG_KIND_LABELS },
  ageBand: AGE_BAND_LABELS,
  periodKind: PERIOD_KIND_LABELS,
  // Registration and activity states share the field name with calendar items; the item's words win on 'cancelled'.
  status: { ...HARDSHIP_STATUS_LABELS, ...REGISTRATION_STATUS_LABELS, ...ACTIVITY_STATUS_LABELS, ...ITEM_STATUS_LABELS },
  source: ATTENDANCE_SOURCE_LABELS,
  dateKind: DATE_KIND_LABELS,
  linkKind: LINK_KIND_LABELS,
  comparator: COMPARATOR_LABELS,
  metric: Object.fromEntries(Object.entries(GOAL_METRICS).map(([id, m]) => [id, m.label])),
};

/** The Chinese name of a changed field of an entity type. */
export function fieldLabel(entityType: string, field: string): string {
  return LABELS_BY_ENTITY[entityType]?.[field] ?? FIELD_LABELS[field] ?? PLAN_FIELD_LABELS[field] ?? field;
}

/** One value as a person reads it; `groupName` turns a 工会小组 id into its name; `entityType` picks the record's own code names. */
export function formatValue(field: string, value: unknown, groupName: (id: string) => string | undefined, entityType = ''): string {
  if (value === null || value === undefined || value === '') return '（空）';
  if (Array.isArray(value)) return value.length ? value.map(String).join('、') : '（空）';
  if (typeof value === 'boolean') return value ? '是' : '否';
  if (typeof value === 'string') {
    if (field === 'groupId') return groupName(value) ?? '（已删除的小组）';
    return VALUE_LABELS_BY_ENTITY[entityType]?.[field]?.[value] ?? VALUE_LABELS[field]?.[value] ?? value;
  }
  if (field === 'filters' && typeof value === 'object') {
    // An export's filters, as the roster's filter bar names them; the sort order is not a filter.
    const parts = Object.entries(value as Record<string, unknown>)
      .filter(([k, v]) => k !== 'sort' && v !== undefined && v !== '')
      .map(([k, v]) => `${FIELD_LABELS[k] ?? k}：${formatValue(k, v, groupName)}`);
    return parts.length ? parts.join('，') : '全部会员';
  }
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/** Fields in the order a member's file reads; the database returns JSON keys in its own order. */
const FIELD_ORDER = [
  'name', 'gender', 'birthDate', 'isLunarBirthday', 'idCard', 'phone', 'staffNo', 'department', 'groupId', 'postType',
  'employmentStatus', 'membershipStatus', 'joinedOn', 'tags', 'note', 'fromOrg', 'toOrg', 'onDate',
  'kind', 'parent', 'chair', 'role', 'portfolio', 'created', 'updated', 'file',
];
const rank = (field: string) => {
  const i = FIELD_ORDER.indexOf(field);
  return i === -1 ? FIELD_ORDER.length : i;
};

const isEmpty = (v: unknown) => v === null || v === undefined || v === '' || (Array.isArray(v) && v.length === 0);

/**
 * The changes of an event ({field: {from, to}}) as readable lines: "手机号：138****0001 → 139****0002". A
 * creation lists just the values it set ("工号：T2001"), and a line with nothing on either side is left out.
 */
export function changeLines(
  event: { action: string; entityType: string; changes: unknown },
  groupName: (id: string) => string | undefined,
): string[] {
  const { changes, entityType } = event;
  if (!changes || typeof changes !== 'object' || Array.isArray(changes)) return [];
  const isCreation = /\.(created|transferred_in)$/.test(event.action);
  const lines: [number, string][] = [];
  for (const [field, change] of Object.entries(changes as Record<string, unknown>)) {
    const label = fieldLabel(entityType, field);
    const show = (v: unknown) => formatValue(field, v, groupName, entityType);
    let line: string | null;
    if (change && typeof change === 'object' && !Array.isArray(change) && ('from' in change || 'to' in change)) {
      const { from, to } = change as { from?: unknown; to?: unknown };
      if (isEmpty(from) && isEmpty(to)) line = null;
      else if (isCreation || !('from' in change)) line = isEmpty(to) || (isCreation && to === false) ? null : `${label}：${show(to)}`;
      else if (!('to' in change)) line = `${label}：${show(from)}`;
      else line = `${label}：${show(from)} → ${show(to)}`;
    } else if (change && typeof change === 'object' && (change as { changed?: unknown }).changed === true) {
      // Private records (hardship files, assistance) are audited by field name only: what changed, never the value.
      line = `${label}：${isCreation ? '已填写' : '已变更'}（内容不记录）`;
    } else {
      line = isEmpty(change) ? null : `${label}：${show(change)}`;
    }
    if (line) lines.push([rank(field), line]);
  }
  // Array.prototype.sort is stable: fields outside FIELD_ORDER keep the order they came in.
  return lines.sort((a, b) => a[0] - b[0]).map(([, line]) => line);
}
