import { describe, expect, it } from 'vitest';
import { PORTFOLIOS } from '../contracts/roles.js';
import { ACTIONS, assertNever, can, type Action } from './policy.js';
import { A, A_G1, A_G2, A_S, A_S_G3, AB, actor, actorFor, B, B_G1, COLUMNS, memberOf, org, P } from './policy.fixtures.js';

// The tree and the roles are in policy.fixtures.ts; the module matrices (plans, activities, care, congress…) in policy-modules.test.ts.

/*
 * The matrix: who may do what to a member of School A who sits in 语文组 (/p/a/g1/) and is not the actor.
 * Every role is placed where the tree holds it: union roles in School A, the group leader in 语文组,
 * the parent-union admin in the district union, the platform admin nowhere.
 * Y = allowed, . = refused. Derived from DOMAIN.md §2:
 *  - a member sees only their own records; the dashboard and the org page are open to anyone with a role;
 *  - a group leader reads the group's roster (phones included, to reach people) but edits nothing;
 *  - committee members read the roster; 组织 (organisation) keeps it (IDs, create/update/import…);
 *    生活福利 and 女工 need phones for visits and care; other portfolios see masked phones;
 *  - chair and vice chair do everything in their organisation, audit trail and password resets included;
 *  - a handler (承办部门) only answers proposals and requests: no roster;
 *  - a parent-union admin sees aggregates, never a member's file;
 *  - a platform admin runs organisations and accounts, but reads no member file.
 */
// prettier-ignore
const MATRIX: Record<Action, string> = {
  //                    mbr  grp  组织 宣传 文体 女工 福利 经审 提案 vice chair hdl  par  plat
  'org.read':           'Y    Y    Y    Y    Y    Y    Y    Y    Y    Y    Y     Y    .    Y',
  'org.create':         '.    .    .    .    .    .    .    .    .    .    .     .    .    Y',
  'org.manageGroups':   '.    .    .    .    .    .    .    .    .    Y    Y     .    .    .',
  'org.manageRoles':    '.    .    .    .    .    .    .    .    .    Y    Y     .    .    .',
  'member.list':        '.    Y    Y    Y    Y    Y    Y    Y    Y    Y    Y     .    .    .',
  'member.read':        '.    Y    Y    Y    Y    Y    Y    Y    Y    Y    Y     .    .    .',
  'member.readPhone':   '.    Y    Y    .    .    Y    Y    .    .    Y    Y     .    .    .',
  'member.readIdCard':  '.    .    Y    .    .    .    .    .    .    Y    Y     .    .    .',
  'member.create':      '.    .    Y    .    .    .    .    .    .    Y    Y     .    .    .',
  'member.update':      '.    .    Y    .    .    .    .    .    .    Y    Y     .    .    .',
  'member.retire':      '.    .    Y    .    .    .    .    .    .    Y    Y     .    .    .',
  'member.transferOut': '.    .    Y    .    .    .    .    .    .    Y    Y     .    .    .',
  'member.import':      '.    .    Y    .    .    .    .    .    .    Y    Y     .    .    .',
  'member.export':      '.    Y    Y    Y    Y    Y    Y    Y    Y    Y    Y     .    .    .',
  'audit.read':         '.    .    .    .    .    .    .    .    .    Y    Y     .    .    .',
  'user.resetPassword': '.    .    .    .    .    .    .    .    .    Y    Y     .    .    Y',
  'dashboard.read':     'Y    Y    Y    Y    Y    Y    Y    Y    Y    Y    Y     Y    .    .',
  // Plans are about an organisation, never a member file: refused here, see the plan matrix below.
  'plan.read':          '.    .    .    .    .    .    .    .    .    .    .     .    .    .',
  'plan.manage':        '.    .    .    .    .    .    .    .    .    .    .     .    .    .',
  // Likewise activities: see the activity matrix below.
  'activity.read':      '.    .    .    .    .    .    .    .    .    .    .     .    .    .',
  'activity.manage':    '.    .    .    .    .    .    .    .    .    .    .     .    .    .',
  // Care of a member: leaders, committee, the member's group leader; caps are passed only by the chair.
  'care.read':          '.    Y    Y    Y    Y    Y    Y    Y    Y    Y    Y     .    .    .',
  'care.register':      '.    Y    Y    Y    Y    Y    Y    Y    Y    Y    Y     .    .    .',
  'care.visit':         '.    Y    Y    Y    Y    Y    Y    Y    Y    Y    Y     .    .    .',
  // Standards, campaigns and reports are about the union itself, never a member file.
  'care.manage':        '.    .    .    .    .    .    .    .    .    .    .     .    .    .',
  'care.override':      '.    .    .    .    .    .    .    .    .    .    Y     .    .    .',
  // Hardship files: the chair and the welfare member only; women's health: the chair and the women's member.
  'hardship.read':      '.    .    .    .    .    .    Y    .    .    .    Y     .    .    .',
  'hardship.manage':    '.    .    .    .    .    .    Y    .    .    .    Y     .    .    .',
  'hardship.approve':   '.    .    .    .    .    .    .    .    .    .    Y     .    .    .',
  'health.read':        '.    .    .    .    .    Y    .    .    .    .    Y     .    .    .',
  'health.manage':      '.    .    .    .    .    Y    .    .    .    .    Y     .    .    .',
  // The congress and proposals are about the union itself, never a member file: see the congress matrix below.
  'congress.read':      '.    .    .    .    .    .    .    .    .    .    .     .    .    .',
  'congress.manage':    '.    .    .    .    .    .    .    .    .    .    .     .    .    .',
  'proposal.review':    '.    .    .    .    .    .    .    .    .    .    .     .    .    .',
  'proposal.handle':    '.    .    .    .    .    .    .    .    .    .    .     .    .    .',
  // Evaluations and elections likewise: see the congress matrix below.
  'evaluation.read':    '.    .    .    .    .    .    .    .    .    .    .     .    .    .',
  'evaluation.manage':  '.    .    .    .    .    .    .    .    .    .    .     .    .    .',
  'election.read':      '.    .    .    .    .    .    .    .    .    .    .     .    .    .',
  'election.manage':    '.    .    .    .    .    .    .    .    .    .    .     .    .    .',
};

