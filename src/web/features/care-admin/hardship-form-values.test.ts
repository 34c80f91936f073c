import { describe, expect, it } from 'vitest';
import { hardshipBodyOf, hardshipPatchOf, newHardshipValues, previewLevel } from './hardship-form-values';

describe('hardship form values', () => {
  const typed = {
    ...newHardshipValues(2026, 'm1'),
    householdSize: 4,
    annualIncomeFen: '60,000',
    unavoidableCostsFen: '21000元',
    household: [{ name: ' 王芳 ', relation: ' 配偶 ' }],
    reasons: ' 配偶长期患病 ',
  };

  it('sends fen and trimmed text', () => {
    expect(hardshipBodyOf(typed)).toEqual({
      memberId: 'm1',
      year: 2026,
      householdSize: 4,
      annualIncomeFen: 6_000_000,
      unavoidableCostsFen: 2_100_000,
      isAccident: false,
      household: [{ name: '王芳', relation: '配偶', note: '' }],
      reasons: '配偶长期患病',
    });
    expect(hardshipPatchOf(typed)).not.toHaveProperty('memberId');
    expect(hardshipPatchOf(typed)).not.toHaveProperty('year');
  });

  it('previews the level the server will compute: (60000 − 21000) ÷ 12 ÷ 4 = 812.50 元 < 850 → 深度困难', () => {
    expect(previewLevel(typed, 85_000)).toEqual({ perCapitaFen: 81_250, level: 'deep' });
    expect(previewLevel(typed, 81_250)).toEqual({ perCapitaFen: 81_250, level: 'relative' });
    expect(previewLevel(typed, 40_625)).toEqual({ perCapitaFen: 81_250, level: 'none' });
    expect(previewLevel({ ...typed, isAccident: true }, 40_625)?.level).toBe('accident');
    expect(previewLevel(typed, null)?.level).toBe('none');
  });

  it('previews nothing until the household size and the income are there', () => {
    expect(previewLevel({ ...typed, householdSize: null }, 85_000)).toBeNull();
    expect(previewLevel({ ...typed, annualIncomeFen: '' }, 85_000)).toBeNull();
    expect(previewLevel({ ...typed, annualIncomeFen: '六万' }, 85_000)).toBeNull();
    expect(previewLevel({ ...typed, unavoidableCostsFen: '' }, 85_000)).toEqual({ perCapitaFen: 125_000, level: 'relative' });
  });
});
