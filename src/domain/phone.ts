/** Strips spaces, dashes and a +86 / 0086 prefix from a phone number as people type it. */
export function normalizePhone(raw: string): string {
  let s = raw.replace(/[\s\-()（）]/g, '');
  if (s.startsWith('+86')) s = s.slice(3);
  else if (s.startsWith('0086')) s = s.slice(4);
  return s;
}

/** True for an 11-digit mainland mobile number (1[3-9]x xxxx xxxx). */
export function isValidMobile(raw: string): boolean {
  return /^1[3-9]\d{9}$/.test(normalizePhone(raw));
}
