/**
 * An independent ISO 7064 MOD 11-2 check character for tests, derived from the standard's own formula
 * (weight of position k = 2^(k−1) mod 11, and Σ(digit × weight) + c ≡ 1 mod 11; 10 is written X) rather than
 * from the weight table in id-card.ts, so a wrong table there is caught.
 */
export function refCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * (2 ** (17 - i) % 11);
  const c = (12 - (sum % 11)) % 11;
  return c === 10 ? 'X' : String(c);
}

/** The 17 digits followed by their reference check character. */
export const withRefCheck = (first17: string) => first17 + refCheckChar(first17);
