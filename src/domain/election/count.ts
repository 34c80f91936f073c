import type { RoundOutcome } from '../../contracts/elections.js';
import { quorum } from '../congress/voting.js';
import { ballotProblem, readBallot, type ElectionBallot, type RoundCandidate } from './ballot.js';
import { byStroke } from './stroke-order.js';

/**
 * Counting one round (DOMAIN.md §4 "Elections" [firm]), in this order: the round is void when more ballots come back
 * than were issued, or fewer than two thirds of those due to attend (应到会人数) voted; each ballot is valid or not; a
 * candidate (or a written-in person) wins with 赞成 from more than half of those due to attend; more winners than
 * seats → the most 赞成 win, and a tie at the cut-off elects none of the tied and calls a round among them; too few
 * winners → a round for the empty seats among the listed candidates not elected. Every step is told in words.
 */

/** What a count needs. `issued` and `returned` cover both channels: an online ballot is issued and returned. */
export interface RoundInput {
  due: number;
  present: number;
  seats: number;
  /** The round's candidates, in the order they are listed (姓氏笔画). */
  candidates: readonly RoundCandidate[];
  issued: number;
  returned: number;
  /** How many of the ballots were cast online and how many are paper ballots entered. */
  online: number;
  paper: number;
  ballots: readonly ElectionBallot[];
}

type Step = RoundOutcome['steps'][number];
type Tally = RoundOutcome['tallies'][number];

function assertCount(value: number, name: string): void {
  if (!Number.isInteger(value) || value < 0) throw new RangeError(`${name}应为不小于 0 的整数：${value}`);
}

const joinNames = (names: readonly string[]) => names.join('、');

/** "（手机投票 20 张，纸质选票 39 张）", naming only the channels used. */
function channels(online: number, paper: number): string {
  const parts = [online > 0 ? `手机投票 ${online} 张` : '', paper > 0 ? `纸质选票 ${paper} 张` : ''].filter((p) => p !== '');
  return parts.length > 0 ? `（${parts.join('，')}）` : '';
}

/** Whether the round may be counted at all; adds the steps that say so. */
function checkTurnout(input: RoundInput, steps: Step[]): boolean {
  const { due, issued, returned } = input;
  if (returned > issued) {
    steps.push({ kind: 'void', text: `收回选票 ${returned} 张，多于发出的 ${issued} 张，本轮投票无效` });
    return false;
  }
  steps.push({ kind: 'ok', text: `收回选票 ${returned} 张，不多于发出的 ${issued} 张` });
  if (due === 0) {
    steps.push({ kind: 'void', text: '应到会人数为 0，本轮投票无效' });
    return false;
  }
  const q = quorum(returned, due);
  if (!q.met) {
    steps.push({ kind: 'void', text: `收回选票 ${returned} 张，不足应到会人数 ${due} 人的三分之二（至少 ${q.required} 张），本轮投票无效` });
    return false;
  }
  steps.push({ kind: 'ok', text: `收回选票 ${returned} 张，达到应到会人数 ${due} 人的三分之二（至少 ${q.required} 张），投票有效` });
  return true;
}

/** Tallies of the valid ballots: the listed candidates in their order, then the written-in names by 赞成 and stroke order. */
function tally(input: RoundInput): { tallies: Tally[]; valid: number; spoilt: number; overvoted: number } {
  const listed = new Map<string, Tally>();
  for (const c of input.candidates) listed.set(c.id, { candidateId: c.id, name: c.name, isWriteIn: false, yes: 0, no: 0, abstain: 0, elected: false });
  const written = new Map<string, Tally>();
  let valid = 0;
  let spoilt = 0;
  let overvoted = 0;
  for (const ballot of input.ballots) {
    if (ballotProblem(ballot, input.seats, input.candidates) !== null) {
      if (ballot.spoilt) spoilt += 1;
      else overvoted += 1;
      continue;
    }
    valid += 1;
    const reading = readBallot(ballot, input.candidates);
    for (const [id, mark] of reading.marks) listed.get(id)![mark] += 1;
    for (const name of reading.writeIns) {
      const t = written.get(name) ?? { candidateId: null, name, isWriteIn: true, yes: 0, no: 0, abstain: 0, elected: false };
      t.yes += 1;
      written.set(name, t);
    }
  }
  const writeIns = byStroke([...written.values()], (t) => t.name).sort((a, b) => b.yes - a.yes);
  return { tallies: [...listed.values(), ...writeIns], valid, spoilt, overvoted };
}

/** The winners among those over half: all of them, or the most 赞成 up to the seats with a tie at the cut-off left out. */
function decide(qualified: Tally[], seats: number): { winners: Tally[]; tied: Tally[] } {
  if (qualified.length <= seats) return { winners: qualified, tied: [] };
  const sorted = [...qualified].sort((a, b) => b.yes - a.yes);
  const cutOff = sorted[seats - 1].yes;
  const above = sorted.filter((t) => t.yes > cutOff);
  const atCutOff = sorted.filter((t) => t.yes === cutOff);
  if (above.length + atCutOff.length <= seats) return { winners: [...above, ...atCutOff], tied: [] };
  return { winners: above, tied: atCutOff };
}

