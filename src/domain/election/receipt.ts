/**
 * Receipt codes of the ballot tracker (issue 7): shown once to the online voter, published with the ballot's content
 * after the count, so each voter can find their own ballot and nobody can tell whose a code is. Crockford base32
 * (no I, L, O, U) so that a code read aloud or copied by hand is not mistaken.
 */

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** 5 random bytes (40 bits) as 8 Crockford base32 characters, "XXXX-XXXX"; the randomness is the caller's. */
export function receiptCode(bytes: Uint8Array): string {
  if (bytes.length !== 5) throw new RangeError(`回执码需要 5 个随机字节，收到 ${bytes.length} 个`);
  let value = 0n;
  for (const byte of bytes) value = (value << 8n) | BigInt(byte);
  let code = '';
  for (let i = 7; i >= 0; i--) code += ALPHABET[Number((value >> BigInt(i * 5)) & 31n)];
  return `${code.slice(0, 4)}-${code.slice(4)}`;
}
