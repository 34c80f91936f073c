import { describe, expect, it } from 'vitest';
import { activityRate, isParticipationEligible, participation, type ParticipationMember } from './participation.js';

const PERIOD_END = '2026-07-31';
const none = new Set<string>();

const member = (id: string, over: Partial<ParticipationMember> = {}): ParticipationMember => ({
  id,
  employmentStatus: 'active',
  membershipStatus: 'normal',
  joinedOn: '2010-09-01',
  ...over,
});
/** `n` active members in good standing, ids p0 … p(n-1). */
const staff = (n: number) => Array.from({ length: n }, (_, i) => member(`p${i}`));
const ids = (n: number) => new Set(Array.from({ length: n }, (_, i) => `p${i}`));

describe('isParticipationEligible', () => {
  it('counts active members in good standing', () => {
    expect(isParticipationEligible(member('a'), PERIOD_END, false)).toBe(true);
  });

  it('leaves out 保留会籍, transferred out and withdrawn members, even at work', () => {
    for (const membershipStatus of ['reserved', 'transferred_out', 'withdrawn'] as const) {
      expect(isParticipationEligible(member('a', { membershipStatus }), PERIOD_END, false)).toBe(false);
    }
  });

  it('leaves out retirees, the transferred and the deceased', () => {
    for (const employmentStatus of ['retired', 'transferred', 'deceased'] as const) {
      expect(isParticipationEligible(member('a', { employmentStatus }), PERIOD_END, false)).toBe(false);
    }
  });

  it('counts a retiree (normal or 保留会籍) invited to a retirees’ activity in the period', () => {
    expect(isParticipationEligible(member('a', { employmentStatus: 'retired', membershipStatus: 'normal' }), PERIOD_END, true)).toBe(true);
    expect(isParticipationEligible(member('a', { employmentStatus: 'retired', membershipStatus: 'reserved' }), PERIOD_END, true)).toBe(true);
  });

  it('counts members who joined by the period’s end, the last day included; not those who joined after', () => {
    expect(isParticipationEligible(member('a', { joinedOn: '2026-03-15' }), PERIOD_END, false)).toBe(true);
    expect(isParticipationEligible(member('a', { joinedOn: '2026-07-31' }), PERIOD_END, false)).toBe(true);
    expect(isParticipationEligible(member('a', { joinedOn: '2026-08-01' }), PERIOD_END, false)).toBe(false);
  });

  it('counts a member whose join date is unknown', () => {
    expect(isParticipationEligible(member('a', { joinedOn: null }), PERIOD_END, false)).toBe(true);
  });
});

describe('participation', () => {
  it('is null for an empty roster, or when nobody is eligible', () => {
    expect(participation([], none, none, PERIOD_END)).toEqual({ attended: 0, eligible: 0, rate: null });
    const retirees = [member('r1', { employmentStatus: 'retired' }), member('r2', { employmentStatus: 'retired', membershipStatus: 'reserved' })];
    expect(participation(retirees, new Set(['r1']), none, PERIOD_END)).toEqual({ attended: 0, eligible: 0, rate: null });
  });

  it('is exactly 0.85 for 17 of 20', () => {
    const result = participation(staff(20), ids(17), none, PERIOD_END);
    expect(result).toEqual({ attended: 17, eligible: 20, rate: 0.85 });
    expect(result.rate! >= 0.85).toBe(true);
  });

  it('is 0 when nobody attended and 1 when everyone did', () => {
    expect(participation(staff(3), none, none, PERIOD_END).rate).toBe(0);
    expect(participation(staff(3), ids(3), none, PERIOD_END).rate).toBe(1);
  });

  it('is 2/3 as a plain fraction, unrounded', () => {
    expect(participation(staff(3), ids(2), none, PERIOD_END).rate).toBe(2 / 3);
  });

  it('leaves retirees out of the base unless invited to a retirees’ activity', () => {
    const members = [...staff(4), member('r1', { employmentStatus: 'retired' }), member('r2', { employmentStatus: 'retired', membershipStatus: 'reserved' })];
    const attended = new Set(['p0', 'p1', 'r1', 'r2']);
    expect(participation(members, attended, none, PERIOD_END)).toEqual({ attended: 2, eligible: 4, rate: 0.5 });
    expect(participation(members, attended, new Set(['r1']), PERIOD_END)).toEqual({ attended: 3, eligible: 5, rate: 0.6 });
    expect(participation(members, attended, new Set(['r1', 'r2']), PERIOD_END)).toEqual({ attended: 4, eligible: 6, rate: 4 / 6 });
  });

  it('counts an invited retiree who did not come in the base only', () => {
    const members = [...staff(2), member('r1', { employmentStatus: 'retired' })];
    expect(participation(members, new Set(['p0']), new Set(['r1']), PERIOD_END)).toEqual({ attended: 1, eligible: 3, rate: 1 / 3 });
  });

  it('leaves out 保留会籍 members at work, even when they attended', () => {
    const members = [...staff(2), member('k1', { membershipStatus: 'reserved' })];
    expect(participation(members, new Set(['p0', 'k1']), none, PERIOD_END)).toEqual({ attended: 1, eligible: 2, rate: 0.5 });
  });

  it('leaves out members who joined after the period’s end, keeps those who joined mid-period or on an unknown date', () => {
    const members = [
      member('early'),
      member('mid', { joinedOn: '2026-04-10' }),
      member('unknown', { joinedOn: null }),
      member('late', { joinedOn: '2026-09-01' }),
    ];
    const attended = new Set(['mid', 'late', 'unknown']);
    expect(participation(members, attended, none, PERIOD_END)).toEqual({ attended: 2, eligible: 3, rate: 2 / 3 });
  });

  it('does not count attendees who are not eligible, nor ids that are not in the roster', () => {
    const members = [...staff(2), member('gone', { membershipStatus: 'transferred_out' }), member('dead', { employmentStatus: 'deceased' })];
    expect(participation(members, new Set(['p0', 'gone', 'dead', 'stranger']), none, PERIOD_END)).toEqual({ attended: 1, eligible: 2, rate: 0.5 });
  });

  it('never exceeds 1', () => {
    const members = [...staff(1), member('r1', { employmentStatus: 'retired' })];
    const result = participation(members, new Set(['p0', 'r1', 'x']), none, PERIOD_END);
    expect(result.rate).toBe(1);
  });
});

describe('activityRate', () => {
  it('is null when nobody was invited', () => {
    expect(activityRate(0, 0)).toBeNull();
    expect(activityRate(0, 3)).toBeNull();
  });

  it('is attended ÷ invited', () => {
    expect(activityRate(20, 17)).toBe(0.85);
    expect(activityRate(3, 0)).toBe(0);
    expect(activityRate(3, 3)).toBe(1);
    expect(activityRate(3, 1)).toBe(1 / 3);
  });

  it('can pass 1 when people outside the audience came (the organiser sees it as is)', () => {
    expect(activityRate(10, 12)).toBe(1.2);
  });
});