/** Counts a round: figures, tallies, winners, what comes next, and every step in words. */
export function countRound(input: RoundInput): RoundOutcome {
  for (const [value, name] of [
    [input.due, '应到会人数'],
    [input.present, '实到人数'],
    [input.seats, '应选名额'],
    [input.issued, '发出选票数'],
    [input.returned, '收回选票数'],
    [input.online, '手机投票数'],
    [input.paper, '纸质选票数'],
  ] as const) {
    assertCount(value, name);
  }
  if (input.seats === 0) throw new RangeError('应选名额至少 1 名');
  if (input.online + input.paper !== input.ballots.length) {
    throw new RangeError(`选票 ${input.ballots.length} 张，与手机投票 ${input.online} 张、纸质选票 ${input.paper} 张之和不符`);
  }
  const { due, seats } = input;
  const allIds = input.candidates.map((c) => c.id);
  const counted = tally(input);
  const invalid = counted.spoilt + counted.overvoted;
  const figures = { due, present: input.present, issued: input.issued, returned: input.returned, valid: counted.valid, invalid, online: input.online, paper: input.paper };
  const steps: Step[] = [
    { kind: 'info', text: `应到会 ${due} 人，实到 ${input.present} 人；发出选票 ${input.issued} 张，收回 ${input.returned} 张${channels(input.online, input.paper)}` },
  ];

  if (!checkTurnout(input, steps)) {
    steps.push({ kind: 'next', text: `须重新投票：应选 ${seats} 名，候选人 ${allIds.length} 名不变` });
    return { isVoid: true, figures, tallies: counted.tallies, elected: [], next: { kind: 'repeat', seats, candidateIds: allIds }, steps };
  }

  const reasons = [counted.overvoted > 0 ? `赞成多于应选名额 ${counted.overvoted} 张` : '', counted.spoilt > 0 ? `无法辨认 ${counted.spoilt} 张` : ''].filter((r) => r !== '');
  steps.push({ kind: 'info', text: `有效票 ${counted.valid} 张，无效票 ${invalid} 张${reasons.length > 0 ? `（${reasons.join('，')}）` : ''}` });
  const need = Math.floor(due / 2) + 1;
  steps.push({ kind: 'info', text: `当选须得赞成票超过应到会人数的半数：${due} 人的半数为 ${due / 2}，即至少 ${need} 票` });

  const isOverHalf = (t: Tally) => t.yes * 2 > due;
  for (const t of counted.tallies.filter((x) => !x.isWriteIn)) {
    const figuresText = `${t.name} 得赞成票 ${t.yes} 票（不赞成 ${t.no} 票，弃权 ${t.abstain} 票）`;
    steps.push(isOverHalf(t) ? { kind: 'ok', text: `${figuresText}，超过半数` } : { kind: 'not_elected', text: `${figuresText}，未超过半数，不能当选` });
  }
  const writeIns = counted.tallies.filter((x) => x.isWriteIn);
  for (const t of writeIns.filter(isOverHalf)) steps.push({ kind: 'ok', text: `另选人 ${t.name} 得赞成票 ${t.yes} 票，超过半数` });
  const writeInsBelow = writeIns.filter((t) => !isOverHalf(t)).length;
  if (writeInsBelow > 0) steps.push({ kind: 'not_elected', text: `另选他人 ${writeInsBelow} 人，得票均未超过半数，不能当选` });

  const qualified = counted.tallies.filter(isOverHalf);
  const { winners, tied } = decide(qualified, seats);
  if (qualified.length > seats) {
    steps.push({ kind: 'info', text: `超过半数的有 ${qualified.length} 人，多于应选 ${seats} 名，按赞成票多少确定当选人` });
  }
  for (const w of winners) w.elected = true;
  for (const w of [...winners].sort((a, b) => b.yes - a.yes)) steps.push({ kind: 'elected', text: `${w.name} 当选（赞成票 ${w.yes} 票）` });
  for (const t of qualified.filter((x) => !winners.includes(x) && !tied.includes(x))) {
    steps.push({ kind: 'not_elected', text: `${t.name} 得赞成票 ${t.yes} 票，虽超过半数，但未进入前 ${seats} 名，不当选` });
  }
  const elected = byStroke(winners, (t) => t.name).map((t) => ({ candidateId: t.candidateId, name: t.name, yes: t.yes }));

  if (tied.length > 0) {
    const open = seats - winners.length;
    steps.push({ kind: 'tie', text: `${joinNames(tied.map((t) => t.name))} 均得赞成票 ${tied[0].yes} 票，并列争 ${open} 个名额，均不当选` });
    const tiedIds = tied.filter((t) => t.candidateId !== null).map((t) => t.candidateId!);
    if (tiedIds.length > 0) {
      const names = tied.filter((t) => t.candidateId !== null).map((t) => t.name);
      steps.push({ kind: 'next', text: `下一轮：在并列的 ${joinNames(names)} 中选出 ${open} 名` });
      return { isVoid: false, figures, tallies: counted.tallies, elected, next: { kind: 'tie', seats: open, candidateIds: tiedIds }, steps };
    }
  }

  const empty = seats - winners.length;
  if (empty === 0) {
    steps.push({ kind: 'next', text: `应选 ${seats} 名，当选 ${seats} 名，名额已满` });
    return { isVoid: false, figures, tallies: counted.tallies, elected, next: { kind: 'none', seats: 0, candidateIds: [] }, steps };
  }
  const rest = input.candidates.filter((c) => !winners.some((w) => w.candidateId === c.id));
  if (rest.length === 0) {
    steps.push({ kind: 'next', text: `应选 ${seats} 名，当选 ${winners.length} 名，尚缺 ${empty} 名；已无未当选的候选人，须另行提名` });
    return { isVoid: false, figures, tallies: counted.tallies, elected, next: { kind: 'none', seats: empty, candidateIds: [] }, steps };
  }
  steps.push({ kind: 'next', text: `应选 ${seats} 名，当选 ${winners.length} 名，尚缺 ${empty} 名；下一轮在未当选的 ${rest.length} 名候选人中选举 ${empty} 名` });
  return { isVoid: false, figures, tallies: counted.tallies, elected, next: { kind: 'vacancies', seats: empty, candidateIds: rest.map((c) => c.id) }, steps };
}
