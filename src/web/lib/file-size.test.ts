import { describe, expect, it } from 'vitest';
import { fileSizeText } from './file-size';

describe('fileSizeText', () => {
  it('reads KB below a megabyte, never 0 KB, and MB with one decimal from a megabyte on', () => {
    expect(fileSizeText(0)).toBe('1 KB');
    expect(fileSizeText(380 * 1024)).toBe('380 KB');
    expect(fileSizeText(1024 * 1024 - 1)).toBe('1024 KB');
    expect(fileSizeText(1024 * 1024)).toBe('1.0 MB');
    expect(fileSizeText(1.25 * 1024 * 1024)).toBe('1.3 MB');
  });
});
