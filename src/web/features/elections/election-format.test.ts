import { describe, expect, it } from 'vitest';
import type { PaperBoard } from './elections-types';
import { nextPaperNumber, nextStepText, normaliseReceipt, sequelOf } from './election-format';

const board = (mine: number[], others: number[] = []): PaperBoard => ({
  issued: 10,
  returned: 5,
  entered: mine.length + others.length,
  matched: 0,
  ballots: [...mine.map((no) => ({ no, mine: true })), ...others.map((no) => ({ no, mine: false }))].map((b) => ({ ...b, state: 'single' as const, enteredBy: [], differences: [] })),
  blockers: [],
});

describe('nextPaperNumber', () => {
  it('goes to the next number this teller has not entered, skipping their own entries', () => {
    expect(nextPaperNumber(board([1, 2, 4]), 2, 5)).toBe(3);
    expect(nextPaperNumber(board([1, 2, 3, 4]), 3, 5)).toBe(5);
    expect(nextPaperNumber(board([1], [2]), 1, 5)).toBe(2);
  });
  it('wraps round to the first gap, and says null when all returned ballots are entered', () => {
    expect(nextPaperNumber(board([1, 3, 4, 5]), 5, 5)).toBe(2);
    expect(nextPaperNumber(board([1, 2, 3, 4, 5]), 5, 5)).toBeNull();
  });
  it('has no end while the returned count is unknown', () => {
    expect(nextPaperNumber(undefined, 41, null)).toBe(42);
  });
});

describe('nextStepText', () => {
  const names = new Map([
    ['a', '王芳'],
    ['b', '李强'],
  ]);
  it('names the tied and the rest, and tells whether a round follows', () => {
    expect(nextStepText({ kind: 'tie', seats: 1, candidateIds: ['a', 'b'] }, names)).toEqual({ text: '王芳、李强 得票相同，须在其中再次投票，选出 1 名', isRound: true });
    expect(nextStepText({ kind: 'vacancies', seats: 2, candidateIds: ['b'] }, names).text).toBe('尚缺 2 名，须在其余候选人 李强 中另行投票');
    expect(nextStepText({ kind: 'none', seats: 0, candidateIds: [] }, names)).toEqual({ text: '应选名额已全部选出，可以结束选举', isRound: false });
    expect(nextStepText({ kind: 'none', seats: 1, candidateIds: [] }, names).isRound).toBe(false);
  });
});

describe('normaliseReceipt', () => {
  it('accepts the code typed in any case, with or without the dash or spaces', () => {
    expect(normaliseReceipt('ab12cd34')).toBe('AB12-CD34');
    expect(normaliseReceipt(' AB12 cd34 ')).toBe('AB12-CD34');
    expect(normaliseReceipt('AB12-CD34')).toBe('AB12-CD34');
  });
  it('reads O as 0 and I, L as 1, as Crockford base32 does', () => {
    expect(normaliseReceipt('OOIL-1234')).toBe('0011-1234');
  });
  it('leaves a code of the wrong length as typed, upper-cased (it will not be found)', () => {
    expect(normaliseReceipt('ab12')).toBe('AB12');
  });
});

describe('sequelOf', () => {
  const rounds = [{ number: 1 }, { number: 2 }] as Parameters<typeof sequelOf>[0]['rounds'];
  it('names the round that followed, else the end of the election, else nothing yet', () => {
    expect(sequelOf({ status: 'running', rounds }, 1)).toEqual({ kind: 'round', number: 2 });
    expect(sequelOf({ status: 'running', rounds }, 2)).toEqual({ kind: 'pending' });
    expect(sequelOf({ status: 'closed', rounds }, 2)).toEqual({ kind: 'closed' });
  });
});
