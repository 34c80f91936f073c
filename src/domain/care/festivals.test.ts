import { describe, expect, it } from 'vitest';
import { GIFT_FESTIVALS } from '../../contracts/care.js';
import { giftFestival } from './festivals.js';

const accepted = (name: string, ethnic: string[] = []) => {
  const r = giftFestival(name, ethnic);
  return r.ok ? r.festival : null;
};
const reason = (name: string, ethnic: string[] = []) => {
  const r = giftFestival(name, ethnic);
  return r.ok ? null : r.reason;
};

describe('the seven festival-gift days', () => {
  it('accepts each under its own name', () => {
    for (const f of GIFT_FESTIVALS) expect(accepted(f), f).toBe(f);
  });

  it.each([
    ['中秋节', '中秋'],
    ['八月十五', '中秋'],
    ['国庆节', '国庆'],
    ['十一', '国庆'],
    ['10.1', '国庆'],
    ['五一', '劳动节'],
    ['五一劳动节', '劳动节'],
    ['“五一”', '劳动节'],
    ['5.1', '劳动节'],
    ['５．１', '劳动节'],
    ['国际劳动节', '劳动节'],
    ['春节', '春节'],
    ['新春', '春节'],
    ['农历新年', '春节'],
    ['元旦节', '元旦'],
    ['端午节', '端午'],
    ['端阳', '端午'],
    ['清明节', '清明'],
    [' 中秋 ', '中秋'],
  ])('%s → %s', (name, festival) => {
    expect(giftFestival(name, [])).toEqual({ ok: true, festival });
  });
});

describe('days that are not festival-gift days', () => {
  it.each([
    ['三八', '三八妇女节'],
    ['三八节', '三八妇女节'],
    ['妇女节', '三八妇女节'],
    ['三八妇女节', '三八妇女节'],
    ['“三八”国际妇女节', '三八妇女节'],
    ['3.8', '三八妇女节'],
    ['六一', '六一儿童节'],
    ['儿童节', '六一儿童节'],
    ['重阳', '重阳节'],
    ['重阳节', '重阳节'],
    ['九九重阳', '重阳节'],
    ['九九重阳节', '重阳节'],
    ['老人节', '重阳节'],
    ['教师节', '教师节'],
    ['9.10', '教师节'],
  ])('%s is refused as %s, to be held as an activity', (name, full) => {
    expect(giftFestival(name, [])).toEqual({ ok: false, reason: `${full}不属于可发放节日慰问品的节日，可作为活动开展` });
  });

  it('gives the reason the issue quotes for 重阳', () => {
    expect(reason('重阳节')).toBe('重阳节不属于可发放节日慰问品的节日，可作为活动开展');
  });

  it('stays refused even when a union lists it among its ethnic festivals: the rule is firm', () => {
    expect(reason('重阳节', ['重阳节'])).toBe('重阳节不属于可发放节日慰问品的节日，可作为活动开展');
    expect(reason('妇女节', ['妇女节'])).toBe('三八妇女节不属于可发放节日慰问品的节日，可作为活动开展');
  });
});

describe('ethnic-minority festivals', () => {
  const approved = ['泼水节', '古尔邦节', '三月三'];

  it('accepts the festivals the union approved, as the union wrote them, with or without 节', () => {
    expect(giftFestival('泼水节', approved)).toEqual({ ok: true, festival: '泼水节' });
    expect(giftFestival('泼水', approved)).toEqual({ ok: true, festival: '泼水节' });
    expect(giftFestival('古尔邦', approved)).toEqual({ ok: true, festival: '古尔邦节' });
    expect(giftFestival('三月三', approved)).toEqual({ ok: true, festival: '三月三' });
    expect(giftFestival('三月三节', approved)).toEqual({ ok: true, festival: '三月三' });
  });

  it('refuses an ethnic festival the union has not approved, naming the allowed days', () => {
    expect(reason('火把节', approved)).toBe(
      '“火把节”不属于可发放节日慰问品的节日；可发放的节日为元旦、春节、清明、劳动节、端午、中秋、国庆及本会批准的少数民族节日（泼水节、古尔邦节、三月三）',
    );
    expect(reason('泼水节')).toBe('“泼水节”不属于可发放节日慰问品的节日；可发放的节日为元旦、春节、清明、劳动节、端午、中秋、国庆及本会批准的少数民族节日');
  });
});

describe('other names', () => {
  it.each(['圣诞节', '元宵', '七夕', '冬至', '中', '节'])('%s is refused', (name) => {
    expect(reason(name)).toMatch(/^“.+”不属于可发放节日慰问品的节日；可发放的节日为元旦、春节/);
  });

  it('asks for a name when there is none', () => {
    expect(reason('')).toBe('请填写节日');
    expect(reason('  “” ')).toBe('请填写节日');
  });
});
