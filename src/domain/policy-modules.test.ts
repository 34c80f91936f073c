import { describe, expect, it } from 'vitest';
import { ACTIONS, can, type Action } from './policy.js';
import { A, A_G1, A_G2, A_S, A_S_G3, AB, actor, actorFor, B, B_G1, COLUMNS, memberOf, org, P } from './policy.fixtures.js';

/* Who may do what on School A itself, module by module: every role × every action of plans, activities, care, congress, proposals, evaluations and elections. */

// prettier-ignore
const PLAN_MATRIX: Record<'plan.read' | 'plan.manage', string> = {
  //                    mbr  grp  组织 宣传 文体 女工 福利 经审 提案 vice chair hdl  par  plat
  'plan.read':          'Y    Y    Y    Y    Y    Y    Y    Y    Y    Y    Y     Y    .    .',
  'plan.manage':        '.    .    Y    Y    Y    Y    Y    Y    Y    Y    Y     .    .    .',
};

describe('policy matrix: every role × plan actions on School A itself', () => {
  for (const action of ['plan.read', 'plan.manage'] as const) {
    const expected = PLAN_MATRIX[action].split(/\s+/);
    COLUMNS.forEach((column, i) => {
      it(`${column} ${expected[i] === 'Y' ? 'may' : 'may not'} ${action} School A's plan`, () => {
        expect(can(actorFor(column), action, org(A))).toBe(expected[i] === 'Y');
      });
    });
  }

  it('a chair of School B neither reads nor writes School A’s plan; a school member reads the district’s but cannot write it', () => {
    expect(can(actor(B, [['chair']]), 'plan.read', org(A))).toBe(false);
    expect(can(actor(B, [['chair']]), 'plan.manage', org(A))).toBe(false);
    expect(can(actor(A, [['chair']]), 'plan.read', org(P))).toBe(true);
    expect(can(actor(A, [['chair']]), 'plan.manage', org(P))).toBe(false);
  });

  it('a district leader writes the district’s own plan but not a school’s', () => {
    expect(can(actor(P, [['chair']]), 'plan.manage', org(P))).toBe(true);
    expect(can(actor(P, [['chair']]), 'plan.manage', org(A))).toBe(false);
    expect(can(actor(P, [['chair']]), 'plan.read', org(A))).toBe(false);
  });
});

/*
 * Activities of School A (its own node): everyone with a role in the school sees them (the handler too, as a
 * person working there); leaders and committee members (any portfolio) publish and manage them; a group leader
 * acting in the group, the district and the platform admin do neither.
 */
// prettier-ignore
const ACTIVITY_MATRIX: Record<'activity.read' | 'activity.manage', string> = {
  //                    mbr  grp  组织 宣传 文体 女工 福利 经审 提案 vice chair hdl  par  plat
  'activity.read':      'Y    .    Y    Y    Y    Y    Y    Y    Y    Y    Y     Y    .    .',
  'activity.manage':    '.    .    Y    Y    Y    Y    Y    Y    Y    Y    Y     .    .    .',
};

describe('policy matrix: every role × activity actions on School A itself', () => {
  for (const action of ['activity.read', 'activity.manage'] as const) {
    const expected = ACTIVITY_MATRIX[action].split(/\s+/);
    COLUMNS.forEach((column, i) => {
      it(`${column} ${expected[i] === 'Y' ? 'may' : 'may not'} ${action} in School A`, () => {
        expect(can(actorFor(column), action, org(A))).toBe(expected[i] === 'Y');
      });
    });
  }

  it('nobody reaches another school’s activities, and a district leader has none of a school’s', () => {
    expect(can(actor(B, [['chair']]), 'activity.read', org(A))).toBe(false);
    expect(can(actor(B, [['chair']]), 'activity.manage', org(A))).toBe(false);
    expect(can(actor(P, [['chair']]), 'activity.manage', org(A))).toBe(false);
    expect(can(actor(P, [['chair']]), 'activity.read', org(P))).toBe(false);
  });
});

/*
 * Care of School A as a whole (its own node, for lists, standards, campaigns and reports): leaders and committee
 * members (any portfolio) work there; caps are passed only by the chair; hardship files belong to the chair and
 * the 生活福利 member, women's health to the chair and the 女工 member. A plain member works on their own records
 * only (see below); a group leader works in the group, not on the school's node; the district and the platform
 * admin do none of it.
 */
