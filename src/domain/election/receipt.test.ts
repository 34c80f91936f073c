import { describe, expect, it } from 'vitest';
import { seededRandom } from '../seeded-random.js';
import { receiptCode } from './receipt.js';

describe('receiptCode', () => {
  it('writes 40 bits as 8 Crockford base32 characters', () => {
    expect(receiptCode(new Uint8Array([0, 0, 0, 0, 0]))).toBe('0000-0000');
    expect(receiptCode(new Uint8Array([255, 255, 255, 255, 255]))).toBe('ZZZZ-ZZZZ');
    // 0x0000000001 → last character 1; 0x8000000000 → first 5 bits 10000 = 16 = G
    expect(receiptCode(new Uint8Array([0, 0, 0, 0, 1]))).toBe('0000-0001');
    expect(receiptCode(new Uint8Array([0x80, 0, 0, 0, 0]))).toBe('G000-0000');
    expect(receiptCode(new Uint8Array([0, 0, 0, 0, 31]))).toBe('0000-000Z');
    expect(receiptCode(new Uint8Array([0, 0, 0, 0, 32]))).toBe('0000-0010');
  });

  it('never uses I, L, O or U, and gives distinct codes for distinct bytes', () => {
    const random = seededRandom(12);
    const seen = new Set<string>();
    for (let i = 0; i < 2000; i++) {
      const code = receiptCode(Uint8Array.from({ length: 5 }, () => Math.floor(random() * 256)));
      expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/);
      seen.add(code);
    }
    expect(seen.size).toBe(2000);
  });

  it('needs exactly 5 bytes', () => {
    expect(() => receiptCode(new Uint8Array(4))).toThrow(RangeError);
    expect(() => receiptCode(new Uint8Array(6))).toThrow(RangeError);
  });
});
