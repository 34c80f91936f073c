import { hash, verify } from '@node-rs/argon2';
import { randomInt } from 'node:crypto';

// argon2id with the library's defaults (m=19 MiB, t=2, p=1: the OWASP minimum).
/** Hashes a password with argon2id. */
export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

/** Checks a password against a stored argon2id hash. */
export async function verifyPassword(stored: string, password: string): Promise<boolean> {
  try {
    return await verify(stored, password);
  } catch {
    return false;
  }
}

const DUMMY_HASH = '$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$W3xTgqQ4WWKgP5kLhM3KgPmlbNvSgKM0e8YSPYt0cJc';

/** Spends the same time as a real check when the account does not exist. */
export async function verifyDummy(password: string): Promise<void> {
  await verifyPassword(DUMMY_HASH, password);
}

const ALPHABET = 'abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** A temporary password that is easy to read aloud: 10 characters, letters and digits, no 0/O/1/l/I. */
export function temporaryPassword(): string {
  let s = '';
  while (!(/[a-zA-Z]/.test(s) && /\d/.test(s))) {
    s = '';
    for (let i = 0; i < 10; i++) s += ALPHABET[randomInt(ALPHABET.length)];
  }
  return s;
}

/** Returns a Chinese message if a new password is too weak, else null. */
export function passwordProblem(password: string): string | null {
  if (password.length < 8) return '密码至少 8 位';
  if (password.length > 128) return '密码不能超过 128 位';
  if (!/[a-zA-Z]/.test(password) || !/\d/.test(password)) return '密码需同时包含字母和数字';
  return null;
}