type CareAction = 'care.read' | 'care.register' | 'care.visit' | 'care.manage' | 'care.override' | 'hardship.read' | 'hardship.manage' | 'hardship.approve' | 'health.read' | 'health.manage';
// prettier-ignore
const CARE_MATRIX: Record<CareAction, string> = {
  //                    mbr  grp  组织 宣传 文体 女工 福利 经审 提案 vice chair hdl  par  plat
  'care.read':          '.    .    Y    Y    Y    Y    Y    Y    Y    Y    Y     .    .    .',
  'care.register':      '.    .    Y    Y    Y    Y    Y    Y    Y    Y    Y     .    .    .',
  'care.visit':         '.    .    Y    Y    Y    Y    Y    Y    Y    Y    Y     .    .    .',
  'care.manage':        '.    .    Y    Y    Y    Y    Y    Y    Y    Y    Y     .    .    .',
  'care.override':      '.    .    .    .    .    .    .    .    .    .    Y     .    .    .',
  'hardship.read':      '.    .    .    .    .    .    Y    .    .    .    Y     .    .    .',
  'hardship.manage':    '.    .    .    .    .    .    Y    .    .    .    Y     .    .    .',
  'hardship.approve':   '.    .    .    .    .    .    .    .    .    .    Y     .    .    .',
  'health.read':        '.    .    .    .    .    Y    .    .    .    .    Y     .    .    .',
  'health.manage':      '.    .    .    .    .    Y    .    .    .    .    Y     .    .    .',
};
const CARE_ACTIONS = Object.keys(CARE_MATRIX) as CareAction[];

describe('policy matrix: every role × care actions on School A itself', () => {
  it('covers every care, hardship and health action', () => {
    expect([...CARE_ACTIONS].sort()).toEqual(ACTIONS.filter((a) => /^(care|hardship|health)\./.test(a)).sort());
  });

  for (const action of CARE_ACTIONS) {
    const expected = CARE_MATRIX[action].split(/\s+/);
    COLUMNS.forEach((column, i) => {
      it(`${column} ${expected[i] === 'Y' ? 'may' : 'may not'} ${action} in School A`, () => {
        expect(can(actorFor(column), action, org(A))).toBe(expected[i] === 'Y');
      });
    });
  }

  it('standards, campaigns and reports are managed on the school’s own node only, not on a group beneath it', () => {
    expect(can(actor(A, [['chair']]), 'care.manage', org(A_G1))).toBe(false);
    expect(can(actor(A, [['committee', '生活福利']]), 'care.manage', org(A_G1))).toBe(false);
  });

  it('nobody reaches another school’s care, not even a school whose path shares its first characters', () => {
    for (const action of CARE_ACTIONS) {
      expect(can(actor(B, [['chair']]), action, org(A)), action).toBe(false);
      expect(can(actor(A, [['chair']]), action, org(AB)), action).toBe(false);
      expect(can(actor(A, [['chair']]), action, memberOf(B, B_G1)), action).toBe(false);
      expect(can(actor(A, [['committee', '生活福利']]), action, memberOf(AB)), action).toBe(false);
    }
  });

  it('a district chair and a sub-union chair do no care work in the school: care lives in the grassroots union', () => {
    for (const action of CARE_ACTIONS) {
      expect(can(actor(P, [['chair']]), action, org(A)), action).toBe(false);
      expect(can(actor(P, [['chair']]), action, memberOf(A, A_G1)), action).toBe(false);
      expect(can(actor(A_S, [['chair']]), action, memberOf(A, A_S_G3)), action).toBe(false);
      expect(can(actor(A_S, [['chair']]), action, org(A_S)), action).toBe(false);
    }
  });
});

// prettier-ignore
const CONGRESS_MATRIX: Record<string, string> = {
  //                    mbr  grp  组织 宣传 文体 女工 福利 经审 提案 vice chair hdl  par  plat
  'congress.read':      'Y    .    Y    Y    Y    Y    Y    Y    Y    Y    Y     Y    .    .',
  'congress.manage':    '.    .    Y    .    .    .    .    .    .    Y    Y     .    .    .',
  'proposal.review':    '.    .    .    .    .    .    .    .    Y    Y    Y     .    .    .',
  'proposal.handle':    '.    .    .    .    .    .    .    .    .    .    .     Y    .    .',
  'evaluation.read':    'Y    .    Y    Y    Y    Y    Y    Y    Y    Y    Y     Y    .    .',
  'evaluation.manage':  '.    .    Y    .    .    .    .    .    .    Y    Y     .    .    .',
  'election.read':      'Y    .    Y    Y    Y    Y    Y    Y    Y    Y    Y     Y    .    .',
  'election.manage':    '.    .    Y    .    .    .    .    .    .    Y    Y     .    .    .',
};

