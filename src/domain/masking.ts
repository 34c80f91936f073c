/** 13800000001 → 138****0001; shorter strings keep only their last two characters. */
export function maskPhone(phone: string | null): string | null {
  if (!phone) return phone;
  if (phone.length < 11) return '*'.repeat(Math.max(0, phone.length - 2)) + phone.slice(-2);
  return `${phone.slice(0, 3)}****${phone.slice(-4)}`;
}

/** 110101199003071234 → 110***********1234. */
export function maskIdCard(id: string | null): string | null {
  if (!id) return id;
  if (id.length < 8) return '*'.repeat(id.length);
  return `${id.slice(0, 3)}${'*'.repeat(id.length - 7)}${id.slice(-4)}`;
}
