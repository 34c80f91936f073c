import { describe, expect, it } from 'vitest';
import { isValidMobile, normalizePhone } from './phone.js';

describe('isValidMobile', () => {
  it('accepts 11-digit mainland mobiles starting 13 to 19', () => {
    for (const second of '3456789') expect(isValidMobile(`1${second}800000001`), `1${second}…`).toBe(true);
    expect(isValidMobile('13800000001')).toBe(true);
    expect(isValidMobile('19912345678')).toBe(true);
  });

  it('refuses 11 digits starting 10, 11 or 12, or not starting with 1', () => {
    for (const start of ['10', '11', '12', '23', '03', '98']) expect(isValidMobile(`${start}800000001`), start).toBe(false);
  });

  it('accepts a +86 or 0086 prefix, with or without spaces and dashes', () => {
    for (const raw of ['+8613800000001', '+86 138 0000 0001', '+86-138-0000-0001', '0086 13800000001', '008613800000001', '(+86)13800000001', '（+86）13800000001']) {
      expect(isValidMobile(raw), raw).toBe(true);
    }
  });

  it('accepts spaces, tabs and dashes as people group the digits', () => {
    for (const raw of ['138 0000 0001', '138-0000-0001', ' 13800000001 ', '138\t0000\t0001', '1 3 8 0 0 0 0 0 0 0 1']) {
      expect(isValidMobile(raw), raw).toBe(true);
    }
  });

  it('refuses 10 and 12 digits', () => {
    expect(isValidMobile('1380000000')).toBe(false);
    expect(isValidMobile('138000000011')).toBe(false);
    expect(isValidMobile('+86 138000000011')).toBe(false);
    expect(isValidMobile('+86 1380000000')).toBe(false);
  });

  it('refuses landlines, with or without area code', () => {
    for (const raw of ['010-12345678', '01012345678', '0571-88888888', '057188888888', '88888888', '(010)12345678', '+86 10 12345678', '0755 8888 8888']) {
      expect(isValidMobile(raw), raw).toBe(false);
    }
  });

  it('refuses a bare 86 without + or 00, foreign prefixes, letters and empty input', () => {
    expect(isValidMobile('8613800000001')).toBe(false);
    expect(isValidMobile('+85213800000001')).toBe(false);
    expect(isValidMobile('+1 13800000001')).toBe(false);
    expect(isValidMobile('1380000000a')).toBe(false);
    expect(isValidMobile('')).toBe(false);
    expect(isValidMobile('   ')).toBe(false);
  });
});

describe('normalizePhone', () => {
  it('gives the bare 11 digits for every way of writing the same number', () => {
    for (const raw of ['13800000001', '138 0000 0001', '138-0000-0001', '+86 138-0000-0001', '0086 138 0000 0001', '(+86) 13800000001']) {
      expect(normalizePhone(raw), raw).toBe('13800000001');
    }
  });

  it('removes the country prefix only at the start', () => {
    expect(normalizePhone('13800860001')).toBe('13800860001');
    expect(normalizePhone('1380000+86')).toBe('1380000+86');
  });

  it('leaves what it does not understand for the validator to refuse', () => {
    expect(normalizePhone('010-12345678')).toBe('01012345678');
    expect(normalizePhone('abc')).toBe('abc');
  });
});
