import { describe, expect, it } from 'vitest';
import type { CarePolicy } from '../../../contracts/care';
import { newTypeValues, policyBodyOf, policyFormValuesOf } from './policy-form-values';

const policy: CarePolicy = {
  types: [
    {
      id: '11111111-1111-4111-8111-111111111111',
      name: '生病住院',
      kind: 'hospital',
      position: 0,
      archived: false,
      deadlineDays: 3,
      standardFen: 50000,
      capPerEventFen: 50000,
      capPerYearFen: null,
      countPerYear: 1,
      forms: ['goods', 'cash'],
      claimMonths: 6,
      requiresDues: true,
    },
    {
      id: '22222222-2222-4222-8222-222222222222',
      name: '家庭矛盾/情绪波动',
      kind: 'family_conflict',
      position: 1,
      archived: false,
      deadlineDays: 7,
      standardFen: null,
      capPerEventFen: 0,
      capPerYearFen: null,
      countPerYear: null,
      forms: ['goods'],
      claimMonths: null,
      requiresDues: false,
    },
  ],
  festivalCapPerYearFen: 130000,
  festivalForms: ['goods'],
  birthdayCapFen: 30050,
  birthdayForms: ['goods', 'voucher'],
  ethnicFestivals: ['三月三'],
  povertyLines: [
    { year: 2025, monthlyFen: 80000 },
    { year: 2026, monthlyFen: 85000 },
  ],
  preset: 'fujian_2018',
  updatedAt: null,
  canManage: true,
};

describe('policy form values', () => {
  it('shows amounts in yuan, leaves "no limit" blank and puts the latest 低保线 first', () => {
    const v = policyFormValuesOf(policy);
    expect(v.types[0]).toMatchObject({ standardFen: '500', capPerEventFen: '500', capPerYearFen: '', countPerYear: 1, claimMonths: 6 });
    // A cap of 0 ("visit, no money") is a figure, not "no limit".
    expect(v.types[1]!.capPerEventFen).toBe('0');
    expect(v.birthdayCapFen).toBe('300.5');
    expect(v.povertyLines).toEqual([
      { year: 2026, monthlyFen: '850' },
      { year: 2025, monthlyFen: '800' },
    ]);
  });

  it('round-trips the table unchanged', () => {
    const body = policyBodyOf(policyFormValuesOf(policy));
    expect(body.types).toEqual(
      policy.types.map(({ position: _p, ...t }) => t),
    );
    expect(body).toMatchObject({ festivalCapPerYearFen: 130000, birthdayCapFen: 30050, ethnicFestivals: ['三月三'] });
    expect(body.povertyLines).toEqual([
      { year: 2026, monthlyFen: 85000 },
      { year: 2025, monthlyFen: 80000 },
    ]);
  });

  it('reads typed yuan to fen, blanks to null, trims names and drops repeated festivals', () => {
    const v = policyFormValuesOf(policy);
    v.types[0] = { ...v.types[0]!, name: ' 生病住院 ', capPerEventFen: '1,000.5', capPerYearFen: ' ', countPerYear: null, deadlineDays: null };
    v.types.push({ ...newTypeValues(), name: '退休教职工走访' });
    v.festivalCapPerYearFen = '';
    v.ethnicFestivals = ['三月三', ' 三月三 ', '泼水节'];
    const body = policyBodyOf(v);
    expect(body.types[0]).toMatchObject({ name: '生病住院', capPerEventFen: 100050, capPerYearFen: null, countPerYear: null, deadlineDays: null });
    expect(body.types[2]).toEqual({
      name: '退休教职工走访',
      kind: 'other',
      archived: false,
      deadlineDays: null,
      standardFen: null,
      capPerEventFen: null,
      capPerYearFen: null,
      countPerYear: null,
      forms: ['goods', 'cash'],
      claimMonths: null,
      requiresDues: false,
    });
    expect(body.types[2]).not.toHaveProperty('id');
    expect(body.festivalCapPerYearFen).toBeNull();
    expect(body.ethnicFestivals).toEqual(['三月三', '泼水节']);
  });
});
