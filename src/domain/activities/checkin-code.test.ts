import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { checkinCode, checkinWindowOpen, isValidCheckinCode } from './checkin-code.js';

const SECRET = 'c2VjcmV0LW9mLWFjdGl2aXR5LW9uZQ';
const ACTIVITY = '6f1c2a52-8a0e-4f3b-9a51-3c2d0e7b9a10';
const OTHER_ACTIVITY = '7a2d3b63-9b1f-4a4c-8b62-4d3e1f8c0b21';
/** 2026-12-03 15:30:00 +08:00, the start of a 30-second window (epoch seconds divisible by 30). */
const WINDOW_START = Date.parse('2026-12-03T15:30:00+08:00');
const at = (msFromWindowStart: number) => new Date(WINDOW_START + msFromWindowStart);

/** The code as the brief defines it, computed independently: the first 40 bits of the HMAC as 8 base32 characters. */
function referenceCode(secret: string, activityId: string, window: number): string {
  const digest = createHmac('sha256', secret).update(`${activityId}:${window}`).digest();
  let bits = BigInt(`0x${digest.subarray(0, 5).toString('hex')}`);
  let out = '';
  for (let i = 0; i < 8; i++) {
    out = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567'[Number(bits & 31n)] + out;
    bits >>= 5n;
  }
  return out;
}

describe('checkinCode', () => {
  it('is 8 upper-case base32 characters from the HMAC of "<activityId>:<window>"', () => {
    const { code } = checkinCode(SECRET, ACTIVITY, at(0));
    expect(code).toMatch(/^[A-Z2-7]{8}$/);
    expect(code).toBe(referenceCode(SECRET, ACTIVITY, WINDOW_START / 1000 / 30));
  });

  it('stays the same through a window and changes with the next one', () => {
    const first = checkinCode(SECRET, ACTIVITY, at(0)).code;
    expect(checkinCode(SECRET, ACTIVITY, at(15_000)).code).toBe(first);
    expect(checkinCode(SECRET, ACTIVITY, at(29_999)).code).toBe(first);
    expect(checkinCode(SECRET, ACTIVITY, at(30_000)).code).not.toBe(first);
    expect(checkinCode(SECRET, ACTIVITY, at(-1)).code).not.toBe(first);
  });

  it('expires at the end of its window', () => {
    expect(checkinCode(SECRET, ACTIVITY, at(0)).expiresAt).toEqual(at(30_000));
    expect(checkinCode(SECRET, ACTIVITY, at(29_999)).expiresAt).toEqual(at(30_000));
    expect(checkinCode(SECRET, ACTIVITY, at(30_000)).expiresAt).toEqual(at(60_000));
  });

  it('follows another window length when given one', () => {
    const code = checkinCode(SECRET, ACTIVITY, at(0), 60);
    expect(code.expiresAt).toEqual(at(60_000));
    expect(checkinCode(SECRET, ACTIVITY, at(59_999), 60).code).toBe(code.code);
    expect(code.code).toBe(referenceCode(SECRET, ACTIVITY, WINDOW_START / 1000 / 60));
  });

  it('differs between activities and between secrets', () => {
    const code = checkinCode(SECRET, ACTIVITY, at(0)).code;
    expect(checkinCode(SECRET, OTHER_ACTIVITY, at(0)).code).not.toBe(code);
    expect(checkinCode('another-secret', ACTIVITY, at(0)).code).not.toBe(code);
  });

  it('gives different codes over a day of windows (no short cycle)', () => {
    const codes = new Set(Array.from({ length: 2880 }, (_, i) => checkinCode(SECRET, ACTIVITY, at(i * 30_000)).code));
    expect(codes.size).toBeGreaterThan(2870);
  });
});

