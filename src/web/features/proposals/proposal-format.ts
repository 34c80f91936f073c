import { RATING_LABELS, RESULT_CODE_LABELS } from '../../../contracts/proposals';
import { assertNever } from '../../../domain/policy';
import { ApiError } from '../../lib/api';
import { formatShanghaiTime } from '../../lib/time';
import type { ProposalDetail, ProposalSession, ProposalStatus, ProposalSummary, Rating, ResultCode } from './proposal-types';

/** The tag colour of a state: blue while moving, orange when it waits on someone, green when done, grey when ended. */
export function statusColor(status: ProposalStatus): string | undefined {
  switch (status) {
    case 'draft':
      return undefined;
    case 'submitted':
      return 'orange';
    case 'accepted':
    case 'assigned':
      return 'blue';
    case 'replied':
      return 'gold';
    case 'closed':
      return 'green';
    case 'rejected':
      return 'red';
    case 'merged':
    case 'converted':
      return 'purple';
    case 'withdrawn':
      return undefined;
    default:
      return assertNever(status);
  }
}

/** The tag colour of a result code: A green, B blue, C orange, D grey. */
export const RESULT_COLORS: Record<ResultCode, string | undefined> = { A: 'green', B: 'blue', C: 'orange', D: undefined };
/** The tag colour of a rating. */
export const RATING_COLORS: Record<Rating, string> = { satisfied: 'green', basic: 'blue', unsatisfied: 'red' };

/** "A 已解决". */
export const resultText = (code: ResultCode) => `${code} ${RESULT_CODE_LABELS[code]}`;
/** "满意". */
export const ratingText = (r: Rating) => RATING_LABELS[r];

const DIGITS = '零一二三四五六七八九';

/** 3 → "三", 12 → "十二", 25 → "二十五", as terms and sessions are named (第三届); 100 and beyond stay digits. */
export function chineseNumber(n: number): string {
  if (!Number.isInteger(n) || n < 0 || n > 99) return String(n);
  if (n < 10) return DIGITS[n];
  const tens = Math.floor(n / 10);
  return `${tens === 1 ? '' : DIGITS[tens]}十${n % 10 ? DIGITS[n % 10] : ''}`;
}

/** "第3号 食堂增加晚餐供应", or the title alone before it is numbered. */
export function proposalName(p: { number: number | null; title: string }): string {
  return p.number ? `第${p.number}号 ${p.title}` : p.title;
}

/** "11月28日 17:00" (the year when it is not this year's), in Asia/Shanghai. */
export function clockText(iso: string, now = new Date()): string {
  const [day, time] = formatShanghaiTime(iso, false).split(' ');
  const [y, m, d] = day.split('-').map(Number);
  const thisYear = Number(formatShanghaiTime(now.toISOString(), false).slice(0, 4));
  return `${y === thisYear ? '' : `${y}年`}${m}月${d}日 ${time}`;
}

