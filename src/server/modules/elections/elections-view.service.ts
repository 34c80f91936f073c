import type { ElectionDetail, ElectionSummary } from '../../../contracts/elections.js';
import { candidateRule, startRefusal } from '../../../domain/election/index.js';
import type { Ctx } from '../../http/context.js';
import { canManageElections, electionOrg, loadElection, myMemberId, NO_MEMBER_FILE_MESSAGE, type Org } from './elections.access.js';
import { attendanceView, candidateViews, electionSummary, meetingLabel, roundView, winnersOf } from './elections.presenter.js';
import {
  candidatesOf,
  electionCounts,
  electionsOf,
  officialsOf,
  onlineCastCounts,
  rollCounts,
  rollStanding,
  roundsOf,
  roundsVotedBy,
  sessionTitles,
  type ElectionRow,
  type RoundRow,
} from './elections.repository.js';

/** Where the viewer stands for voting in an election: their member file, a place on the roll, presence. */
export interface VoterStanding {
  memberId: string | null;
  isOnRoll: boolean;
  isPresent: boolean;
}

/** The viewer's standing (before the start nobody is on the roll). */
export async function voterStanding(ctx: Ctx, org: Org, e: ElectionRow): Promise<VoterStanding> {
  const memberId = await myMemberId(ctx, org);
  if (!memberId || e.status === 'draft') return { memberId, isOnRoll: false, isPresent: false };
  return { memberId, ...(await rollStanding(ctx.db, e, memberId)) };
}

/** Why the viewer may not cast an online ballot in the round now, or null; `isEntitlement` marks the 403s (not entitled). */
export function voteRefusal(e: Pick<ElectionRow, 'status' | 'online' | 'meetingKind'>, r: Pick<RoundRow, 'status'>, s: VoterStanding, hasVoted: boolean): { message: string; isEntitlement: boolean } | null {
  if (e.status === 'closed') return { message: '选举已结束', isEntitlement: false };
  if (r.status === 'counted') return { message: '本轮投票已结束', isEntitlement: false };
  if (!e.online) return { message: '本次选举使用纸质选票，请在会场领取并填写选票', isEntitlement: false };
  if (!s.memberId) return { message: NO_MEMBER_FILE_MESSAGE, isEntitlement: true };
  if (!s.isOnRoll) return { message: '您不在本次选举的选举人名单中，不能投票', isEntitlement: true };
  if (!s.isPresent) return { message: e.meetingKind === 'congress' ? '请先签到，签到后才能投票' : '请先到会登记，登记后才能投票', isEntitlement: true };
  if (hasVoted) return { message: '您已在本轮投过票，每人每轮只能投一次', isEntitlement: false };
  return null;
}

/** GET /elections: managers see all; the others those they are on the roll of (or serve as officials of). */
export async function listElections(ctx: Ctx): Promise<ElectionSummary[]> {
  const org = electionOrg(ctx, 'election.read');
  const rows = await electionsOf(ctx.db, org.id, canManageElections(ctx, org) ? undefined : await myMemberId(ctx, org));
  const ids = rows.map((r) => r.id);
  const [counts, titles] = [await electionCounts(ctx.db, ids), await sessionTitles(ctx.db, rows.flatMap((r) => (r.sessionId ? [r.sessionId] : [])))];
  return rows.map((e) =>
    electionSummary(e, { meetingLabel: meetingLabel(e, e.sessionId ? titles.get(e.sessionId) : undefined), candidateCount: counts.candidates.get(e.id) ?? 0, roundCount: counts.rounds.get(e.id) ?? 0 }),
  );
}

/** GET /elections/:id: the election with its candidates (stroke order), rounds, winners, and the viewer's place. */
export async function getElection(ctx: Ctx, id: string): Promise<ElectionDetail> {
  const { org, election: e } = await loadElection(ctx, id, 'election.read');
  const [candidates, officials, rounds] = [await candidatesOf(ctx.db, e.id), await officialsOf(ctx.db, e.id), await roundsOf(ctx.db, e.id)];
  const roundIds = rounds.map((r) => r.id);
  const standing = await voterStanding(ctx, org, e);
  const [cast, voted] = [await onlineCastCounts(ctx.db, roundIds), standing.memberId ? await roundsVotedBy(ctx.db, standing.memberId, roundIds) : new Set<string>()];
  const title = e.sessionId ? (await sessionTitles(ctx.db, [e.sessionId])).get(e.sessionId) : undefined;
  const isManager = canManageElections(ctx, org);
  const isCounter = standing.memberId !== null && officials.some((o) => o.memberId === standing.memberId && o.role === 'counter');
  return {
    ...electionSummary(e, { meetingLabel: meetingLabel(e, title), candidateCount: candidates.length, roundCount: rounds.length }),
    meeting: e.meetingKind === 'congress' ? { kind: 'congress', sessionId: e.sessionId! } : { kind: 'members' },
    online: e.online,
    paper: e.paper,
    differentialPercent: e.differentialPercent,
    candidateRule: candidateRule(e.position, e.seats, e.differentialPercent),
    startRefusal: e.status === 'draft' ? startRefusal(e.position, e.seats, candidates.length, e.differentialPercent) : null,
    candidates: candidateViews(candidates),
    officials: officials.map((o) => ({ memberId: o.memberId, name: o.name, role: o.role })),
    attendance: e.status === 'draft' ? null : attendanceView(await rollCounts(ctx.db, e)),
    rounds: rounds.map((r) => roundView(r, cast.get(r.id) ?? 0, { hasVoted: voted.has(r.id), voteRefusal: voteRefusal(e, r, standing, voted.has(r.id))?.message ?? null })),
    elected: winnersOf(rounds),
    me: { memberId: standing.memberId, isOnRoll: standing.isOnRoll, isPresent: standing.isPresent, isCounter },
    can: { manage: isManager, enterPaper: e.status === 'running' && e.paper && (isManager || isCounter) },
  };
}
