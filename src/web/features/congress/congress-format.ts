import { AGENDA_KIND_LABELS, AGENDA_KINDS, REPRESENTATIVE_KIND_LABELS, type SessionStatus, type TermForm } from '../../../contracts/congress';
import { dayLabel, momentLabel, shanghaiClock } from '../activity-admin/activity-time';
import type { AttendanceFigures, AttendanceRow, Representative, TermListItem } from './congress-types';

const DIGITS = '零一二三四五六七八九';

/** 1 → 一, 10 → 十, 12 → 十二, 23 → 二十三 (会次 up to 99), as the server numbers sessions. */
export function chineseNumber(n: number): string {
  if (n < 10) return DIGITS[n];
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens === 1 ? '' : DIGITS[tens]}十${ones === 0 ? '' : DIGITS[ones]}`;
}

/** The title the server gives the next session when none is typed: "第三届教职工代表大会第二次会议". */
export const nextSessionTitle = (termLabel: string, lastNumber: number) => `${termLabel}第${chineseNumber(lastNumber + 1)}次会议`;

/** Tag colours of a session's state. */
export const SESSION_STATUS_COLORS: Record<SessionStatus, string> = { planned: 'blue', open: 'green', closed: 'default' };

/** The agenda kinds as select options. */
export const AGENDA_KIND_OPTIONS = AGENDA_KINDS.map((k) => ({ value: k, label: AGENDA_KIND_LABELS[k] }));

/** "12月3日 周三 14:30": when a session starts. */
export function sessionTimeLabel(startsAt: string): string {
  const c = shanghaiClock(startsAt);
  return `${dayLabel(c)} ${c.format('HH:mm')}`;
}

/** The proposal window: "11月14日 08:00 至 12月5日 17:00", or null when the session collects none. */
export function proposalWindowLabel(opensAt: string | null, closesAt: string | null): string | null {
  if (!opensAt || !closesAt) return null;
  return `${momentLabel(opensAt)} 至 ${momentLabel(closesAt)}`;
}

/** Where I stand in a term, in one sentence for the top of the member page. */
export function standingText(me: TermListItem['me'], form: TermForm): string {
  if (!me.memberId) return '您的账号未关联会员档案，可以查看会议与表决结果。';
  if (form === 'all_staff') return me.isVoter ? '本届为教职工大会，您是表决人员，请按时参会、签到和表决。' : '本届为教职工大会，您目前不在表决人员范围内（须在职且会籍正常）。';
  const rep = me.representative;
  if (!rep) return '您不是本届教代会代表，可以查看会议与表决结果。';
  const where = rep.constituencyName ? `（${rep.constituencyName}）` : '';
  if (rep.kind === 'representative') return `您是本届${REPRESENTATIVE_KIND_LABELS.representative}${where}，请按时参会、签到和表决。`;
  return `您是本届${REPRESENTATIVE_KIND_LABELS[rep.kind]}，可以参会和签到，不参加表决。`;
}

/** "应到 30 人，实到 28 人，缺席 2 人，未签到 0 人". */
export function figuresLine(f: Pick<AttendanceFigures, 'expected' | 'present' | 'absent' | 'notYet'>): string {
  return `应到 ${f.expected} 人，实到 ${f.present} 人，缺席 ${f.absent} 人，未签到 ${f.notYet} 人`;
}

/** One constituency's block of representatives; `id` null holds those without one (特邀、列席 and the unassigned). */
export interface ConstituencyBlock {
  id: string | null;
  name: string;
  items: Representative[];
}

/**
 * The representatives by constituency, in the term's order of constituencies (empty ones kept, so a new one shows),
 * then the rest under "未分代表团". Ended mandates are left out unless asked for.
 */
export function blocksOf(constituencies: readonly { id: string; name: string }[], items: readonly Representative[], isEndedShown: boolean): ConstituencyBlock[] {
  const shown = items.filter((r) => isEndedShown || r.status === 'active');
  const blocks: ConstituencyBlock[] = constituencies.map((c) => ({ id: c.id, name: c.name, items: shown.filter((r) => r.constituencyId === c.id) }));
  const known = new Set(constituencies.map((c) => c.id));
  const rest = shown.filter((r) => r.constituencyId === null || !known.has(r.constituencyId));
  if (rest.length > 0) blocks.push({ id: null, name: '未分代表团（含特邀、列席代表）', items: rest });
  return blocks;
}

/** The views of the attendance roster. */
export const ROSTER_VIEWS = ['all', 'notYet', 'present', 'absent', 'nonVoting'] as const;
export type RosterView = (typeof ROSTER_VIEWS)[number];
export const ROSTER_VIEW_LABELS: Record<RosterView, string> = { all: '全部', notYet: '未签到', present: '出席', absent: '缺席', nonVoting: '特邀、列席' };

/** Whether a roster row belongs in a view; 特邀、列席 people are listed apart since they do not count in 应到. */
export function isInRosterView(row: Pick<AttendanceRow, 'status' | 'isVoter'>, view: RosterView): boolean {
  switch (view) {
    case 'all':
      return true;
    case 'notYet':
      return row.isVoter && row.status === null;
    case 'present':
      return row.status === 'present';
    case 'absent':
      return row.status === 'absent';
    case 'nonVoting':
      return !row.isVoter;
  }
}
