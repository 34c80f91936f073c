import { describe, expect, it } from 'vitest';
import type { MemberInput } from '../contracts/members.js';
import { completeMemberInput as completeTyped, nameColumns } from './member-fields.js';
import { withRefCheck } from './reference-id-card.test-support.js';

/** As the callers use it: on a (partial) member input, so birthDate and gender are part of the type. */
const completeMemberInput = (input: Partial<MemberInput>) => completeTyped(input);

const makeId = withRefCheck;
const WOMAN_1985_03_02 = makeId('32010219850302122');
const MAN_1972_11_30 = makeId('44030519721130015');

describe('completeMemberInput', () => {
  it('takes a missing birth date and gender from the ID number', () => {
    const out = completeMemberInput({ name: '张晓明', idCard: WOMAN_1985_03_02 });
    expect(out.birthDate).toBe('1985-03-02');
    expect(out.gender).toBe('F');
    const man = completeMemberInput({ name: '李强', idCard: MAN_1972_11_30 });
    expect(man.birthDate).toBe('1972-11-30');
    expect(man.gender).toBe('M');
  });

  it('also fills them when they were given as null', () => {
    const out = completeMemberInput({ name: '张晓明', idCard: WOMAN_1985_03_02, birthDate: null, gender: null });
    expect(out.birthDate).toBe('1985-03-02');
    expect(out.gender).toBe('F');
  });

  it('keeps a birth date and gender that were given, even if the ID says otherwise', () => {
    const out = completeMemberInput({ name: '张晓明', idCard: WOMAN_1985_03_02, birthDate: '1985-04-01', gender: 'M' });
    expect(out.birthDate).toBe('1985-04-01');
    expect(out.gender).toBe('M');
  });

  it('fills only what is missing', () => {
    const out = completeMemberInput({ name: '张晓明', idCard: WOMAN_1985_03_02, gender: 'M' });
    expect(out.birthDate).toBe('1985-03-02');
    expect(out.gender).toBe('M');
  });

  it('adds no birth date or gender without an ID number', () => {
    const out = completeMemberInput({ name: '张晓明', phone: '13800000001' });
    expect(out.birthDate).toBeUndefined();
    expect(out.gender).toBeUndefined();
    const nullId = completeMemberInput({ name: '张晓明', idCard: null });
    expect(nullId.birthDate).toBeUndefined();
    expect(nullId.gender).toBeUndefined();
  });

  it('normalises the phone number', () => {
    for (const phone of ['+86 138-0000-0001', '0086 13800000001', '138 0000 0001']) {
      expect(completeMemberInput({ name: '张晓明', phone }).phone, phone).toBe('13800000001');
    }
  });

  it('leaves a null phone as it is', () => {
    expect(completeMemberInput({ name: '张晓明', phone: null }).phone).toBeNull();
  });

  it('computes the name columns: pinyin, initials and both sort keys', () => {
    const out = completeMemberInput({ name: '张晓明' });
    expect(out.pinyin).toBe('zhangxiaoming');
    expect(out.initials).toBe('zxm');
    expect(out.pinyinKey).toMatch(/^[0-9a-z]{15}$/);
    expect(out.strokeKey).toMatch(/^[0-9a-z]{15}$/);
    expect(out.pinyinKey).not.toBe(out.strokeKey);
  });

  it('gives sort keys that order members as pinyin and stroke order do', () => {
    const zhang = completeMemberInput({ name: '张伟' });
    const wang = completeMemberInput({ name: '王芳' });
    // Pinyin: wang before zhang. Strokes: 王 (4) before 张 (7).
    expect(wang.pinyinKey! < zhang.pinyinKey!).toBe(true);
    expect(wang.strokeKey! < zhang.strokeKey!).toBe(true);
    const ding = completeMemberInput({ name: '丁一' });
    // Pinyin: ding before wang; strokes: 丁 (2) before 王 (4).
    expect(ding.pinyinKey! < wang.pinyinKey!).toBe(true);
    const ai = completeMemberInput({ name: '艾青' });
    // Pinyin: ai before ding; strokes: 艾 (5) after 丁 (2).
    expect(ai.pinyinKey! < ding.pinyinKey!).toBe(true);
    expect(ai.strokeKey! > ding.strokeKey!).toBe(true);
  });

  it('reads a polyphonic surname as a surname (单 → shan)', () => {
    expect(completeMemberInput({ name: '单田芳' }).pinyin).toBe('shantianfang');
  });

  it('adds no name columns to a partial update without a name', () => {
    const out = completeMemberInput({ phone: '13800000001' });
    expect(out).toEqual({ phone: '13800000001' });
  });

  it('keeps every other field and does not change the input object', () => {
    const input = { name: '张晓明', idCard: WOMAN_1985_03_02, phone: '+86 13800000001', staffNo: 'T001', tags: ['劳模'] };
    const copy = structuredClone(input);
    const out = completeMemberInput(input);
    expect(input).toEqual(copy);
    expect(out).toMatchObject({ name: '张晓明', staffNo: 'T001', tags: ['劳模'], idCard: WOMAN_1985_03_02 });
  });
});

describe('nameColumns', () => {
  it('gives the name back with its keys, pinyin and initials', () => {
    const cols = nameColumns('欧阳娜娜');
    expect(cols.name).toBe('欧阳娜娜');
    expect(cols.pinyin).toBe('ouyangnana');
    expect(cols.initials).toBe('oynn');
    expect(cols.pinyinKey).toHaveLength(20);
    expect(cols.strokeKey).toHaveLength(20);
  });
});