describe('policy matrix: every role × every action on a member of the actor’s own union', () => {
  it('covers every action and every committee portfolio', () => {
    expect(Object.keys(MATRIX).sort()).toEqual([...ACTIONS].sort());
    expect(COLUMNS.filter((c) => c.startsWith('committee:')).map((c) => c.slice(10))).toEqual([...PORTFOLIOS]);
    for (const row of Object.values(MATRIX)) expect(row.split(/\s+/)).toHaveLength(COLUMNS.length);
  });

  const resource = memberOf(A, A_G1);
  for (const action of ACTIONS) {
    const expected = MATRIX[action].split(/\s+/);
    COLUMNS.forEach((column, i) => {
      it(`${column} ${expected[i] === 'Y' ? 'may' : 'may not'} ${action}`, () => {
        expect(can(actorFor(column), action, resource)).toBe(expected[i] === 'Y');
      });
    });
  }
});

describe('scope: schools', () => {
  const chairA = actor(A, [['chair']]);

  it('a chair of School A reaches a member of School A', () => {
    for (const action of ['member.read', 'member.update', 'member.readIdCard'] as const) {
      expect(can(chairA, action, memberOf(A, A_G1)), action).toBe(true);
      expect(can(chairA, action, memberOf(A)), `${action}, no group`).toBe(true);
    }
    expect(can(chairA, 'member.list', org(A))).toBe(true);
  });

  it('a chair of School A cannot read, update or list a member of School B', () => {
    for (const action of ['member.read', 'member.update', 'member.readPhone', 'member.readIdCard', 'member.retire', 'member.transferOut'] as const) {
      expect(can(chairA, action, memberOf(B, B_G1)), action).toBe(false);
      expect(can(chairA, action, memberOf(B)), `${action}, no group`).toBe(false);
    }
    for (const action of ['member.list', 'member.export', 'member.import', 'member.create', 'org.read', 'org.manageGroups', 'audit.read', 'user.resetPassword'] as const) {
      expect(can(chairA, action, org(B)), action).toBe(false);
    }
  });

  it('a chair of School A (/p/a/) does not reach School AB (/p/ab/), whose path shares its first characters', () => {
    expect(can(chairA, 'org.read', org(AB))).toBe(false);
    expect(can(chairA, 'member.list', org(AB))).toBe(false);
    expect(can(chairA, 'member.read', memberOf(AB))).toBe(false);
  });

  it('a chair of School A cannot act on the parent union above it', () => {
    expect(can(chairA, 'org.read', org(P))).toBe(false);
    expect(can(chairA, 'org.manageGroups', org(P))).toBe(false);
    expect(can(chairA, 'audit.read', org(P))).toBe(false);
  });

  it('a chair manages the groups and sub-unions beneath the school', () => {
    for (const o of [A, A_G1, A_S, A_S_G3]) {
      expect(can(chairA, 'org.manageGroups', org(o)), o.path).toBe(true);
      expect(can(chairA, 'org.manageRoles', org(o)), o.path).toBe(true);
    }
  });

  it('an actor without a current organisation reaches nothing but their own file', () => {
    const lost = actor(null, [], { userId: 'u9' });
    for (const action of ACTIONS) {
      expect(can(lost, action, memberOf(A, A_G1)), action).toBe(false);
      expect(can(lost, action, org(A)), action).toBe(false);
    }
    expect(can(lost, 'member.read', memberOf(A, A_G1, 'u9'))).toBe(true);
  });
});

