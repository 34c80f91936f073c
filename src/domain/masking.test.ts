import { describe, expect, it } from 'vitest';
import { maskIdCard, maskPhone } from './masking.js';

describe('maskPhone', () => {
  it('hides the middle four digits of a mobile: 138****0001', () => {
    expect(maskPhone('13800000001')).toBe('138****0001');
    expect(maskPhone('19912345678')).toBe('199****5678');
  });

  it('keeps the length of an 11-digit number and never shows digits 4–7', () => {
    const masked = maskPhone('13812345678')!;
    expect(masked).toHaveLength(11);
    expect(masked).not.toContain('1234');
    expect(masked.slice(3, 7)).toBe('****');
  });

  it('passes null and the empty string through', () => {
    expect(maskPhone(null)).toBeNull();
    expect(maskPhone('')).toBe('');
  });

  it('shows only the last two characters of anything shorter than a mobile number', () => {
    expect(maskPhone('12345')).toBe('***45');
    expect(maskPhone('1234567')).toBe('*****67');
    expect(maskPhone('88886666')).toBe('******66');
    expect(maskPhone('1380000000')).toBe('********00');
  });

  it('never reveals a whole short value', () => {
    for (let len = 3; len <= 10; len++) {
      const value = '9876543210'.slice(0, len);
      const masked = maskPhone(value)!;
      expect(masked, value).not.toBe(value);
      expect(masked.replace(/\*/g, '').length, value).toBeLessThanOrEqual(2);
    }
  });

  it('keeps one- and two-character values as they are (nothing left to hide)', () => {
    expect(maskPhone('1')).toBe('1');
    expect(maskPhone('12')).toBe('12');
  });
});

describe('maskIdCard', () => {
  it('keeps the first three and last four of an 18-character number: 110***********1234', () => {
    expect(maskIdCard('110101199003071234')).toBe('110***********1234');
    expect(maskIdCard('11010519491231002X')).toBe('110***********002X');
  });

  it('hides the whole birth date and keeps the length', () => {
    const masked = maskIdCard('320102198503021236')!;
    expect(masked).toHaveLength(18);
    expect(masked).not.toContain('19850302');
    expect(masked).not.toContain('1985');
    expect(masked.slice(3, 14)).toBe('*'.repeat(11));
  });

  it('masks a 15-digit first-generation number the same way', () => {
    expect(maskIdCard('110105491231002')).toBe('110********1002');
  });

  it('passes null and the empty string through', () => {
    expect(maskIdCard(null)).toBeNull();
    expect(maskIdCard('')).toBe('');
  });

  it('hides every character of a value shorter than 8', () => {
    expect(maskIdCard('1234567')).toBe('*******');
    expect(maskIdCard('12')).toBe('**');
  });
});
