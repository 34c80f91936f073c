import { describe, expect, it } from 'vitest';
import { composition, type CompositionRep } from './composition.js';

const POLICY = { teacherMinPercent: 60, leaderMaxPercent: 20 };
const TODAY = '2026-09-01';

function rep(over: Partial<CompositionRep> = {}): CompositionRep {
  return { category: 'teacher', isLeader: false, gender: 'M', birthDate: '1985-03-02', kind: 'representative', ...over };
}

/** `teachers` teachers, `leaders` of them leaders, then staff up to `total`. */
function roster(total: number, teachers: number, leaders: number): CompositionRep[] {
  return Array.from({ length: total }, (_, i) => rep({ category: i < teachers ? 'teacher' : 'staff', isLeader: i < leaders }));
}

const checkOf = (reps: CompositionRep[], rule: 'teachers' | 'leaders', policy = POLICY) => composition(reps, policy, TODAY).checks.find((c) => c.rule === rule)!;

describe('composition checks', () => {
  it('shows the numbers of a good composition', () => {
    const result = composition(roster(67, 41, 12), POLICY, TODAY);
    expect(result).toMatchObject({ total: 67, teachers: 41, leaders: 12 });
    expect(result.checks).toEqual([
      { rule: 'teachers', ok: true, text: '教师代表 41 / 67 = 61.2%（不低于 60%）✓' },
      { rule: 'leaders', ok: true, text: '中层以上 12 / 67 = 17.9%（不超过 20%）✓' },
    ]);
  });

  it('accepts exactly 60 % teachers and refuses one fewer', () => {
    expect(checkOf(roster(60, 36, 0), 'teachers')).toEqual({ rule: 'teachers', ok: true, text: '教师代表 36 / 60 = 60%（不低于 60%）✓' });
    expect(checkOf(roster(60, 35, 0), 'teachers')).toEqual({ rule: 'teachers', ok: false, text: '教师代表 35 / 60 = 58.3%（应不低于 60%）✗' });
  });

  it('accepts exactly 20 % leaders and refuses one more', () => {
    expect(checkOf(roster(60, 40, 12), 'leaders')).toEqual({ rule: 'leaders', ok: true, text: '中层以上 12 / 60 = 20%（不超过 20%）✓' });
    expect(checkOf(roster(60, 40, 13), 'leaders')).toEqual({ rule: 'leaders', ok: false, text: '中层以上 13 / 60 = 21.7%（应不超过 20%）✗' });
  });

  it('never shows the limit itself next to a ✗', () => {
    // 59.99 % rounds to 60.0 % and 20.01 % to 20.0 %: shown as 59.9 % and 20.1 %.
    expect(checkOf(roster(10_000, 5_999, 0), 'teachers')).toEqual({ rule: 'teachers', ok: false, text: '教师代表 5999 / 10000 = 59.9%（应不低于 60%）✗' });
    expect(checkOf(roster(10_000, 8_000, 2_001), 'leaders')).toEqual({ rule: 'leaders', ok: false, text: '中层以上 2001 / 10000 = 20.1%（应不超过 20%）✗' });
  });

  it('reads the term’s own policy', () => {
    const policy = { teacherMinPercent: 70, leaderMaxPercent: 15 };
    expect(checkOf(roster(67, 41, 12), 'teachers', policy).text).toBe('教师代表 41 / 67 = 61.2%（应不低于 70%）✗');
    expect(checkOf(roster(67, 41, 12), 'leaders', policy).text).toBe('中层以上 12 / 67 = 17.9%（应不超过 15%）✗');
  });

  it('counts a teacher who is also a leader in both', () => {
    const result = composition([rep({ isLeader: true }), rep(), rep({ category: 'worker' }), rep({ category: 'staff' }), rep()], POLICY, TODAY);
    expect(result).toMatchObject({ total: 5, teachers: 3, leaders: 1 });
    expect(result.checks.map((c) => c.ok)).toEqual([true, true]);
  });

  it('leaves invited and attending-only people out of every figure', () => {
    const reps = [
      ...roster(10, 6, 2),
      rep({ kind: 'invited', category: 'staff', isLeader: true, gender: 'F', birthDate: '1960-01-01' }),
      rep({ kind: 'observer', category: 'worker', isLeader: true, gender: 'F', birthDate: null }),
    ];
    const result = composition(reps, POLICY, TODAY);
    expect(result).toMatchObject({ total: 10, teachers: 6, leaders: 2, women: 0 });
    expect(result.checks[0].text).toBe('教师代表 6 / 10 = 60%（不低于 60%）✓');
    expect(result.ageBands.reduce((n, b) => n + b.count, 0)).toBe(10);
    expect(result.ageBands.map((b) => b.label)).not.toContain('出生日期未填');
  });

  it('fails both checks, saying why, with no representatives', () => {
    const result = composition([rep({ kind: 'invited' })], POLICY, TODAY);
    expect(result).toMatchObject({ total: 0, teachers: 0, leaders: 0, women: 0 });
    expect(result.checks).toEqual([
      { rule: 'teachers', ok: false, text: '尚无代表，无法核对教师代表比例（应不低于 60%）' },
      { rule: 'leaders', ok: false, text: '尚无代表，无法核对中层以上比例（应不超过 20%）' },
    ]);
  });
});