describe('scope: group leaders', () => {
  const leader = actor(A_G1, [['group_leader']]);

  it('reaches the members of their own group, phones included, ID numbers not', () => {
    const mine = memberOf(A, A_G1);
    expect(can(leader, 'member.read', mine)).toBe(true);
    expect(can(leader, 'member.readPhone', mine)).toBe(true);
    expect(can(leader, 'member.readIdCard', mine)).toBe(false);
    expect(can(leader, 'member.update', mine)).toBe(false);
    expect(can(leader, 'member.list', org(A_G1))).toBe(true);
    expect(can(leader, 'member.export', org(A_G1))).toBe(true);
  });

  it('does not reach another group of the same union, members without a group, or the whole union', () => {
    for (const other of [memberOf(A, A_G2), memberOf(A), memberOf(A, A_S_G3)]) {
      expect(can(leader, 'member.read', other)).toBe(false);
      expect(can(leader, 'member.readPhone', other)).toBe(false);
    }
    expect(can(leader, 'member.list', org(A))).toBe(false);
    expect(can(leader, 'member.list', org(A_G2))).toBe(false);
  });

  it('does not reach the group of the same name in another school', () => {
    expect(can(leader, 'member.read', memberOf(B, B_G1))).toBe(false);
  });

  it('cannot manage groups or roles, not even in their own group', () => {
    expect(can(leader, 'org.manageGroups', org(A_G1))).toBe(false);
    expect(can(leader, 'org.manageRoles', org(A_G1))).toBe(false);
  });
});

