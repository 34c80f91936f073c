import { describe, expect, it } from 'vitest';
import { formatYuan, formatYuanOr, parseYuan, yuanInput, yuanRule, yuanText } from './money';

describe('parseYuan', () => {
  it.each([
    ['1300', 130000],
    ['1,300.5', 130050],
    ['1300.50元', 130050],
    ['1300.50 元', 130050],
    [' 1 300 ', 130000],
    ['￥88', 8800],
    ['¥0.01', 1],
    ['0', 0],
    ['0.1', 10],
    ['12.', 1200],
    ['1,234,567.89', 123456789],
    ['１３００．５', 130050],
    ['1，300', 130000],
    [500, 50000],
  ])('reads %j as %i fen', (input, fen) => {
    expect(parseYuan(input)).toBe(fen);
  });

  it('keeps exact fen where floating point would not (0.29 yuan is 29 fen, 1300.10 is 130010)', () => {
    expect(parseYuan('0.29')).toBe(29);
    expect(parseYuan('1300.10')).toBe(130010);
    expect(parseYuan('4.35')).toBe(435);
  });

  it.each(['', '  ', '元', '-5', '1.234', 'abc', '1,30', '13,00.00', '1.2.3', '1e3', null, undefined, '12345678901234'])('refuses %j', (input) => {
    expect(parseYuan(input)).toBeNull();
  });
});

describe('formatting', () => {
  it('shows yuan with thousands separators, two decimals and the unit', () => {
    expect(formatYuan(130000)).toBe('1,300.00 元');
    expect(formatYuan(81250)).toBe('812.50 元');
    expect(formatYuan(1)).toBe('0.01 元');
    expect(formatYuan(0)).toBe('0.00 元');
    expect(formatYuan(123456789)).toBe('1,234,567.89 元');
    expect(formatYuan(-5050)).toBe('-50.50 元');
    expect(yuanText(100000000)).toBe('1,000,000.00');
  });

  it('says 不限 (or the given text) when there is no amount', () => {
    expect(formatYuanOr(null)).toBe('不限');
    expect(formatYuanOr(undefined, '—')).toBe('—');
    expect(formatYuanOr(0)).toBe('0.00 元');
  });

  it('gives an input the shortest text that reads back to the same fen', () => {
    expect(yuanInput(130000)).toBe('1300');
    expect(yuanInput(130050)).toBe('1300.5');
    expect(yuanInput(130005)).toBe('1300.05');
    expect(yuanInput(null)).toBe('');
    for (const fen of [0, 1, 9, 10, 99, 100, 130050, 85000, 123456789]) expect(parseYuan(yuanInput(fen))).toBe(fen);
  });
});

describe('yuanRule', () => {
  const check = (value: unknown, opts?: Parameters<typeof yuanRule>[1]) =>
    yuanRule('慰问金额', opts)
      .validator(null, value)
      .then(
        () => 'ok',
        (e: Error) => e.message,
      );

  it('accepts an amount and an empty optional field', async () => {
    expect(await check('1,300.5')).toBe('ok');
    expect(await check('')).toBe('ok');
    expect(await check(undefined)).toBe('ok');
  });

  it('names the field in every refusal', async () => {
    expect(await check('', { isRequired: true })).toBe('请填写慰问金额');
    expect(await check('abc')).toBe('慰问金额应为金额，如 1300 或 1,300.50');
    expect(await check('1.234')).toBe('慰问金额最多精确到分（两位小数）');
    expect(await check('1000000.01')).toBe('慰问金额不能超过 1,000,000.00 元');
    expect(await check('1000000')).toBe('ok');
    expect(await check('501', { maxFen: 50000 })).toBe('慰问金额不能超过 500.00 元');
  });
});
