import { and, eq, inArray } from 'drizzle-orm';
import { DEFAULT_DIMENSION_GRADES, DEFAULT_EVALUATION_DIMENSIONS, DEFAULT_MIN_GROUP_SIZE, DEFAULT_OVERALL_GRADES, type EvaluationVoters } from '../../contracts/evaluations.js';
import type { Db } from '../db/client.js';
import { congressTerms, electionCandidates, electionOfficials, elections, evaluations, evaluationVoters, members } from '../db/schema/index.js';
import { groupsOnRoll } from '../modules/evaluations/evaluation-publish.service.js';
import { rollOf } from '../modules/evaluations/evaluations.repository.js';

/** The school leaders the demo evaluation is about (names not on the union's roster: they are the school's). */
const TARGETS = [
  { key: 't1', name: '陈建国', post: '校长' },
  { key: 't2', name: '林晓红', post: '党委书记' },
  { key: 't3', name: '周文斌', post: '副校长（分管教学）' },
];
/** Roster indexes of the committee election's candidates (8 for 7 seats: one more than seats, the 差额 minimum). */
const CANDIDATES = [0, 1, 2, 3, 4, 5, 9, 10];
const SEATS = 7;
/** The counter (计票人) and scrutineer (监票人): demo accounts who are not candidates (刘明, 邵佳丹). */
const COUNTER = 17;
const SCRUTINEER = 16;

/**
 * The first demo school's democratic management: the year's evaluation of the school's leaders, open now for a week
 * to the representatives of the demo congress term (demo accounts 0, 1, 2, 8, 16 and 17 among them), and the union
 * committee's re-election prepared as a draft (candidates, counter and scrutineer) for the members' meeting.
 */
export async function seedDemocracy(tx: Db, orgId: string, roster: { id: string }[]): Promise<void> {
  const [term] = await tx.select({ id: congressTerms.id }).from(congressTerms).where(eq(congressTerms.orgId, orgId));
  const now = Date.now();
  const year = new Date(now + 8 * 3_600_000).getUTCFullYear();
  const voters: EvaluationVoters = { kind: 'term', termId: term.id };
  const [evaluation] = await tx
    .insert(evaluations)
    .values({
      orgId,
      title: `${year}年度学校领导班子民主测评`,
      description: '请根据各位领导本年度的工作表现，实事求是地作出评价。',
      targets: TARGETS,
      dimensions: [...DEFAULT_EVALUATION_DIMENSIONS],
      grades: [...DEFAULT_DIMENSION_GRADES],
      overallGrades: [...DEFAULT_OVERALL_GRADES],
      voters,
      minGroupSize: DEFAULT_MIN_GROUP_SIZE,
      opensAt: new Date(now - 3_600_000),
      closesAt: new Date(now + 7 * 86_400_000),
      status: 'published',
      publishedAt: new Date(now - 3_600_000),
    })
    .returning({ id: evaluations.id });
  const roll = (await rollOf(tx, orgId, voters)) ?? [];
  const groups = groupsOnRoll(roll, DEFAULT_MIN_GROUP_SIZE);
  await tx.insert(evaluationVoters).values(roll.map((p) => ({ evaluationId: evaluation.id, memberId: p.memberId, voterGroup: groups.get(p.memberId) ?? null })));
  await tx.update(evaluations).set({ eligible: roll.length }).where(eq(evaluations.id, evaluation.id));

  const [election] = await tx
    .insert(elections)
    .values({ orgId, title: '第十届工会委员会委员选举', position: 'committee', seats: SEATS, meetingKind: 'members', online: true, paper: true })
    .returning({ id: elections.id });
  const eligible = await tx
    .select({ id: members.id })
    .from(members)
    .where(and(inArray(members.id, CANDIDATES.map((i) => roster[i].id)), eq(members.employmentStatus, 'active'), eq(members.membershipStatus, 'normal')));
  await tx.insert(electionCandidates).values(eligible.map((m) => ({ orgId, electionId: election.id, memberId: m.id })));
  await tx.insert(electionOfficials).values([
    { electionId: election.id, memberId: roster[COUNTER].id, role: 'counter' as const },
    { electionId: election.id, memberId: roster[SCRUTINEER].id, role: 'scrutineer' as const },
  ]);
}