/** A YYYY-MM-DD day as "2027年1月8日". */
export function dayText(day: string): string {
  const [y, m, d] = day.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

/** A session's collection window in words: "征集中，11月28日 17:00 截止", "征集已截止" … */
export function windowText(s: Pick<ProposalSession, 'proposalsOpenAt' | 'proposalsCloseAt' | 'isWindowOpen'>, now = new Date()): string {
  if (!s.proposalsOpenAt || !s.proposalsCloseAt) return '未设置提案征集时间';
  if (s.isWindowOpen) return `提案征集中，${clockText(s.proposalsCloseAt, now)} 截止`;
  if (now.getTime() < new Date(s.proposalsOpenAt).getTime()) return `提案征集 ${clockText(s.proposalsOpenAt, now)} 开始`;
  return `提案征集已于 ${clockText(s.proposalsCloseAt, now)} 截止`;
}

/** The co-signers in words: "附议 2/2 人已确认", "附议 1/2 人已确认，1 人待确认". */
export function cosignText(c: ProposalSummary['cosigners']): string {
  const waiting = c.invited > 0 ? `，${c.invited} 人待确认` : '';
  return `附议 ${c.confirmed}/${c.required} 人已确认${waiting}`;
}

/** True when enough co-signers confirmed for it to go in as a proposal. */
export const hasEnoughCosigners = (c: ProposalSummary['cosigners']) => c.confirmed >= c.required;

/** The reply deadline while a department holds it: "还剩 12 天", "今天到期", "已逾期 3 天"; null otherwise. */
export function deadlineText(p: Pick<ProposalSummary, 'daysLeft' | 'replyDueOn'>): string | null {
  if (p.daysLeft === null || !p.replyDueOn) return null;
  if (p.daysLeft < 0) return `已逾期 ${-p.daysLeft} 天`;
  if (p.daysLeft === 0) return '今天到期';
  return `还剩 ${p.daysLeft} 天`;
}

/** The colour of a deadline: red overdue, orange within three days, blue otherwise. */
export function deadlineColor(daysLeft: number | null): string | undefined {
  if (daysLeft === null) return undefined;
  if (daysLeft < 0) return 'red';
  return daysLeft <= 3 ? 'orange' : 'blue';
}

/** A rate as a percentage ("66.7%"), or "—" when there is nothing to divide. */
export function rateText(rate: number | null): string {
  return rate === null ? '—' : `${(Math.round(rate * 1000) / 10).toFixed(1)}%`;
}

/** One step of a proposal's life as the timeline shows it. */
export interface TimelineStep {
  key: string;
  title: string;
  description?: string;
  status: 'finish' | 'process' | 'wait' | 'error';
}

const ENDED_REVIEW: Partial<Record<ProposalStatus, string>> = { merged: '已并案', converted: '转为意见建议', rejected: '不予立案' };

/** What the proposer's rating of a round did, as the timeline says it. */
function ratingStep(p: ProposalDetail, round: number): TimelineStep {
  const mine = p.ratings.find((r) => r.round === round && r.isProposer);
  const title = round === 2 ? '第二轮评价' : '评价';
  if (mine) {
    const next = round === 1 && mine.rating === 'unsatisfied' ? '，退回再次办理' : '';
    return { key: `rate-${round}`, title, description: `提案人：${ratingText(mine.rating)}${next}`, status: mine.rating === 'unsatisfied' ? 'error' : 'finish' };
  }
  const isWaiting = p.status === 'replied' && p.round === round;
  return { key: `rate-${round}`, title, description: isWaiting ? '等待提案人评价' : undefined, status: isWaiting ? 'process' : 'wait' };
}

/** What a round's reply did, as the timeline says it. */
function replyStep(p: ProposalDetail, round: number): TimelineStep {
  const reply = p.replies.find((r) => r.round === round);
  const title = round === 2 ? '第二轮答复' : '答复';
  if (reply) return { key: `reply-${round}`, title, description: `${reply.handler}：${resultText(reply.resultCode)}`, status: 'finish' };
  const isWaiting = p.status === 'assigned' && p.round === round;
  const due = isWaiting && p.replyDueOn ? `${dayText(p.replyDueOn)}前答复` : undefined;
  return { key: `reply-${round}`, title, description: due, status: isWaiting ? (p.isOverdue ? 'error' : 'process') : 'wait' };
}

/**
 * The life of a proposal as steps: 起草 → 附议 → 提交 → 审查 → 交办 → 答复 → 评价 (and a second round after 不满意) →
 * 办结. An opinion stops after its review; a withdrawn or refused proposal ends where it stopped.
 */
export function timelineSteps(p: ProposalDetail): TimelineStep[] {
  const isSubmitted = p.submittedAt !== null;
  const steps: TimelineStep[] = [];
  const cosigned = isSubmitted ? `${p.cosigners.confirmed} 人附议` : `${p.cosigners.confirmed}/${p.cosigners.required} 人已确认`;
  if (p.status === 'withdrawn') {
    steps.push({ key: 'draft', title: '起草', status: 'finish' });
    if (isSubmitted) steps.push({ key: 'submit', title: '提交', description: clockText(p.submittedAt!), status: 'finish' });
    steps.push({ key: 'withdraw', title: '已撤回', description: '提案人在审查前撤回', status: 'error' });
    return steps;
  }
  steps.push({ key: 'draft', title: '起草', status: isSubmitted ? 'finish' : 'process' });
  steps.push({ key: 'cosign', title: '附议', description: cosigned, status: isSubmitted || hasEnoughCosigners(p.cosigners) ? 'finish' : 'process' });
  steps.push({
    key: 'submit',
    title: p.kind === 'opinion' && isSubmitted ? '作为意见建议提交' : '提交',
    description: isSubmitted ? clockText(p.submittedAt!) : undefined,
    status: isSubmitted ? 'finish' : 'wait',
  });
  const ended = ENDED_REVIEW[p.status];
  if (ended) {
    steps.push({ key: 'review', title: ended, description: p.review.reason ?? undefined, status: p.status === 'rejected' ? 'error' : 'finish' });
    return steps;
  }
  if (p.kind === 'opinion') {
    steps.push({ key: 'review', title: '审查', description: isSubmitted ? '等待提案工作委员会处理' : undefined, status: isSubmitted ? 'process' : 'wait' });
    return steps;
  }
  const isAccepted = p.number !== null;
  steps.push({
    key: 'review',
    title: isAccepted ? '立案' : '审查',
    description: isAccepted ? `第${p.number}号` : p.status === 'submitted' ? '等待提案工作委员会审查' : undefined,
    status: isAccepted ? 'finish' : p.status === 'submitted' ? 'process' : 'wait',
  });
  const isAssigned = p.assignments.length > 0;
  const lead = p.assignments.find((a) => a.round === 1 && a.role === 'lead');
  steps.push({
    key: 'assign',
    title: '交办',
    description: lead ? `主办：${lead.handler.name}` : p.status === 'accepted' ? '等待交办承办部门' : undefined,
    status: isAssigned ? 'finish' : p.status === 'accepted' ? 'process' : 'wait',
  });
  steps.push(replyStep(p, 1), ratingStep(p, 1));
  if (p.round === 2) steps.push(replyStep(p, 2), ratingStep(p, 2));
  steps.push({ key: 'close', title: '办结', status: p.status === 'closed' ? 'finish' : 'wait' });
  return steps;
}

/** Why a rating matters, for the person about to give it. */
export function ratingHint(p: Pick<ProposalDetail, 'round' | 'myRoles'>): string {
  if (!p.myRoles.includes('proposer')) return '您的评价会记录在案；是否办结由提案人的评价决定。';
  if (p.round === 2) return '这是第二轮答复，评价后提案即办结。';
  return '选“满意”或“基本满意”，提案即办结；选“不满意”，提案退回承办部门再次办理（第二轮，只有一次），第二轮答复后再评价即办结。';
}

/** Why a submission was refused (409 with `details.reasons`), or null for any other failure. */
export function refusalReasons(error: unknown): string[] | null {
  if (!(error instanceof ApiError) || error.status !== 409) return null;
  const reasons = error.details.reasons;
  return Array.isArray(reasons) && reasons.every((r) => typeof r === 'string') ? (reasons as string[]) : null;
}
