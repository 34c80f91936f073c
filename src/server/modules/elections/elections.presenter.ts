import { ELECTION_MEETING_LABELS, type Candidate, type ElectionSummary, type Round, type RoundOutcome } from '../../../contracts/elections.js';
import { quorum } from '../../../domain/congress/index.js';
import { byStroke, electionQuorumProblem } from '../../../domain/election/index.js';
import type { CandidateListRow, ElectionRow, RoundRow } from './elections.repository.js';

/** The meeting an election is held at, in words: the congress session's title or "会员大会". */
export const meetingLabel = (e: Pick<ElectionRow, 'meetingKind'>, sessionTitle: string | undefined) =>
  e.meetingKind === 'congress' ? (sessionTitle ?? ELECTION_MEETING_LABELS.congress) : ELECTION_MEETING_LABELS.members;

/** An election's list line. */
export function electionSummary(e: ElectionRow, extra: { meetingLabel: string; candidateCount: number; roundCount: number }): ElectionSummary {
  return { id: e.id, title: e.title, position: e.position, seats: e.seats, status: e.status, ...extra };
}

/** 应到 / 实到 with the quorum in words. */
export function attendanceView(c: { due: number; present: number }) {
  const text = electionQuorumProblem(c.present, c.due) ?? `实到 ${c.present} 人，达到应到 ${c.due} 人的三分之二（${quorum(c.present, c.due).required} 人），可以投票`;
  return { due: c.due, present: c.present, quorumText: text };
}

/** The candidates in stroke order of the surname (姓氏笔画), as the contract shows them. */
export function candidateViews(rows: readonly CandidateListRow[]): Candidate[] {
  return byStroke([...rows], (r) => r.name).map((r) => ({ id: r.id, memberId: r.memberId, name: r.name, gender: r.gender, note: r.note }));
}

/** A round as the viewer sees it; the outcome only once counted. */
export function roundView(r: RoundRow, onlineCast: number, me: Round['me']): Round {
  return {
    id: r.id,
    number: r.number,
    seats: r.seats,
    candidateIds: r.candidateIds as string[],
    status: r.status,
    due: r.due,
    present: r.present,
    paperIssued: r.paperIssued,
    paperReturned: r.paperReturned,
    onlineCast,
    outcome: r.status === 'counted' ? (r.outcome as RoundOutcome) : null,
    me,
  };
}

/** The winners of the counted rounds, in the order they were elected. */
export function winnersOf(rounds: readonly RoundRow[]): { candidateId: string | null; name: string; yes: number; round: number }[] {
  return rounds.filter((r) => r.status === 'counted' && r.outcome).flatMap((r) => (r.outcome as RoundOutcome).elected.map((w) => ({ ...w, round: r.number })));
}