describe('composition counts', () => {
  it('counts women, not unknown genders', () => {
    const result = composition([rep({ gender: 'F' }), rep({ gender: 'F' }), rep({ gender: 'M' }), rep({ gender: null })], POLICY, TODAY);
    expect(result.women).toBe(2);
    expect(result.total).toBe(4);
  });

  it('puts ages into bands on the given day, birthdays deciding the boundaries', () => {
    const born = (birthDate: string | null) => rep({ birthDate });
    const result = composition(
      [
        born('1991-09-01'), // 35 today → 35岁及以下
        born('1990-09-02'), // 35, 36 tomorrow → 35岁及以下
        born('1990-09-01'), // 36 today → 36—45岁
        born('1980-09-02'), // 45 → 36—45岁
        born('1980-09-01'), // 46 → 46—55岁
        born('1970-09-02'), // 55 → 46—55岁
        born('1970-09-01'), // 56 → 56岁及以上
        born('1966-01-01'), // 60 → 56岁及以上
        born(null),
      ],
      POLICY,
      TODAY,
    );
    expect(result.ageBands).toEqual([
      { label: '35岁及以下', count: 2 },
      { label: '36—45岁', count: 2 },
      { label: '46—55岁', count: 2 },
      { label: '56岁及以上', count: 2 },
      { label: '出生日期未填', count: 1 },
    ]);
  });

  it('counts a 29 February birthday as turning over on 1 March', () => {
    const bands = (today: string) => composition([rep({ birthDate: '1992-02-29' })], POLICY, today).ageBands;
    expect(bands('2028-02-28')[0]).toEqual({ label: '35岁及以下', count: 1 });
    expect(bands('2028-02-29')[1]).toEqual({ label: '36—45岁', count: 1 });
    // Born 1980-02-29: 46 only on 1 March of the common year 2026.
    const older = (today: string) => composition([rep({ birthDate: '1980-02-29' })], POLICY, today).ageBands;
    expect(older('2026-02-28')[1]).toEqual({ label: '36—45岁', count: 1 });
    expect(older('2026-03-01')[2]).toEqual({ label: '46—55岁', count: 1 });
  });

  it('always lists the four bands, empty ones included', () => {
    expect(composition([], POLICY, TODAY).ageBands).toEqual([
      { label: '35岁及以下', count: 0 },
      { label: '36—45岁', count: 0 },
      { label: '46—55岁', count: 0 },
      { label: '56岁及以上', count: 0 },
    ]);
  });
});
