import { describe, expect, it } from 'vitest';
import { campaignBodyOf, campaignFestivals, defaultCampaignTitle, type CampaignFormValues } from './campaign-form-values';

const base: CampaignFormValues = {
  festival: ' 中秋 ',
  year: 2026,
  title: ' 2026年中秋节慰问 ',
  perPersonFen: '200.5',
  form: 'goods',
  goods: ' 月饼一盒 ',
  audience: { kind: 'all', groupIds: ['left-over'], memberIds: ['left-over'] },
  fundCategory: '职工集体福利',
};

describe('campaign form values', () => {
  it('sends fen, trimmed text and only the ids of the chosen audience', () => {
    expect(campaignBodyOf(base)).toEqual({
      festival: '中秋',
      year: 2026,
      title: '2026年中秋节慰问',
      perPersonFen: 20050,
      form: 'goods',
      goods: '月饼一盒',
      audience: { kind: 'all' },
      fundCategory: '职工集体福利',
    });
    expect(campaignBodyOf({ ...base, audience: { kind: 'groups', groupIds: ['g1'], memberIds: ['x'] } }).audience).toEqual({ kind: 'groups', groupIds: ['g1'] });
    expect(campaignBodyOf({ ...base, audience: { kind: 'departments', departments: [' 语文组 ', ''] } }).audience).toEqual({ kind: 'departments', departments: ['语文组'] });
    expect(campaignBodyOf({ ...base, audience: { kind: 'list' } }).audience).toEqual({ kind: 'list', memberIds: [] });
    expect(campaignBodyOf({ ...base, audience: { kind: 'retirees', groupIds: ['g1'] } }).audience).toEqual({ kind: 'retirees' });
  });

  it('titles a campaign after its festival and year', () => {
    expect(defaultCampaignTitle('中秋', 2026)).toBe('2026年中秋节慰问');
    expect(defaultCampaignTitle('春节', 2027)).toBe('2027年春节慰问');
    expect(defaultCampaignTitle('元旦', 2026)).toBe('2026年元旦慰问');
    expect(defaultCampaignTitle('三月三', 2026)).toBe('2026年三月三慰问');
  });

  it('offers the gift festivals and the ethnic ones once, and names the refused days', () => {
    const f = campaignFestivals(['三月三', '春节']);
    expect(f.gift).toEqual(['元旦', '春节', '清明', '劳动节', '端午', '中秋', '国庆']);
    expect(f.ethnic).toEqual(['三月三']);
    expect(f.refused).toEqual(['三八', '六一', '重阳', '教师节']);
  });
});
