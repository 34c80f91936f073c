import { describe, expect, it } from 'vitest';
import { arrayLiteral, copyLine } from './copy.js';

describe('COPY text format', () => {
  it('separates fields by tabs, ends with a newline and writes NULL as \\N', () => {
    expect(copyLine(['张三', null, undefined, 42, true, false])).toBe('张三\t\\N\t\\N\t42\tt\tf\n');
  });

  it('escapes backslashes, tabs, newlines and carriage returns inside a field', () => {
    expect(copyLine(['a\\b', 'c\td', 'e\nf', 'g\rh'])).toBe('a\\\\b\tc\\td\te\\nf\tg\\rh\n');
  });

  it('keeps the text "\\N" and "NULL" as text, not as NULL', () => {
    expect(copyLine(['\\N', 'NULL'])).toBe('\\\\N\tNULL\n');
  });

  it('quotes every array element so commas, braces, quotes and "NULL" stay plain text', () => {
    expect(arrayLiteral([])).toBe('{}');
    expect(arrayLiteral(['骨干教师', 'a,b', '{x}', 'say "hi"', 'NULL', 'back\\slash'])).toBe('{"骨干教师","a,b","{x}","say \\"hi\\"","NULL","back\\\\slash"}');
  });

  it('escapes an array literal once more for COPY', () => {
    expect(copyLine([['a\\b']])).toBe('{"a\\\\\\\\b"}\n');
  });
});
