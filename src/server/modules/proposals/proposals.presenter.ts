import type { ProposalDetail, ProposalFile, ProposalSession, ProposalSummary } from '../../../contracts/proposals.js';
import { daysBetween } from '../../../domain/care/deadlines.js';
import type { ProposalRow, SessionRow } from './proposals.repository.js';

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

/** Whether a session takes proposals at an instant: its window is set, opened, and not yet closed. */
export function isWindowOpen(s: { proposalsOpenAt: Date | string | null; proposalsCloseAt: Date | string | null }, now: Date): boolean {
  if (s.proposalsOpenAt === null || s.proposalsCloseAt === null) return false;
  return new Date(s.proposalsOpenAt).getTime() <= now.getTime() && now.getTime() <= new Date(s.proposalsCloseAt).getTime();
}

/** A session as the proposal pages show it. */
export function sessionView(s: SessionRow, termNumber: number, now: Date): ProposalSession {
  return {
    id: s.id,
    termId: s.termId,
    termNumber,
    number: s.number,
    title: s.title,
    startsAt: new Date(s.startsAt).toISOString(),
    proposalsOpenAt: iso(s.proposalsOpenAt),
    proposalsCloseAt: iso(s.proposalsCloseAt),
    isWindowOpen: isWindowOpen(s, now),
  };
}

/** A proposal as lists show it; the deadline counts only while a department holds it. */
export function summaryView(p: ProposalRow, today: string): ProposalSummary {
  const isHandling = p.status === 'assigned' && p.replyDueOn !== null;
  const daysLeft = isHandling ? daysBetween(today, p.replyDueOn!) : null;
  return {
    id: p.id,
    number: p.number,
    kind: p.kind,
    status: p.status,
    title: p.title,
    category: p.category,
    session: { id: p.sessionId, title: p.sessionTitle },
    proposer: { id: p.proposerMemberId, name: p.proposerName },
    cosigners: { confirmed: p.confirmed, invited: p.invited, required: p.cosignersMin },
    round: p.round,
    lead: p.leadUserId && p.leadName !== null ? { id: p.leadUserId, name: p.leadName } : null,
    replyDueOn: p.replyDueOn,
    daysLeft,
    isOverdue: daysLeft !== null && daysLeft < 0,
    resultCode: p.resultCode,
    rating: p.rating,
    submittedAt: iso(p.submittedAt),
    updatedAt: new Date(p.updatedAt).toISOString(),
  };
}

/** The parts of a proposal's page beyond its summary. */
export type DetailExtras = Omit<ProposalDetail, keyof ProposalSummary>;

/** A proposal's page. */
export function detailView(p: ProposalRow, today: string, extras: DetailExtras): ProposalDetail {
  return { ...summaryView(p, today), ...extras };
}

/** A file as the page lists it (never its bytes). */
export const fileView = (f: { id: string; name: string; mime: string; size: number; replyRound: number | null }): ProposalFile => ({ ...f });