describe('policy matrix: every role × congress, proposal, evaluation and election actions on School A itself', () => {
  it('covers every such action', () => {
    expect(Object.keys(CONGRESS_MATRIX).sort()).toEqual(ACTIONS.filter((a) => /^(congress|proposal|evaluation|election)\./.test(a)).sort());
  });

  for (const [action, row] of Object.entries(CONGRESS_MATRIX)) {
    const expected = row.split(/\s+/);
    COLUMNS.forEach((column, i) => {
      it(`${column} ${expected[i] === 'Y' ? 'may' : 'may not'} ${action} in School A`, () => {
        expect(can(actorFor(column), action as Action, org(A))).toBe(expected[i] === 'Y');
      });
    });
  }

  it('lives in the grassroots union only: not on a group beneath it, not in another school, not from the district', () => {
    for (const action of Object.keys(CONGRESS_MATRIX) as Action[]) {
      expect(can(actor(A, [['chair']]), action, org(A_G1)), action).toBe(false);
      expect(can(actor(B, [['chair']]), action, org(A)), action).toBe(false);
      expect(can(actor(A, [['chair']]), action, org(AB)), action).toBe(false);
      expect(can(actor(P, [['chair']]), action, org(A)), action).toBe(false);
    }
  });
});

describe('care in a union group: the group leader', () => {
  const leader = actor(A_G1, [['group_leader']]);

  it('lists, registers and visits on the group’s node and for the group’s members', () => {
    for (const action of ['care.read', 'care.register', 'care.visit'] as const) {
      expect(can(leader, action, org(A_G1)), action).toBe(true);
      expect(can(leader, action, memberOf(A, A_G1)), action).toBe(true);
      expect(can(leader, action, memberOf(A, A_G1, null)), `${action}, no account`).toBe(true);
    }
  });

  it('does not reach another group, members without a group, the school’s node, or the same group name elsewhere', () => {
    for (const action of ['care.read', 'care.register', 'care.visit'] as const) {
      for (const resource of [memberOf(A, A_G2), memberOf(A), org(A_G2), org(A), memberOf(B, B_G1), org(B_G1)]) {
        expect(can(leader, action, resource), `${action} ${JSON.stringify(resource)}`).toBe(false);
      }
    }
  });

  it('neither manages standards and campaigns, nor passes a cap, nor sees hardship or health data, even in the group', () => {
    for (const action of ['care.manage', 'care.override', 'hardship.read', 'hardship.manage', 'hardship.approve', 'health.read', 'health.manage'] as const) {
      expect(can(leader, action, org(A_G1)), action).toBe(false);
      expect(can(leader, action, memberOf(A, A_G1)), action).toBe(false);
    }
  });
});

describe('care of a member’s own records', () => {
  const me = actor(A_G1, [['member']], { userId: 'u1' });
  const mine = memberOf(A, A_G1, 'u1');

  it('a member registers their own event, reads their own care records and their own hardship file', () => {
    for (const action of ['care.register', 'care.read', 'hardship.read'] as const) expect(can(me, action, mine), action).toBe(true);
  });

  it('whichever organisation is selected, as with their own member file', () => {
    const elsewhere = actor(B, [['member']], { userId: 'u1' });
    for (const action of ['care.register', 'care.read', 'hardship.read'] as const) expect(can(elsewhere, action, mine), action).toBe(true);
  });

  it('but records no visit, manages nothing, passes no cap and reads no health record, not even their own', () => {
    for (const action of ['care.visit', 'care.manage', 'care.override', 'hardship.manage', 'hardship.approve', 'health.read', 'health.manage'] as const) {
      expect(can(me, action, mine), action).toBe(false);
    }
  });

  it('another member’s records, or a file without an account, are not theirs', () => {
    for (const action of ['care.register', 'care.read', 'hardship.read'] as const) {
      for (const other of [memberOf(A, A_G1, 'u2'), memberOf(A, A_G1, null), memberOf(A, A_G2, 'u2')]) {
        expect(can(me, action, other), action).toBe(false);
      }
    }
  });

  it('a group leader or a committee member who is the member reads their own hardship file, though not others’', () => {
    const leaderMe = actor(A_G1, [['group_leader']], { userId: 'u1' });
    const committeeMe = actor(A, [['committee', '宣传']], { userId: 'u1' });
    expect(can(leaderMe, 'hardship.read', mine)).toBe(true);
    expect(can(committeeMe, 'hardship.read', mine)).toBe(true);
    expect(can(leaderMe, 'hardship.read', memberOf(A, A_G1, 'u2'))).toBe(false);
    expect(can(committeeMe, 'hardship.read', memberOf(A, A_G1, 'u2'))).toBe(false);
  });
});
