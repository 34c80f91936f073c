import { ELECTION_POSITION_LABELS, ELECTION_POSITIONS, type ElectionStatus } from '../../../contracts/elections';
import type { ElectionDetail, PaperBoard, RoundOutcome } from './elections-types';

/** The positions as select options. */
export const POSITION_OPTIONS = ELECTION_POSITIONS.map((p) => ({ value: p, label: ELECTION_POSITION_LABELS[p] }));

/** Tag colours of an election's state. */
export const ELECTION_STATUS_COLORS: Record<ElectionStatus, string> = { draft: 'blue', running: 'green', closed: 'default' };

type StepKind = RoundOutcome['steps'][number]['kind'];

/** How each kind of reasoning step reads at a glance: a sign and a colour. */
export const STEP_STYLES: Record<StepKind, { sign: string; color: string; label: string }> = {
  info: { sign: '·', color: '#8c8c8c', label: '说明' },
  ok: { sign: '✓', color: '#389e0d', label: '符合' },
  void: { sign: '✕', color: '#cf1322', label: '无效' },
  elected: { sign: '★', color: '#c8102e', label: '当选' },
  not_elected: { sign: '–', color: '#8c8c8c', label: '未当选' },
  tie: { sign: '=', color: '#d46b08', label: '票数相同' },
  next: { sign: '→', color: '#1677ff', label: '下一步' },
};

/** Paper ballot states on the board. */
export const PAPER_STATE_LABELS: Record<PaperBoard['ballots'][number]['state'], string> = { single: '已录一次', matched: '两次一致', mismatch: '不一致' };
export const PAPER_STATE_COLORS: Record<PaperBoard['ballots'][number]['state'], string> = { single: 'blue', matched: 'green', mismatch: 'red' };

/** Two thirds of those due present: voting may start (the server decides; this only colours the line). */
export const isQuorum = (a: { due: number; present: number }) => a.due > 0 && a.present * 3 >= a.due * 2;

/** "第 2 轮". */
export const roundLabel = (n: number) => `第 ${n} 轮`;

/** Names in order, joined: "张三、李四". */
export const namesOf = (ids: readonly string[], nameById: ReadonlyMap<string, string>) => ids.map((id) => nameById.get(id) ?? '（未知候选人）').join('、');

/**
 * What a count calls for, in one sentence, and whether a further round is to be opened: a round among the tied, a
 * round for the empty seats among the rest, the same round again (void), or nothing.
 */
export function nextStepText(next: RoundOutcome['next'], nameById: ReadonlyMap<string, string>): { text: string; isRound: boolean } {
  switch (next.kind) {
    case 'tie':
      return { text: `${namesOf(next.candidateIds, nameById)} 得票相同，须在其中再次投票，选出 ${next.seats} 名`, isRound: true };
    case 'vacancies':
      return { text: `尚缺 ${next.seats} 名，须在其余候选人 ${namesOf(next.candidateIds, nameById)} 中另行投票`, isRound: true };
    case 'repeat':
      return { text: `本轮选举无效，须以同样的候选人重新投票（应选 ${next.seats} 名）`, isRound: true };
    case 'none':
      return next.seats > 0
        ? { text: `尚缺 ${next.seats} 名，已没有其余候选人；可结束本次选举，另行提名后再选`, isRound: false }
        : { text: '应选名额已全部选出，可以结束选举', isRound: false };
  }
}

/** The label of the button opening the round a count calls for. */
export function nextRoundButton(next: RoundOutcome['next'], number: number): string {
  if (next.kind === 'tie') return `开始第 ${number} 轮投票（得票相同者）`;
  if (next.kind === 'vacancies') return `开始第 ${number} 轮投票（补足名额）`;
  return `开始第 ${number} 轮投票（重新投票）`;
}

/**
 * The paper ballot a teller enters next: the first number after `after` that they have not entered yet, up to
 * `last` (the ballots returned, when known); null when they have entered all up to it.
 */
export function nextPaperNumber(board: PaperBoard | undefined, after: number, last: number | null): number | null {
  const mine = new Set((board?.ballots ?? []).filter((b) => b.mine).map((b) => b.no));
  for (let n = after + 1; last === null || n <= last; n += 1) if (!mine.has(n)) return n;
  // Past the end: the first one still missing from the start.
  for (let n = 1; n <= after && (last === null || n <= last); n += 1) if (!mine.has(n)) return n;
  return null;
}

/** "已录入 12 张，两次一致 10 张 / 收回 30 张": the paper entry so far. */
export function paperProgressText(board: PaperBoard): string {
  const of = board.returned !== null ? ` / 收回 ${board.returned} 张` : '';
  return `已录入 ${board.entered} 张，两次一致 ${board.matched} 张${of}`;
}

/** "ab12cd34", "AB12 CD34" and "AB12-CD34" all find "AB12-CD34"; Crockford's O / I / L read as 0 / 1 / 1. */
export function normaliseReceipt(text: string): string {
  const raw = text
    .toUpperCase()
    .replace(/[^0-9A-Z]/g, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1');
  return raw.length === 8 ? `${raw.slice(0, 4)}-${raw.slice(4)}` : raw;
}

/** What followed a counted round: nothing yet (it is the latest), a later round, or the end of the election. */
export type RoundSequel = { kind: 'pending' } | { kind: 'round'; number: number } | { kind: 'closed' };

/** What followed a round: the next round's number, the end of the election, or nothing yet. */
export function sequelOf(election: Pick<ElectionDetail, 'status' | 'rounds'>, roundNumber: number): RoundSequel {
  if (election.rounds.some((r) => r.number === roundNumber + 1)) return { kind: 'round', number: roundNumber + 1 };
  return election.status === 'closed' ? { kind: 'closed' } : { kind: 'pending' };
}
