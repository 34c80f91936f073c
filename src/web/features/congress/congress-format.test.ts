import { describe, expect, it } from 'vitest';
import { blocksOf, chineseNumber, figuresLine, isInRosterView, nextSessionTitle, ROSTER_VIEWS, standingText } from './congress-format';
import type { Representative } from './congress-types';

const rep = (name: string, constituencyId: string | null, over: Partial<Representative> = {}): Representative => ({
  id: name,
  memberId: `m-${name}`,
  name,
  groupName: null,
  constituencyId,
  constituencyName: null,
  kind: 'representative',
  category: 'teacher',
  isLeader: false,
  gender: null,
  age: null,
  status: 'active',
  electedOn: '2025-08-22',
  endedOn: null,
  endReason: null,
  replacesId: null,
  replacesName: null,
  replacedById: null,
  replacedByName: null,
  ...over,
});

describe('blocksOf', () => {
  const constituencies = [
    { id: 'a', name: '文科代表团' },
    { id: 'b', name: '理科代表团' },
  ];
  const items = [rep('甲', 'a'), rep('乙', 'b'), rep('丙', 'a', { status: 'replaced' }), rep('丁', null, { kind: 'invited' })];

  it('keeps the order of constituencies, an empty one included, and puts the rest last', () => {
    const blocks = blocksOf([...constituencies, { id: 'c', name: '综合代表团' }], items, false);
    expect(blocks.map((b) => [b.name, b.items.map((r) => r.name)])).toEqual([
      ['文科代表团', ['甲']],
      ['理科代表团', ['乙']],
      ['综合代表团', []],
      ['未分代表团（含特邀、列席代表）', ['丁']],
    ]);
  });

  it('shows ended mandates only when asked', () => {
    expect(blocksOf(constituencies, items, true)[0].items.map((r) => r.name)).toEqual(['甲', '丙']);
  });

  it('adds no "rest" block when everyone has a constituency', () => {
    expect(blocksOf(constituencies, [rep('甲', 'a')], false)).toHaveLength(2);
  });
});

describe('isInRosterView', () => {
  const rows = [
    { status: 'present' as const, isVoter: true },
    { status: 'absent' as const, isVoter: true },
    { status: null, isVoter: true },
    { status: null, isVoter: false },
    { status: 'present' as const, isVoter: false },
  ];
  const count = (v: (typeof ROSTER_VIEWS)[number]) => rows.filter((r) => isInRosterView(r, v)).length;

  it('counts 未签到 among voters only, and lists 特邀、列席 apart', () => {
    expect(Object.fromEntries(ROSTER_VIEWS.map((v) => [v, count(v)]))).toEqual({ all: 5, notYet: 1, present: 2, absent: 1, nonVoting: 2 });
  });
});

describe('standingText', () => {
  const none = { memberId: null, representative: null, isVoter: false };
  it('names the constituency of a representative', () => {
    const me = { memberId: 'm', representative: { id: 'r', kind: 'representative' as const, constituencyName: '文科代表团' }, isVoter: true };
    expect(standingText(me, 'congress')).toBe('您是本届正式代表（文科代表团），请按时参会、签到和表决。');
  });
  it('tells invited representatives they do not vote', () => {
    const me = { memberId: 'm', representative: { id: 'r', kind: 'invited' as const, constituencyName: null }, isVoter: false };
    expect(standingText(me, 'congress')).toContain('不参加表决');
  });
  it('explains the all-staff form and a missing member file', () => {
    expect(standingText({ memberId: 'm', representative: null, isVoter: true }, 'all_staff')).toContain('教职工大会');
    expect(standingText(none, 'congress')).toContain('未关联会员档案');
  });
});

describe('figuresLine', () => {
  it('reads 应到 / 实到 / 缺席 / 未签到', () => {
    expect(figuresLine({ expected: 30, present: 28, absent: 2, notYet: 0 })).toBe('应到 30 人，实到 28 人，缺席 2 人，未签到 0 人');
  });
});

describe('nextSessionTitle', () => {
  it('numbers sessions in Chinese as the server does', () => {
    expect(nextSessionTitle('第三届教职工代表大会', 1)).toBe('第三届教职工代表大会第二次会议');
    expect([9, 10, 11, 20, 23].map(chineseNumber)).toEqual(['九', '十', '十一', '二十', '二十三']);
  });
});
