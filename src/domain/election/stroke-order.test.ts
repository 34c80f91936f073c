import { describe, expect, it } from 'vitest';
import { seededRandom } from '../seeded-random.js';
import { byStroke, compareByStroke, COMPOUND_SURNAMES, surnameOf } from './stroke-order.js';
import { SURNAME_STROKES } from './surname-strokes.js';

const order = (names: string[]) => byStroke(names, (n) => n);

/** A deterministic shuffle, so that a test never depends on the input already being sorted. */
function shuffled<T>(items: readonly T[], seed = 7): T[] {
  const random = seededRandom(seed);
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [copy[i], copy[j]] = [copy[j], copy[i]];
  }
  return copy;
}

describe('byStroke', () => {
  it('orders real surnames by strokes: 丁 < 王 < 李 < 张 < 赵 < 戴', () => {
    expect(order(shuffled(['戴', '赵', '张', '李', '王', '丁']))).toEqual(['丁', '王', '李', '张', '赵', '戴']);
    expect(order(['张伟', '李娜', '王芳', '赵磊', '丁一', '戴军'])).toEqual(['丁一', '王芳', '李娜', '张伟', '赵磊', '戴军']);
  });

  it('puts 李 before 张 (both 7 strokes; 李 starts with 横, 张 with 折) although ICU alone says otherwise', () => {
    const icu = new Intl.Collator('zh-u-co-stroke');
    expect(icu.compare('张', '李')).toBeLessThan(0);
    expect(compareByStroke('李', '张')).toBeLessThan(0);
  });

  it('orders equal stroke counts by the first stroke 横 竖 撇 点 折, then the next ones', () => {
    expect(order(shuffled(['孔', '方', '毛', '王']))).toEqual(['王', '毛', '方', '孔']);
    expect(order(shuffled(['陈', '张', '沈', '何', '吴', '李']))).toEqual(['李', '吴', '何', '沈', '张', '陈']);
    // 杜 and 杨: both 木 first (横 竖 撇 点), then 杜 横 before 杨 折
    expect(order(['杨', '杜'])).toEqual(['杜', '杨']);
  });

  it('counts 阝, 艹, 辶 and 礻 as simplified characters are written (陈 7, 郑 8, 黄 11, 董 12)', () => {
    expect(order(shuffled(['林', '陈', '郑', '赵']))).toEqual(['陈', '林', '郑', '赵']);
    expect(order(['韩', '黄'])).toEqual(['黄', '韩']);
    expect(order(['董', '蒲'])).toEqual(['董', '蒲']);
    expect(order(['祁', '花', '连'])).toEqual(['祁', '花', '连']);
  });

  it('sorts a realistic list of candidates', () => {
    const names = ['王建国', '李红', '张伟', '刘洋', '陈静', '杨帆', '黄磊', '赵敏', '周杰', '吴刚', '徐丽', '孙强', '马超', '朱琳', '胡军', '郭靖', '林峰', '何平', '高原', '罗成'];
    expect(order(shuffled(names))).toEqual([
      '马超', '王建国', '朱琳', '刘洋', '孙强', '李红', '杨帆', '吴刚', '何平', '张伟', '陈静', '林峰', '罗成', '周杰', '赵敏', '胡军', '徐丽', '高原', '郭靖', '黄磊',
    ]);
  });

  it('keeps one family together and orders it by the given name', () => {
    expect(order(shuffled(['王五', '李一', '王一', '王小', '王二']))).toEqual(['王一', '王二', '王小', '王五', '李一']);
  });

  it('treats a compound surname as the surname: 欧 before 欧阳, 司 before 司马 before 司徒', () => {
    // by whole name 欧阳明 (阳 6) would come before 欧健 (健 10); the single surname 欧 comes first
    expect(order(['欧阳明', '欧健'])).toEqual(['欧健', '欧阳明']);
    expect(order(shuffled(['司徒雷', '司马光', '司琪']))).toEqual(['司琪', '司马光', '司徒雷']);
    expect(order(shuffled(['诸葛亮', '上官婉', '丁一', '欧阳修']))).toEqual(['丁一', '上官婉', '欧阳修', '诸葛亮']);
  });

  it('keeps items with the same name in their order and leaves the input alone', () => {
    const items = [
      { id: 'b', name: '张伟' },
      { id: 'a', name: '李娜' },
      { id: 'c', name: '张伟' },
    ];
    const copy = structuredClone(items);
    expect(byStroke(items, (i) => i.name).map((i) => i.id)).toEqual(['a', 'b', 'c']);
    expect(items).toEqual(copy);
  });

  it('places a character outside the table by its ICU stroke count, after the table characters of that count', () => {
    // 亢 (4 strokes) is not in the table
    expect(SURNAME_STROKES.has('亢')).toBe(false);
    expect(order(shuffled(['田', '亢', '王', '邓']))).toEqual(['王', '邓', '亢', '田']);
  });

  it('trims names and sorts Latin names after Chinese ones', () => {
    expect(order([' 张伟', '李娜 ', 'Anna'])).toEqual(['李娜 ', ' 张伟', 'Anna']);
    expect(order(['', '王'])).toEqual(['', '王']);
  });

  it('is a consistent order over every surname of the table', () => {
    const chars = [...SURNAME_STROKES.keys()];
    const sorted = order(shuffled(chars, 3));
    expect(order(shuffled(chars, 11))).toEqual(sorted);
    for (let i = 1; i < sorted.length; i++) {
      const [a, b] = [SURNAME_STROKES.get(sorted[i - 1])!, SURNAME_STROKES.get(sorted[i])!];
      expect(a.length < b.length || (a.length === b.length && a <= b), `${sorted[i - 1]} ${sorted[i]}`).toBe(true);
    }
  });
});

describe('the surname table', () => {
  it('holds only stroke codes 1–5 and every compound surname character', () => {
    for (const [char, strokes] of SURNAME_STROKES) expect(strokes, char).toMatch(/^[1-5]+$/);
    for (const compound of COMPOUND_SURNAMES) for (const char of compound) expect(SURNAME_STROKES.has(char), char).toBe(true);
    expect(SURNAME_STROKES.get('李')).toBe('1234521');
    expect(SURNAME_STROKES.get('张')).toBe('5153154');
    expect(SURNAME_STROKES.get('王')).toBe('1121');
  });
});

describe('surnameOf', () => {
  it('takes the compound surname or the first character', () => {
    expect(surnameOf('欧阳明')).toBe('欧阳');
    expect(surnameOf('上官婉儿')).toBe('上官');
    expect(surnameOf('欧健')).toBe('欧');
    expect(surnameOf(' 张三 ')).toBe('张');
    expect(surnameOf('')).toBe('');
  });
});
