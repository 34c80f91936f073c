import { describe, expect, it } from 'vitest';
import { EVALUATION_GROUPS, type EvaluationGroup } from '../../contracts/evaluations.js';
import { seededRandom } from '../seeded-random.js';
import { groupOfPostType, groupsToKeep, hiddenGroupsNote, recordedGroups, type GroupCounts } from './groups.js';

const sorted = (s: Set<EvaluationGroup>) => EVALUATION_GROUPS.filter((g) => s.has(g));

describe('groupOfPostType', () => {
  it('maps each post type to its group and a missing one to 其他', () => {
    expect(groupOfPostType('teacher')).toBe('teacher');
    expect(groupOfPostType('staff')).toBe('staff');
    expect(groupOfPostType('worker')).toBe('worker');
    expect(groupOfPostType('other')).toBe('other');
    expect(groupOfPostType(null)).toBe('other');
  });
});

describe('groupsToKeep', () => {
  it('keeps a group of exactly the minimum and drops one of a voter less', () => {
    expect(sorted(groupsToKeep({ teacher: 60, staff: 5 }, 5))).toEqual(['teacher', 'staff']);
    expect(sorted(groupsToKeep({ teacher: 60, staff: 5, worker: 5 }, 5))).toEqual(['teacher', 'staff', 'worker']);
  });

  it('drops the smallest shown group when the hidden ones are fewer than the minimum', () => {
    // worker 2 alone would be total − teacher − staff; staff goes too, leaving 10 hidden
    expect(sorted(groupsToKeep({ teacher: 60, staff: 8, worker: 2 }, 5))).toEqual(['teacher']);
    // teacher alone shown would give worker as total − teacher: nothing is shown
    expect(sorted(groupsToKeep({ teacher: 60, worker: 2 }, 5))).toEqual([]);
    expect(sorted(groupsToKeep({ teacher: 60, staff: 4 }, 5))).toEqual([]);
  });

  it('needs no second drop when the hidden ones reach the minimum together', () => {
    expect(sorted(groupsToKeep({ teacher: 60, staff: 3, worker: 2 }, 5))).toEqual(['teacher']);
    expect(sorted(groupsToKeep({ teacher: 60, staff: 8, worker: 3, other: 2 }, 5))).toEqual(['teacher', 'staff']);
  });

  it('counts ballots without a group among the hidden ones', () => {
    expect(sorted(groupsToKeep({ teacher: 60, none: 5 }, 5))).toEqual(['teacher']);
    expect(sorted(groupsToKeep({ teacher: 60, none: 4 }, 5))).toEqual([]);
    expect(sorted(groupsToKeep({ teacher: 60, staff: 10, none: 3 }, 5))).toEqual(['teacher']);
  });

  it('drops the later group in 教师, 职员, 工勤, 其他 order between two of the same size', () => {
    expect(sorted(groupsToKeep({ teacher: 6, staff: 6, worker: 2 }, 5))).toEqual(['teacher']);
    expect(sorted(groupsToKeep({ staff: 6, worker: 6, other: 6, none: 1 }, 5))).toEqual(['staff', 'worker']);
  });

  it('repeats until the rest is large enough', () => {
    // rest 1 → drop other (5) → 6: done
    expect(sorted(groupsToKeep({ teacher: 7, staff: 6, other: 5, none: 1 }, 5))).toEqual(['teacher', 'staff']);
    // min 10: rest 1 → drop worker (5) → 6 → drop staff (6) → 12: done
    expect(sorted(groupsToKeep({ teacher: 20, staff: 12, worker: 10, none: 1 }, 10))).toEqual(['teacher', 'staff']);
    expect(sorted(groupsToKeep({ teacher: 20, staff: 10, worker: 10, none: 1 }, 12))).toEqual(['teacher']);
  });

  it('shows nothing without ballots and ignores empty groups', () => {
    expect(sorted(groupsToKeep({}, 5))).toEqual([]);
    expect(sorted(groupsToKeep({ teacher: 60, staff: 0, worker: 0 }, 5))).toEqual(['teacher']);
    expect(sorted(groupsToKeep({ teacher: 3, staff: 2 }, 5))).toEqual([]);
  });

  it('leaves a rest of 0 or at least the minimum, and every shown group at least the minimum, for any counts', () => {
    const random = seededRandom(5);
    for (let i = 0; i < 2000; i++) {
      const min = 3 + Math.floor(random() * 8);
      const counts: GroupCounts = {};
      for (const key of [...EVALUATION_GROUPS, 'none'] as const) counts[key] = Math.floor(random() * random() * 30);
      const kept = groupsToKeep(counts, min);
      const rest = (counts.none ?? 0) + EVALUATION_GROUPS.filter((g) => !kept.has(g)).reduce((sum, g) => sum + (counts[g] ?? 0), 0);
      for (const g of kept) expect(counts[g]!, JSON.stringify(counts)).toBeGreaterThanOrEqual(min);
      if (kept.size > 0) expect(rest === 0 || rest >= min, `${JSON.stringify(counts)} ${min}`).toBe(true);
    }
  });

  it('refuses a minimum below 1 and counts that are not whole numbers', () => {
    expect(() => groupsToKeep({ teacher: 5 }, 0)).toThrow(RangeError);
    expect(() => groupsToKeep({ teacher: -1 }, 5)).toThrow(RangeError);
    expect(() => groupsToKeep({ teacher: 1.5 }, 5)).toThrow(RangeError);
  });
});