describe('scope: sub-unions', () => {
  it('a sub-union chair reaches the members of the groups beneath it, and nobody else in the school', () => {
    const subChair = actor(A_S, [['chair']]);
    expect(can(subChair, 'member.read', memberOf(A, A_S_G3))).toBe(true);
    expect(can(subChair, 'member.readIdCard', memberOf(A, A_S_G3))).toBe(true);
    expect(can(subChair, 'member.list', org(A_S))).toBe(true);
    expect(can(subChair, 'member.read', memberOf(A, A_G1))).toBe(false);
    expect(can(subChair, 'member.read', memberOf(A))).toBe(false);
    expect(can(subChair, 'member.list', org(A))).toBe(false);
  });

  it('a sub-union keeps no roster of its own: creating, importing and editing members stay with the school', () => {
    const subChair = actor(A_S, [['chair']]);
    expect(can(subChair, 'member.create', org(A_S))).toBe(false);
    expect(can(subChair, 'member.import', org(A_S))).toBe(false);
    expect(can(subChair, 'member.update', memberOf(A, A_S_G3))).toBe(false);
  });

  it('a sub-union committee member reads its groups’ roster; 组织 sees ID numbers, 文体 does not', () => {
    const org组织 = actor(A_S, [['committee', '组织']]);
    const org文体 = actor(A_S, [['committee', '文体']]);
    expect(can(org组织, 'member.readIdCard', memberOf(A, A_S_G3))).toBe(true);
    expect(can(org文体, 'member.read', memberOf(A, A_S_G3))).toBe(true);
    expect(can(org文体, 'member.readIdCard', memberOf(A, A_S_G3))).toBe(false);
    expect(can(org文体, 'member.read', memberOf(A, A_G2))).toBe(false);
  });

  it('a group leader of a group inside a sub-union reaches that group', () => {
    const leader = actor(A_S_G3, [['group_leader']]);
    expect(can(leader, 'member.read', memberOf(A, A_S_G3))).toBe(true);
    expect(can(leader, 'member.read', memberOf(A, A_G1))).toBe(false);
  });
});

describe('scope: the parent union', () => {
  const admin = actor(P, [['parent_admin']]);

  it('a parent-union admin reads the child school’s organisation page and dashboard', () => {
    expect(can(admin, 'org.read', org(A))).toBe(true);
    expect(can(admin, 'dashboard.read', org(A))).toBe(true);
    expect(can(admin, 'org.read', org(P))).toBe(true);
    expect(can(admin, 'dashboard.read', org(P))).toBe(true);
  });

  it('a parent-union admin reads no member file of a child union, not even masked', () => {
    for (const action of ['member.read', 'member.readPhone', 'member.readIdCard', 'member.update'] as const) {
      for (const m of [memberOf(A, A_G1), memberOf(A), memberOf(B, B_G1)]) expect(can(admin, action, m), action).toBe(false);
    }
    for (const action of ['member.list', 'member.export', 'member.import', 'member.create'] as const) {
      expect(can(admin, action, org(A)), action).toBe(false);
      expect(can(admin, action, org(P)), action).toBe(false);
    }
  });

  it('a parent-union admin neither manages a school’s groups and roles nor resets its passwords', () => {
    expect(can(admin, 'org.manageGroups', org(A))).toBe(false);
    expect(can(admin, 'org.manageRoles', org(A))).toBe(false);
    expect(can(admin, 'user.resetPassword', org(A))).toBe(false);
    expect(can(admin, 'org.create', org(P))).toBe(false);
  });

  it('a parent-union chair has no roster either', () => {
    const parentChair = actor(P, [['chair']]);
    expect(can(parentChair, 'member.read', memberOf(A, A_G1))).toBe(false);
    expect(can(parentChair, 'member.list', org(A))).toBe(false);
    expect(can(parentChair, 'member.list', org(P))).toBe(false);
  });

  it('a parent-union chair manages the roles of the parent union itself, not the groups, roles or accounts of a school', () => {
    const parentChair = actor(P, [['chair']]);
    expect(can(parentChair, 'org.manageRoles', org(P))).toBe(true);
    expect(can(parentChair, 'org.manageRoles', org(A))).toBe(false);
    expect(can(parentChair, 'org.manageGroups', org(A))).toBe(false);
    expect(can(parentChair, 'org.manageGroups', org(P))).toBe(false);
    expect(can(parentChair, 'user.resetPassword', org(A))).toBe(false);
    expect(can(parentChair, 'user.resetPassword', org(P))).toBe(false);
  });

  it('a parent-union admin of another district sees nothing of this one', () => {
    const other = actor({ id: 'q', path: '/q/', kind: 'parent' }, [['parent_admin']]);
    expect(can(other, 'org.read', org(A))).toBe(false);
    expect(can(other, 'dashboard.read', org(P))).toBe(false);
  });
});

