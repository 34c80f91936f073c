import { createHmac, timingSafeEqual } from 'node:crypto';
import { ACTIVITY_LIMITS } from '../../contracts/activities.js';

/** RFC 4648 base32, upper case: without 0, 1 and 8, nobody types O, I or B for them when copying a code by hand. */
const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
const CODE_LENGTH = 8;
const CHECKIN_LEAD_MS = 3_600_000;

function base32(bytes: Buffer, length: number): string {
  let out = '';
  let bits = 0;
  let value = 0;
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5 && out.length < length) {
      out += BASE32[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
    if (out.length >= length) break;
    value &= (1 << bits) - 1;
  }
  return out;
}

const windowOf = (at: Date, windowSeconds: number) => Math.floor(at.getTime() / 1000 / windowSeconds);
const codeFor = (secret: string, activityId: string, window: number) =>
  base32(createHmac('sha256', secret).update(`${activityId}:${window}`).digest(), CODE_LENGTH);

/**
 * The check-in code shown at `at`: 8 upper-case base32 characters of HMAC-SHA256(secret, "<activityId>:<window>"),
 * and when the screen should show the next one. The code stays accepted one window longer (see isValidCheckinCode).
 */
export function checkinCode(secret: string, activityId: string, at: Date, windowSeconds: number = ACTIVITY_LIMITS.checkinWindowSeconds): { code: string; expiresAt: Date } {
  const window = windowOf(at, windowSeconds);
  return { code: codeFor(secret, activityId, window), expiresAt: new Date((window + 1) * windowSeconds * 1000) };
}

/**
 * Whether a scanned or typed code is the current window's or the previous one's. Case and whitespace are forgiven
 * ("abcd efgh" matches "ABCDEFGH"); anything else, or a code of another activity or secret, is refused.
 */
export function isValidCheckinCode(secret: string, activityId: string, code: string, at: Date, windowSeconds: number = ACTIVITY_LIMITS.checkinWindowSeconds): boolean {
  const submitted = Buffer.from(code.replace(/\s+/g, '').toUpperCase());
  if (submitted.length !== CODE_LENGTH) return false;
  const window = windowOf(at, windowSeconds);
  let matches = false;
  // Both windows are always compared, in constant time, so the answer's timing says nothing about the code.
  for (const w of [window, window - 1]) {
    if (timingSafeEqual(submitted, Buffer.from(codeFor(secret, activityId, w)))) matches = true;
  }
  return matches;
}

/** Whether check-in is open: a published activity, from 1 hour before its start until its end (the end itself excluded). */
export function checkinWindowOpen(a: { startsAt: string; endsAt: string; status: string }, now: Date): boolean {
  const t = now.getTime();
  return a.status === 'published' && t >= Date.parse(a.startsAt) - CHECKIN_LEAD_MS && t < Date.parse(a.endsAt);
}