describe('recordedGroups', () => {
  it('applies the same rule to the roll', () => {
    expect(sorted(recordedGroups({ teacher: 60, staff: 8, worker: 2 }, 5))).toEqual(['teacher']);
    expect(sorted(recordedGroups({ teacher: 60, worker: 2 }, 5))).toEqual([]);
    expect(sorted(recordedGroups({ teacher: 50, staff: 20, other: 5 }, 5))).toEqual(['teacher', 'staff', 'other']);
    expect(sorted(recordedGroups({}, 5))).toEqual([]);
  });
});

describe('hiddenGroupsNote', () => {
  it('names the small groups', () => {
    const counts = { teacher: 60, worker: 3, other: 2 };
    expect(hiddenGroupsNote(counts, groupsToKeep(counts, 5), 5)).toBe('工勤、其他 参评人数不足 5 人，不单独列出');
  });

  it('says why a large group is hidden too', () => {
    const counts = { teacher: 60, staff: 8, worker: 2 };
    expect(hiddenGroupsNote(counts, groupsToKeep(counts, 5), 5)).toBe('工勤 参评人数不足 5 人，不单独列出；为免从合计中推算，职员 也不单独列出');
    const two = { teacher: 60, worker: 2 };
    expect(hiddenGroupsNote(two, groupsToKeep(two, 5), 5)).toBe('工勤 参评人数不足 5 人，不单独列出；为免从合计中推算，教师 也不单独列出');
  });

  it('mentions voters without a recorded group', () => {
    const counts = { teacher: 60, none: 6 };
    expect(hiddenGroupsNote(counts, groupsToKeep(counts, 5), 5)).toBe('所在类别人数不足 5 人的参评人员，不单独列出');
    const forced = { teacher: 60, staff: 9, none: 2 };
    expect(hiddenGroupsNote(forced, groupsToKeep(forced, 5), 5)).toBe('所在类别人数不足 5 人的参评人员，不单独列出；为免从合计中推算，职员 也不单独列出');
  });

  it('is null when every group with ballots is shown', () => {
    const counts = { teacher: 60, staff: 8 };
    expect(hiddenGroupsNote(counts, groupsToKeep(counts, 5), 5)).toBeNull();
    expect(hiddenGroupsNote({}, new Set(), 5)).toBeNull();
  });
});