describe('scope: a member’s own file', () => {
  const me = actor(A_G1, [['member']], { userId: 'u1' });

  it('a plain member reads their own file, phone and ID number included', () => {
    const mine = memberOf(A, A_G1, 'u1');
    expect(can(me, 'member.read', mine)).toBe(true);
    expect(can(me, 'member.readPhone', mine)).toBe(true);
    expect(can(me, 'member.readIdCard', mine)).toBe(true);
  });

  it('a plain member can read their own file whichever organisation is selected', () => {
    const elsewhere = actor(B, [['member']], { userId: 'u1' });
    expect(can(elsewhere, 'member.read', memberOf(A, A_G1, 'u1'))).toBe(true);
  });

  it('but cannot change it, nor list the roster', () => {
    const mine = memberOf(A, A_G1, 'u1');
    for (const action of ['member.update', 'member.retire', 'member.transferOut', 'member.create', 'member.import'] as const) {
      expect(can(me, action, mine), action).toBe(false);
    }
    expect(can(me, 'member.list', org(A_G1))).toBe(false);
    expect(can(me, 'member.export', org(A_G1))).toBe(false);
  });

  it('a plain member cannot read another member’s file, in the same group or not', () => {
    for (const other of [memberOf(A, A_G1, 'u2'), memberOf(A, A_G1, null), memberOf(A, A_G2, 'u2')]) {
      expect(can(me, 'member.read', other)).toBe(false);
      expect(can(me, 'member.readPhone', other)).toBe(false);
    }
  });

  it('a file without an account is nobody’s own', () => {
    expect(can(me, 'member.read', memberOf(A, A_G1, null))).toBe(false);
    expect(can(me, 'member.readIdCard', memberOf(A, A_G1, null))).toBe(false);
  });
});

describe('several roles and platform admins', () => {
  it('roles held together add up (member + 女工 committee reads phones)', () => {
    const both = actor(A, [['member'], ['committee', '女工']]);
    expect(can(both, 'member.readPhone', memberOf(A, A_G1))).toBe(true);
    expect(can(both, 'member.readIdCard', memberOf(A, A_G1))).toBe(false);
  });

  it('a committee member without a portfolio reads the roster but not phones', () => {
    const plain = actor(A, [['committee', '']]);
    expect(can(plain, 'member.read', memberOf(A, A_G1))).toBe(true);
    expect(can(plain, 'member.readPhone', memberOf(A, A_G1))).toBe(false);
  });

  it('a platform admin creates organisations, reads any of them and resets any password, but reads no member file', () => {
    const admin = actor(null, [], { isPlatformAdmin: true });
    expect(can(admin, 'org.create', org(P))).toBe(true);
    expect(can(admin, 'org.read', org(B))).toBe(true);
    expect(can(admin, 'user.resetPassword', org(B))).toBe(true);
    expect(can(admin, 'member.read', memberOf(B))).toBe(false);
    expect(can(admin, 'member.list', org(B))).toBe(false);
    expect(can(admin, 'audit.read', org(B))).toBe(false);
  });

  it('a platform admin who is also a school chair has the chair’s rights there, and only there', () => {
    const both = actor(A, [['chair']], { isPlatformAdmin: true });
    expect(can(both, 'member.readIdCard', memberOf(A, A_G1))).toBe(true);
    expect(can(both, 'member.read', memberOf(B, B_G1))).toBe(false);
    expect(can(both, 'org.create', org(P))).toBe(true);
  });

  it('only a platform admin creates organisations, whatever the role', () => {
    for (const column of COLUMNS) expect(can(actorFor(column), 'org.create', org(A)), column).toBe(column === 'platform_admin');
  });

  it('defaults to no resource: a role in the current organisation is enough for the dashboard', () => {
    expect(can(actor(A, [['member']]), 'dashboard.read')).toBe(true);
    expect(can(actor(A, []), 'dashboard.read')).toBe(false);
  });
});

describe('assertNever', () => {
  it('throws for a value the type system said could not exist', () => {
    expect(() => assertNever('surprise' as never)).toThrow('surprise');
  });
});

/*
 * Plans and the calendar of School A (its own node): everyone with a role in the school reads them, the group
 * leader too (from the group beneath); leaders and committee members (any portfolio) write them; a handler
 * reads; the district's admin and the platform admin do neither.
 */
