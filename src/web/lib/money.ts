/**
 * Money on the web: the API carries integer fen (分), people read and type yuan (元). Conversions go through
 * strings, never through floating point, so "1300.10" is exactly 130010 fen.
 */

/** The largest amount a form accepts unless told otherwise: 1 000 000 yuan (CARE_LIMITS.amountMaxFen). */
const DEFAULT_MAX_FEN = 100_000_000;

// Chinese input methods often type full-width digits and punctuation: read them as their ASCII forms.
function halfWidth(text: string): string {
  return text.replace(/[\uFF10-\uFF19\uFF0C\uFF0E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/[，]/g, ',');
}

/**
 * A typed amount in yuan as integer fen: "1300" → 130000, "1,300.5" → 130050, "1300.50元" → 130050,
 * "￥88" → 8800. Null when it is empty, negative, has more than two decimals or is not an amount.
 */
export function parseYuan(input: string | number | null | undefined): number | null {
  if (input === null || input === undefined) return null;
  const text = halfWidth(String(input))
    .replace(/\s+/g, '')
    .replace(/^[¥￥]/, '')
    .replace(/(元|人民币)$/, '');
  const match = /^(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d{0,2}))?$/.exec(text);
  if (!match) return null;
  const whole = match[1]!.replace(/,/g, '');
  const cents = (match[2] ?? '').padEnd(2, '0');
  if (whole.length > 13) return null;
  return Number(whole) * 100 + Number(cents);
}

/** Fen as yuan with thousands separators and two decimals, without the unit: 130000 → "1,300.00". */
export function yuanText(fen: number): string {
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(Math.trunc(fen));
  const whole = String(Math.floor(abs / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${sign}${whole}.${String(abs % 100).padStart(2, '0')}`;
}

/** Fen as the amount people read: 130000 → "1,300.00 元". */
export function formatYuan(fen: number): string {
  return `${yuanText(fen)} 元`;
}

/** Fen or nothing: "1,300.00 元", or the given text (default "不限") when there is no amount. */
export function formatYuanOr(fen: number | null | undefined, none = '不限'): string {
  return fen === null || fen === undefined ? none : formatYuan(fen);
}

/** Fen as the text an input starts with, without separators or needless decimals: 130000 → "1300", 130050 → "1300.5". */
export function yuanInput(fen: number | null | undefined): string {
  if (fen === null || fen === undefined) return '';
  const whole = Math.floor(Math.abs(fen) / 100);
  const cents = Math.abs(fen) % 100;
  const decimals = cents === 0 ? '' : `.${String(cents).padStart(2, '0').replace(/0$/, '')}`;
  return `${fen < 0 ? '-' : ''}${whole}${decimals}`;
}

/** Options of `yuanRule`: whether an empty field is allowed and the largest amount in fen. */
export interface YuanRuleOptions {
  isRequired?: boolean;
  maxFen?: number;
}

/**
 * A form rule (antd `rules` entry) for a yuan field: the Chinese message names the field, e.g.
 * "慰问金额应为金额，如 1300 或 1,300.50".
 */
export function yuanRule(label: string, { isRequired = false, maxFen = DEFAULT_MAX_FEN }: YuanRuleOptions = {}) {
  return {
    validator: (_rule: unknown, value: unknown): Promise<void> => {
      const text = value === null || value === undefined ? '' : String(value).trim();
      if (text === '') return isRequired ? Promise.reject(new Error(`请填写${label}`)) : Promise.resolve();
      const fen = parseYuan(text);
      if (fen === null) {
        const hasTooManyDecimals = /\.\d{3,}/.test(halfWidth(text));
        return Promise.reject(new Error(hasTooManyDecimals ? `${label}最多精确到分（两位小数）` : `${label}应为金额，如 1300 或 1,300.50`));
      }
      if (fen > maxFen) return Promise.reject(new Error(`${label}不能超过 ${yuanText(maxFen)} 元`));
      return Promise.resolve();
    },
  };
}
