import type { MemberInput } from '../contracts/members.js';
import { idCardBirthDate, idCardGender } from './id-card.js';
import { namePinyin, pinyinSortKey, strokeSortKey } from './name-keys.js';
import { normalizePhone } from './phone.js';

/** The columns a name determines: sort keys for pinyin and stroke order, full pinyin and initials. */
export function nameColumns(name: string) {
  const { full, initials } = namePinyin(name);
  return { name, pinyinKey: pinyinSortKey(name), strokeKey: strokeSortKey(name), pinyin: full, initials };
}

/**
 * Completes a validated member input: a missing birth date or gender is taken from the ID number, the phone
 * is normalised, and the name's sort and search columns are computed.
 */
export function completeMemberInput<T extends Partial<MemberInput>>(input: T) {
  const out: Record<string, unknown> = { ...input };
  if (input.idCard) {
    if (!input.birthDate) out.birthDate = idCardBirthDate(input.idCard);
    if (!input.gender) out.gender = idCardGender(input.idCard);
  }
  if (input.phone) out.phone = normalizePhone(input.phone);
  if (input.name !== undefined) Object.assign(out, nameColumns(input.name));
  return out as T & Partial<ReturnType<typeof nameColumns>>;
}
