import { describe, expect, it } from 'vitest';
import type { Audience } from '../../contracts/activities.js';
import { audienceLabel, isActiveMember, isInAudience, type AudienceMember } from './audience.js';

const EMPLOYMENT = ['active', 'retired', 'transferred', 'deceased'] as const;
const MEMBERSHIP = ['normal', 'reserved', 'transferred_out', 'withdrawn'] as const;
const G1 = '11111111-1111-4111-8111-111111111111';
const G2 = '22222222-2222-4222-8222-222222222222';
const G3 = '33333333-3333-4333-8333-333333333333';
const G4 = '44444444-4444-4444-8444-444444444444';

const member = (over: Partial<AudienceMember> = {}): AudienceMember => ({
  id: 'm1',
  gender: 'F',
  employmentStatus: 'active',
  membershipStatus: 'normal',
  groupId: G1,
  department: '教务处',
  ...over,
});
/** Every combination of employment and membership status, for a member who otherwise matches the audience. */
const everyStatus = (base: Partial<AudienceMember> = {}) =>
  EMPLOYMENT.flatMap((employmentStatus) => MEMBERSHIP.map((membershipStatus) => member({ ...base, employmentStatus, membershipStatus })));
const statusKey = (m: AudienceMember) => `${m.employmentStatus}/${m.membershipStatus}`;
const invitedStatuses = (audience: Audience, base: Partial<AudienceMember> = {}, club?: ReadonlySet<string>) =>
  everyStatus(base).filter((m) => isInAudience(audience, m, club)).map(statusKey);

const ON_ROSTER = ['active/normal', 'active/reserved', 'retired/normal', 'retired/reserved', 'transferred/normal', 'transferred/reserved'];

describe('isActiveMember', () => {
  it('is true only for 在职 with 会籍正常', () => {
    expect(everyStatus().filter(isActiveMember).map(statusKey)).toEqual(['active/normal']);
  });
});

describe('isInAudience: who is invited, for every employment and membership status', () => {
  it('all: only active members in good standing (no retirees, no 保留会籍, no one transferred or deceased)', () => {
    expect(invitedStatuses({ kind: 'all' })).toEqual(['active/normal']);
    expect(isInAudience({ kind: 'all' }, member({ gender: 'M', groupId: null, department: null }))).toBe(true);
  });

  it('women: active members in good standing whose gender is F; men and unknown gender are not invited', () => {
    expect(invitedStatuses({ kind: 'women' }, { gender: 'F' })).toEqual(['active/normal']);
    expect(invitedStatuses({ kind: 'women' }, { gender: 'M' })).toEqual([]);
    expect(invitedStatuses({ kind: 'women' }, { gender: null })).toEqual([]);
  });

  it('retirees: retired with a normal membership or 保留会籍; not the active, the transferred or the deceased', () => {
    expect(invitedStatuses({ kind: 'retirees' })).toEqual(['retired/normal', 'retired/reserved']);
  });

  it('groups: active members in good standing of one of the chosen union groups', () => {
    const audience: Audience = { kind: 'groups', groupIds: [G1, G2] };
    expect(invitedStatuses(audience, { groupId: G1 })).toEqual(['active/normal']);
    expect(invitedStatuses(audience, { groupId: G2 })).toEqual(['active/normal']);
    expect(invitedStatuses(audience, { groupId: G3 })).toEqual([]);
    expect(invitedStatuses(audience, { groupId: null })).toEqual([]);
  });

  it('departments: active members in good standing of one of the chosen departments, matched exactly', () => {
    const audience: Audience = { kind: 'departments', departments: ['教务处', '总务处'] };
    expect(invitedStatuses(audience, { department: '总务处' })).toEqual(['active/normal']);
    expect(invitedStatuses(audience, { department: '政教处' })).toEqual([]);
    expect(invitedStatuses(audience, { department: '教务' })).toEqual([]);
    expect(invitedStatuses(audience, { department: null })).toEqual([]);
  });

  it('club: members of the interest group still on the roster, retirees and 保留会籍 included', () => {
    const audience: Audience = { kind: 'club', clubId: G4 };
    expect(invitedStatuses(audience, { id: 'm1' }, new Set(['m1', 'm2']))).toEqual(ON_ROSTER);
    expect(invitedStatuses(audience, { id: 'm3' }, new Set(['m1', 'm2']))).toEqual([]);
  });

  it('club: without the list of club members nobody is invited', () => {
    expect(isInAudience({ kind: 'club', clubId: G4 }, member())).toBe(false);
    expect(isInAudience({ kind: 'club', clubId: G4 }, member(), new Set())).toBe(false);
  });

  it('list: the chosen members still on the roster; transferred out, withdrawn and deceased are not', () => {
    const audience: Audience = { kind: 'list', memberIds: [G1, G2] };
    expect(invitedStatuses(audience, { id: G2 })).toEqual(ON_ROSTER);
    expect(invitedStatuses(audience, { id: G3 })).toEqual([]);
  });

  it('a deceased member is never invited, whatever the audience', () => {
    const audiences: Audience[] = [
      { kind: 'all' },
      { kind: 'women' },
      { kind: 'retirees' },
      { kind: 'groups', groupIds: [G1] },
      { kind: 'departments', departments: ['教务处'] },
      { kind: 'club', clubId: G4 },
      { kind: 'list', memberIds: ['m1'] },
    ];
    for (const audience of audiences) {
      for (const membershipStatus of MEMBERSHIP) {
        expect(isInAudience(audience, member({ employmentStatus: 'deceased', membershipStatus }), new Set(['m1']))).toBe(false);
      }
    }
  });
});