describe('isValidCheckinCode', () => {
  const code = checkinCode(SECRET, ACTIVITY, at(0)).code;

  it('accepts the code of the current window', () => {
    expect(isValidCheckinCode(SECRET, ACTIVITY, code, at(0))).toBe(true);
    expect(isValidCheckinCode(SECRET, ACTIVITY, code, at(29_999))).toBe(true);
  });

  it('accepts the previous window’s code (a scan in flight), refuses it two windows later', () => {
    expect(isValidCheckinCode(SECRET, ACTIVITY, code, at(30_000))).toBe(true);
    expect(isValidCheckinCode(SECRET, ACTIVITY, code, at(59_999))).toBe(true);
    expect(isValidCheckinCode(SECRET, ACTIVITY, code, at(60_000))).toBe(false);
    expect(isValidCheckinCode(SECRET, ACTIVITY, code, at(3_600_000))).toBe(false);
  });

  it('refuses a code of the next window (it has not been shown yet)', () => {
    const next = checkinCode(SECRET, ACTIVITY, at(30_000)).code;
    expect(isValidCheckinCode(SECRET, ACTIVITY, next, at(29_999))).toBe(false);
  });

  it('refuses another activity’s code and a code made with another secret', () => {
    expect(isValidCheckinCode(SECRET, OTHER_ACTIVITY, code, at(0))).toBe(false);
    expect(isValidCheckinCode(SECRET, ACTIVITY, checkinCode(SECRET, OTHER_ACTIVITY, at(0)).code, at(0))).toBe(false);
    expect(isValidCheckinCode('another-secret', ACTIVITY, code, at(0))).toBe(false);
  });

  it('forgives lower case and whitespace, as someone typing the code might produce', () => {
    expect(isValidCheckinCode(SECRET, ACTIVITY, code.toLowerCase(), at(0))).toBe(true);
    expect(isValidCheckinCode(SECRET, ACTIVITY, `  ${code}\n`, at(0))).toBe(true);
    expect(isValidCheckinCode(SECRET, ACTIVITY, `${code.slice(0, 4)} ${code.slice(4)}`, at(0))).toBe(true);
  });

  it('refuses empty, shortened, lengthened and altered codes', () => {
    const altered = code.slice(0, 7) + (code[7] === 'A' ? 'B' : 'A');
    for (const bad of ['', code.slice(0, 7), `${code}A`, altered, '签到码签到码签到码', 'AAAAAAAA']) {
      expect(isValidCheckinCode(SECRET, ACTIVITY, bad, at(0))).toBe(false);
    }
  });

  it('agrees with the window length the code was made with', () => {
    const minuteCode = checkinCode(SECRET, ACTIVITY, at(0), 60).code;
    expect(isValidCheckinCode(SECRET, ACTIVITY, minuteCode, at(119_999), 60)).toBe(true);
    expect(isValidCheckinCode(SECRET, ACTIVITY, minuteCode, at(120_000), 60)).toBe(false);
  });
});

describe('checkinWindowOpen', () => {
  const activity = { startsAt: '2026-12-03T15:30:00+08:00', endsAt: '2026-12-03T17:30:00+08:00', status: 'published' };
  const t = (iso: string) => new Date(iso);

  it('opens exactly 1 hour before the start', () => {
    expect(checkinWindowOpen(activity, t('2026-12-03T14:29:59.999+08:00'))).toBe(false);
    expect(checkinWindowOpen(activity, t('2026-12-03T14:30:00+08:00'))).toBe(true);
    expect(checkinWindowOpen(activity, t('2026-12-03T15:30:00+08:00'))).toBe(true);
  });

  it('closes exactly at the end', () => {
    expect(checkinWindowOpen(activity, t('2026-12-03T17:29:59.999+08:00'))).toBe(true);
    expect(checkinWindowOpen(activity, t('2026-12-03T17:30:00+08:00'))).toBe(false);
  });

  it('is closed the day before and the day after', () => {
    expect(checkinWindowOpen(activity, t('2026-12-02T15:30:00+08:00'))).toBe(false);
    expect(checkinWindowOpen(activity, t('2026-12-04T15:30:00+08:00'))).toBe(false);
  });

  it('is closed for a cancelled activity, even during it', () => {
    expect(checkinWindowOpen({ ...activity, status: 'cancelled' }, t('2026-12-03T16:00:00+08:00'))).toBe(false);
  });

  it('works with instants written in UTC', () => {
    const utc = { startsAt: '2026-12-03T07:30:00Z', endsAt: '2026-12-03T09:30:00Z', status: 'published' };
    expect(checkinWindowOpen(utc, t('2026-12-03T14:30:00+08:00'))).toBe(true);
    expect(checkinWindowOpen(utc, t('2026-12-03T14:29:00+08:00'))).toBe(false);
  });
});
