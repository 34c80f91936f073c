/**
 * Quorum and passing of congress votes (DOMAIN.md §4 "Congress" [firm]): a vote may be opened only with at least two
 * thirds of those due to attend (应到) present, and passes only when 赞成 is more than half of ALL voting
 * representatives of the term (in an all-staff meeting, of all voting staff), the base fixed when the vote opens,
 * not of those present or of those voting.
 */

function assertCount(value: number, name: string): void {
  if (!Number.isInteger(value) || value < 0) throw new RangeError(`${name}应为不小于 0 的整数：${value}`);
}

/**
 * Whether those present make a quorum: present × 3 ≥ expected × 2, i.e. present ≥ required = ⌈2·expected / 3⌉
 * (45 of 67; 44 of 66). `missing` is how many more must arrive. With nobody expected there is nothing to vote with,
 * so the quorum is not met.
 */
export function quorum(present: number, expected: number): { met: boolean; required: number; missing: number } {
  assertCount(present, '实到人数');
  assertCount(expected, '应到人数');
  const required = Math.floor((2 * expected + 2) / 3);
  return { met: expected > 0 && present * 3 >= expected * 2, required, missing: Math.max(0, required - present) };
}

/**
 * Why a vote cannot be opened, in the words the screen shows, or null when the quorum is met:
 * "实到 44 人，未达到应到 67 人的三分之二（45 人），还需 1 人到会才能表决".
 */
export function quorumProblem(present: number, expected: number): string | null {
  const q = quorum(present, expected);
  if (q.met) return null;
  if (expected === 0) return '应到 0 人，没有可以参加表决的人员，不能表决';
  return `实到 ${present} 人，未达到应到 ${expected} 人的三分之二（${q.required} 人），还需 ${q.missing} 人到会才能表决`;
}

/** Whether a motion passes: yes × 2 > base, so exactly half of the base is not enough. */
export function votePasses(yes: number, base: number): boolean {
  assertCount(yes, '赞成票数');
  assertCount(base, '应到人数');
  return yes * 2 > base;
}

/** Who the passing base is: the term's voting representatives (教代会), or all voting staff (教职工大会). */
export type VoterBase = 'representatives' | 'staff';

/** How the result names the base: "全体代表" or, in the all-staff form, "全体教职工". */
const BASE_WORDS: Record<VoterBase, string> = { representatives: '全体代表', staff: '全体教职工' };

/**
 * The outcome of a closed vote with the rule and the arithmetic in words, e.g. "应到 67 人，实到 50 人；赞成 34 票、
 * 反对 10 票、弃权 6 票。赞成票超过全体代表的半数（67 人的半数为 33.5），通过。" Present voters who cast no ballot are
 * named ("未投票 2 人") so the figures add up. In an all-staff meeting (`voters: 'staff'`) the base is all voting
 * staff: "赞成票超过全体教职工的半数（12 人的半数为 6），通过。"
 */
export function voteOutcome(
  v: { base: number; present: number; yes: number; no: number; abstain: number },
  options: { voters?: VoterBase } = {},
): { passed: boolean; text: string } {
  assertCount(v.present, '实到人数');
  assertCount(v.no, '反对票数');
  assertCount(v.abstain, '弃权票数');
  const passed = votePasses(v.yes, v.base);
  const whole = BASE_WORDS[options.voters ?? 'representatives'];
  const notVoted = v.present - v.yes - v.no - v.abstain;
  const counts = `应到 ${v.base} 人，实到 ${v.present} 人；赞成 ${v.yes} 票、反对 ${v.no} 票、弃权 ${v.abstain} 票${notVoted > 0 ? `，未投票 ${notVoted} 人` : ''}`;
  const half = `（${v.base} 人的半数为 ${v.base / 2}）`;
  if (passed) return { passed, text: `${counts}。赞成票超过${whole}的半数${half}，通过。` };
  const exactlyHalf = v.yes * 2 === v.base && v.base > 0;
  return { passed, text: `${counts}。赞成票${exactlyHalf ? '恰好为半数，' : ''}未超过${whole}的半数${half}，未通过。` };
}

/**
 * What is wrong with the totals tellers entered from paper ballots, or null when they can stand: each a whole number
 * of votes, and no more ballots than people present ("赞成、反对、弃权合计 51 票，超过实到人数 50 人").
 */
export function paperTallyProblem(t: { present: number; yes: number; no: number; abstain: number }): string | null {
  const fields = [
    ['赞成', t.yes],
    ['反对', t.no],
    ['弃权', t.abstain],
  ] as const;
  for (const [label, value] of fields) {
    if (!Number.isInteger(value) || value < 0) return `${label}票数应为 0 或正整数`;
  }
  const sum = t.yes + t.no + t.abstain;
  if (sum > t.present) return `赞成、反对、弃权合计 ${sum} 票，超过实到人数 ${t.present} 人`;
  return null;
}