describe('audienceLabel', () => {
  it('names the fixed audiences', () => {
    expect(audienceLabel({ kind: 'all' })).toBe('全体在职会员');
    expect(audienceLabel({ kind: 'women' })).toBe('女教职工');
    expect(audienceLabel({ kind: 'retirees' })).toBe('退休教职工');
  });

  it('lists the chosen groups by name, in the order chosen', () => {
    const groups = { [G1]: '语文组', [G2]: '数学组', [G3]: '英语组', [G4]: '体艺组' };
    expect(audienceLabel({ kind: 'groups', groupIds: [G1] }, { groups })).toBe('语文组');
    expect(audienceLabel({ kind: 'groups', groupIds: [G1, G2] }, { groups })).toBe('语文组、数学组');
    expect(audienceLabel({ kind: 'groups', groupIds: [G2, G1, G3] }, { groups })).toBe('数学组、语文组、英语组');
  });

  it('shortens more than three groups to the first three and the count', () => {
    const groups = { [G1]: '语文组', [G2]: '数学组', [G3]: '英语组', [G4]: '体艺组' };
    expect(audienceLabel({ kind: 'groups', groupIds: [G1, G2, G3, G4] }, { groups })).toBe('语文组、数学组、英语组等 4 个小组');
  });

  it('falls back to a count when a group has no name (deleted) or no names are given', () => {
    expect(audienceLabel({ kind: 'groups', groupIds: [G1, G2] }, { groups: { [G1]: '语文组' } })).toBe('指定工会小组（2 个）');
    expect(audienceLabel({ kind: 'groups', groupIds: [G1, G2, G3] })).toBe('指定工会小组（3 个）');
  });

  it('lists departments by name', () => {
    expect(audienceLabel({ kind: 'departments', departments: ['教务处'] })).toBe('教务处');
    expect(audienceLabel({ kind: 'departments', departments: ['教务处', '总务处'] })).toBe('教务处、总务处');
    expect(audienceLabel({ kind: 'departments', departments: ['教务处', '总务处', '政教处', '办公室', '后勤'] })).toBe('教务处、总务处、政教处等 5 个部门');
  });

  it('names the interest group, or says 兴趣小组成员 when its name is unknown', () => {
    expect(audienceLabel({ kind: 'club', clubId: G4 }, { clubName: '羽毛球俱乐部' })).toBe('兴趣小组：羽毛球俱乐部');
    expect(audienceLabel({ kind: 'club', clubId: G4 }, { clubName: null })).toBe('兴趣小组成员');
    expect(audienceLabel({ kind: 'club', clubId: G4 })).toBe('兴趣小组成员');
  });

  it('counts the people of a list', () => {
    const ids = Array.from({ length: 12 }, (_, i) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`);
    expect(audienceLabel({ kind: 'list', memberIds: ids })).toBe('指定人员（12 人）');
    expect(audienceLabel({ kind: 'list', memberIds: [G1] })).toBe('指定人员（1 人）');
  });
});
