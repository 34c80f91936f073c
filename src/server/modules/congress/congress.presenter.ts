import type { z } from 'zod';
import { TERM_FORM_LABELS, type attendanceFiguresSchema, type compositionSchema, type sessionSummarySchema, type termSummarySchema, type VoteChoice, type VoteView } from '../../../contracts/congress.js';
import { composition, quorum, quorumProblem } from '../../../domain/congress/index.js';
import { ageOn, todayInShanghai } from '../../../domain/dates.js';
import { instant } from '../activities/activities.presenter.js';
import type { RepresentativeListRow, SessionRow, TermRow, VoteRow } from './congress.repository.js';

const DIGITS = '零一二三四五六七八九';

/** 1 → 一, 10 → 十, 12 → 十二, 23 → 二十三 (届次 and 会次 up to 99). */
export function chineseNumber(n: number): string {
  if (n < 10) return DIGITS[n];
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens === 1 ? '' : DIGITS[tens]}十${ones === 0 ? '' : DIGITS[ones]}`;
}

/** "第三届教职工代表大会" / "第二届教职工大会". */
export const termLabel = (t: Pick<TermRow, 'number' | 'form'>) => `第${chineseNumber(t.number)}届${TERM_FORM_LABELS[t.form]}`;

/** "第三届教职工代表大会第二次会议". */
export const defaultSessionTitle = (t: Pick<TermRow, 'number' | 'form'>, number: number) => `${termLabel(t)}第${chineseNumber(number)}次会议`;

/**
 * The current term: the latest-numbered one that has started (a term elected early supersedes the one before it);
 * null when none has started yet.
 */
export function currentTermId(terms: readonly Pick<TermRow, 'id' | 'number' | 'startsOn'>[], today = todayInShanghai()): string | null {
  const started = terms.filter((t) => t.startsOn <= today).sort((a, b) => b.number - a.number);
  return started[0]?.id ?? null;
}

/** The quorum with its sentence: "实到 44 人，未达到应到 67 人的三分之二（45 人），还需 1 人到会才能表决". */
export function quorumView(present: number, expected: number) {
  const q = quorum(present, expected);
  const text = quorumProblem(present, expected) ?? `实到 ${present} 人，达到应到 ${expected} 人的三分之二（${q.required} 人），可以表决`;
  return { ...q, text };
}

/** 应到 / 实到 / 缺席 / 未签到 and the quorum. */
export function figuresView(c: { expected: number; present: number; absent: number }): z.infer<typeof attendanceFiguresSchema> {
  return { ...c, notYet: Math.max(0, c.expected - c.present - c.absent), quorum: quorumView(c.present, c.expected) };
}

const percentText = (n: number, d: number) => (d === 0 ? '—' : `${(Math.round((n * 1000) / d) / 10).toFixed(1)}%`);

/** The composition of the active mandates against the term's policy, with the women's share in words. */
export function compositionView(term: TermRow, rows: readonly RepresentativeListRow[]): z.infer<typeof compositionSchema> {
  const active = rows.filter((r) => r.rep.status === 'active');
  const c = composition(
    active.map((r) => ({ category: r.rep.category, isLeader: r.rep.isLeader, gender: r.gender, birthDate: r.birthDate, kind: r.rep.kind })),
    { teacherMinPercent: term.teacherMinPercent, leaderMaxPercent: term.leaderMaxPercent },
    todayInShanghai(),
  );
  return { ...c, womenText: `女代表 ${c.women} / ${c.total} = ${percentText(c.women, c.total)}` };
}

/** A term's list line. */
export function termSummary(t: TermRow, extra: { isCurrent: boolean; voters: number; sessionCount: number }): z.infer<typeof termSummarySchema> {
  return {
    id: t.id,
    number: t.number,
    label: termLabel(t),
    form: t.form,
    years: t.years,
    startsOn: t.startsOn,
    endsOn: t.endsOn,
    isCurrent: extra.isCurrent,
    policy: { teacherMinPercent: t.teacherMinPercent, leaderMaxPercent: t.leaderMaxPercent, cosignersMin: t.cosignersMin, replyWeeks: t.replyWeeks },
    voters: extra.voters,
    sessionCount: extra.sessionCount,
  };
}

/** Whether proposals may be collected for the session at `now`. */
export const isProposalWindowOpen = (s: Pick<SessionRow, 'proposalsOpenAt' | 'proposalsCloseAt'>, now: Date) =>
  s.proposalsOpenAt !== null && s.proposalsCloseAt !== null && now >= s.proposalsOpenAt && now < s.proposalsCloseAt;

/** A session's list line. */
export function sessionSummary(s: SessionRow, now = new Date()): z.infer<typeof sessionSummarySchema> {
  return {
    id: s.id,
    termId: s.termId,
    number: s.number,
    title: s.title,
    startsAt: instant(s.startsAt),
    place: s.place,
    status: s.status,
    proposalsOpenAt: s.proposalsOpenAt ? instant(s.proposalsOpenAt) : null,
    proposalsCloseAt: s.proposalsCloseAt ? instant(s.proposalsCloseAt) : null,
    isProposalWindowOpen: isProposalWindowOpen(s, now),
  };
}

/** What the viewer's standing lets them do with a vote. */
export interface VoteViewer {
  canManage: boolean;
  /** Why the viewer cannot vote online now, or null when they can (ignored once they have voted). */
  voteRefusal: string | null;
  /** Undefined: the viewer has not voted; null: voted in a secret vote (the choice is not kept with the voter). */
  ballot: VoteChoice | null | undefined;
}

/**
 * A vote as the API shows it: while open only how many have voted online; the figures and the reasoning once
 * closed; the paper totals before closing to managers only.
 */
export function voteView(v: VoteRow, ballots: number, viewer: VoteViewer): VoteView {
  const isClosed = v.status === 'closed';
  const result = v.result as { text?: string } | null;
  const hasVoted = viewer.ballot !== undefined;
  const canVote = v.status === 'open' && v.channel === 'online' && !hasVoted && viewer.voteRefusal === null;
  return {
    id: v.id,
    sessionId: v.sessionId,
    agendaItemId: v.agendaItemId,
    title: v.title,
    mode: v.mode,
    channel: v.channel,
    status: v.status,
    base: v.base,
    present: v.present,
    ballots: v.channel === 'online' && v.status !== 'draft' ? ballots : null,
    yes: isClosed ? v.yes : null,
    no: isClosed ? v.no : null,
    abstain: isClosed ? v.abstain : null,
    passed: isClosed ? v.passed : null,
    resultText: isClosed ? (result?.text ?? null) : null,
    paperTally: !isClosed && viewer.canManage && v.channel === 'paper' && v.yes !== null ? { yes: v.yes, no: v.no ?? 0, abstain: v.abstain ?? 0 } : null,
    openedAt: v.openedAt ? instant(v.openedAt) : null,
    closedAt: v.closedAt ? instant(v.closedAt) : null,
    me: { hasVoted, choice: viewer.ballot ?? null, canVote, reason: hasVoted || canVote ? null : viewer.voteRefusal },
    can: {
      open: viewer.canManage && v.status === 'draft',
      close: viewer.canManage && v.status === 'open',
      enterPaper: viewer.canManage && v.status === 'open' && v.channel === 'paper',
      delete: viewer.canManage && v.status === 'draft',
    },
  };
}

/** A representative's age today, or null without a birth date. */
export const ageToday = (birthDate: string | null) => (birthDate ? ageOn(birthDate, todayInShanghai()) : null);
