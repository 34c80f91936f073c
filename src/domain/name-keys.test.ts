import { describe, expect, it } from 'vitest';
import { namePinyin, pinyinSortKey, strokeSortKey } from './name-keys.js';
import { seededRandom } from './seeded-random.js';

const rng = seededRandom;

const SURNAMES = [
  '王', '李', '张', '刘', '陈', '杨', '黄', '赵', '吴', '周', '徐', '孙', '马', '朱', '胡', '郭', '何', '高', '林', '罗',
  '郑', '梁', '谢', '宋', '唐', '许', '韩', '冯', '邓', '曹', '彭', '曾', '肖', '田', '董', '袁', '潘', '于', '蒋', '蔡',
  '余', '杜', '叶', '程', '苏', '魏', '吕', '丁', '任', '沈', '姚', '卢', '姜', '崔', '钟', '谭', '陆', '汪', '范', '金',
  '石', '廖', '贾', '夏', '韦', '付', '方', '白', '邹', '孟', '熊', '秦', '邱', '江', '尹', '薛', '闫', '段', '雷', '侯',
  '龙', '史', '陶', '黎', '贺', '顾', '毛', '郝', '龚', '邵', '万', '钱', '严', '覃', '武', '戴', '莫', '孔', '向', '汤',
  '单', '解', '区', '仇', '朴', '查', '盖', '乐', '欧阳', '司马', '诸葛', '上官', '令狐', '尉迟', '长孙', '东方', '皇甫', '慕容',
];
const GIVEN = '伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华建国晓红玉梅志鹏辉宇浩然欣怡子涵梓萱雨轩思远一诺佳琪嘉懿文博俊杰婷婷';

/** ~200 plausible names from a fixed seed: 1–2 character given names, some of them repeated surnames. */
function generatedNames(count: number): string[] {
  const rand = rng(20240901);
  const pick = (s: string | string[]) => s[Math.floor(rand() * s.length)];
  const names = new Set<string>();
  while (names.size < count) {
    const given = pick(GIVEN) + (rand() < 0.7 ? pick(GIVEN) : '');
    names.add(pick(SURNAMES) + given);
  }
  return [...names];
}

const EDGE_NAMES = [
  '',
  '王',
  '张',
  '李',
  '单',
  '欧',
  '欧阳',
  '欧阳修',
  '欧阳娜娜',
  '欧文',
  '司马光',
  '司徒',
  '张三',
  '张三丰',
  '张3',
  '张3丰',
  '张10',
  '张伟',
  '张伟2',
  '张伟明',
  '张伟（大）',
  '张伟(小)',
  '王芳（大）',
  '王芳华',
  '张 三',
  '阿依古丽·买买提',
  '阿依古丽买',
  '李a',
  '李b',
  '李1',
  '李二',
  'anna',
  'Anna',
  'Bob',
  'bob',
  'Anna李',
  'tom smith',
  '〇',
  '王〇一',
  '赵钱孙李',
  '一',
  '乙',
];

const byKey = (key: (name: string) => string) => (a: string, b: string) => {
  const ka = key(a);
  const kb = key(b);
  return ka < kb ? -1 : ka > kb ? 1 : 0;
};
const sign = (n: number) => (n < 0 ? -1 : n > 0 ? 1 : 0);

describe.each([
  ['pinyinSortKey', pinyinSortKey, 'zh'],
  ['strokeSortKey', strokeSortKey, 'zh-u-co-stroke'],
] as const)('%s', (_label, key, locale) => {
  const collator = new Intl.Collator(locale);
  const names = [...generatedNames(200), ...EDGE_NAMES];

  const primary = new Intl.Collator(locale, { sensitivity: 'base' });

  it(`sorts 200 Chinese names exactly as Intl.Collator('${locale}') does`, () => {
    const han = generatedNames(200);
    const expected = [...han].sort(collator.compare);
    expect([...han].sort(byKey(key))).toEqual(expected);
    // The same from a reversed start, so an equal-key tie cannot pass by keeping the input order.
    expect([...han].reverse().sort(byKey(key))).toEqual(expected);
  });

  it(`sorts ~240 names with edge cases as Intl.Collator('${locale}') does (ties only where it sees case or width)`, () => {
    expect(names.length).toBeGreaterThanOrEqual(240);
    const expected = [...names].sort(collator.compare);
    const byKeyThenCollator = (a: string, b: string) => byKey(key)(a, b) || collator.compare(a, b);
    expect([...names].sort(byKeyThenCollator)).toEqual(expected);
    expect([...names].reverse().sort(byKeyThenCollator)).toEqual(expected);
  });

  it('orders every pair of names as the collator does; equal keys only for names equal but for case or width', () => {
    const wrong: string[] = [];
    for (const a of names) {
      for (const b of names) {
        const ka = key(a);
        const kb = key(b);
        if (ka === kb) {
          if (primary.compare(a, b) !== 0) wrong.push(`${a} / ${b}: same key`);
        } else if (sign(ka < kb ? -1 : 1) !== sign(collator.compare(a, b))) wrong.push(`${a} / ${b}: wrong order`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('gives names differing only in case or full/half width the same key, and orders by the letters first', () => {
    expect(key('张伟(大)')).toBe(key('张伟（大）'));
    expect(key('Anna')).toBe(key('anna'));
    expect(key('李１')).toBe(key('李1'));
    // 大 and 小 decide, not the width of the bracket before them.
    expect(sign(collator.compare('张伟（大）', '张伟(小)'))).toBe(sign(collator.compare('大', '小')));
    expect(key('张伟（大）') < key('张伟(小)')).toBe(collator.compare('大', '小') < 0);
  });

  it('puts digits and brackets where the collator does: 张伟2 and 张伟（大） before 张伟明', () => {
    for (const [before, after] of [
      ['张伟2', '张伟明'],
      ['张伟（大）', '张伟明'],
      ['张3', '张三'],
      ['阿依古丽·买买提', '阿依古丽买'],
    ]) {
      expect(collator.compare(before, after), `${before} < ${after} (collator)`).toBeLessThan(0);
      expect(key(before) < key(after), `${before} < ${after} (key)`).toBe(true);
    }
  });

  it('uses exactly 5 characters of [0-9a-z] per character of the name', () => {
    for (const name of names) {
      const k = key(name);
      expect(k, name).toMatch(/^[0-9a-z]*$/);
      expect(k.length, name).toBe(5 * [...name].length);
    }
    expect(key('')).toBe('');
  });

  it('gives a name that extends another a greater key (张 < 张三 < 张三丰)', () => {
    expect(key('张') < key('张三')).toBe(true);
    expect(key('张三') < key('张三丰')).toBe(true);
    expect(key('') < key('张')).toBe(true);
  });

  it('is the concatenation of the keys of its characters', () => {
    expect(key('欧阳修')).toBe(key('欧') + key('阳') + key('修'));
  });

  it('gives different characters different keys and the same name the same key', () => {
    expect(key('张')).not.toBe(key('章'));
    expect(key('张三')).toBe(key('张三'));
  });
});

describe('pinyinSortKey order a user expects', () => {
  it('sorts surnames by pinyin: 阿 白 陈 丁 高 黄 刘 欧阳 潘 王 魏 张 赵 周', () => {
    const expected = ['阿', '白', '陈', '丁', '高', '黄', '刘', '欧阳', '潘', '王', '魏', '张', '赵', '周'];
    const shuffled = ['周', '欧阳', '王', '阿', '赵', '黄', '白', '刘', '魏', '丁', '潘', '陈', '张', '高'];
    expect(shuffled.sort(byKey(pinyinSortKey))).toEqual(expected);
  });
});

describe('strokeSortKey order a user expects', () => {
  it('sorts surnames by stroke count: 一(1) 丁(2) 王(4) 白(5) 刘(6) 李(7) 周(8) 赵(9) 高(10) 廖(14) 魏(17)', () => {
    const shuffled = ['魏', '刘', '一', '赵', '高', '王', '周', '丁', '廖', '李', '白'];
    expect(shuffled.sort(byKey(strokeSortKey))).toEqual(['一', '丁', '王', '白', '刘', '李', '周', '赵', '高', '廖', '魏']);
  });
});

describe('namePinyin', () => {
  it.each([
    ['张晓明', 'zhangxiaoming', 'zxm'],
    ['李娜', 'lina', 'ln'],
    ['王', 'wang', 'w'],
    ['欧阳修', 'ouyangxiu', 'oyx'],
    ['诸葛亮', 'zhugeliang', 'zgl'],
  ])('%s → %s / %s', (name, full, initials) => {
    expect(namePinyin(name)).toEqual({ full, initials });
  });

  it.each([
    ['单', 'shan'],
    ['单雄信', 'shanxiongxin'],
    ['曾', 'zeng'],
    ['曾国藩', 'zengguofan'],
    ['解', 'xie'],
    ['解缙', 'xiejin'],
    ['区', 'ou'],
    ['仇', 'qiu'],
    ['朴', 'piao'],
    ['查', 'zha'],
    ['盖', 'ge'],
    ['覃', 'qin'],
    ['尉迟恭', 'yuchigong'],
    ['万俟', 'moqi'],
    ['长孙无忌', 'zhangsunwuji'],
  ])('reads the surname of %s as a surname: %s', (name, full) => {
    expect(namePinyin(name).full).toBe(full);
  });

  it('reads a polyphonic character in the given name with its ordinary reading', () => {
    expect(namePinyin('王单').full).toBe('wangdan');
    expect(namePinyin('张解').full).toBe('zhangjie');
  });

  it('gives initials of polyphonic surnames from the surname reading (单 → s, not d)', () => {
    expect(namePinyin('单雄信').initials).toBe('sxx');
    expect(namePinyin('曾国藩').initials).toBe('zgf');
    expect(namePinyin('解缙').initials).toBe('xj');
  });

  it('writes ü as v, as pinyin input methods do', () => {
    expect(namePinyin('吕布')).toEqual({ full: 'lvbu', initials: 'lb' });
    expect(namePinyin('女娲').full).toBe('nvwa');
  });

  it('keeps ASCII letters and digits, lower-cased, and drops spaces and the middle dot', () => {
    expect(namePinyin('Anna李')).toEqual({ full: 'annali', initials: 'al' });
    expect(namePinyin('张3丰')).toEqual({ full: 'zhang3feng', initials: 'z3f' });
    expect(namePinyin('张 三')).toEqual({ full: 'zhangsan', initials: 'zs' });
    expect(namePinyin('阿依古丽·买买提')).toEqual({ full: 'ayigulimaimaiti', initials: 'ayglmmt' });
  });

  it('gives empty strings for an empty name', () => {
    expect(namePinyin('')).toEqual({ full: '', initials: '' });
  });

  it('produces only lower-case letters and digits, so a search by initials or pinyin matches', () => {
    for (const name of generatedNames(200)) {
      const { full, initials } = namePinyin(name);
      expect(full, name).toMatch(/^[a-z]+$/);
      expect(initials, name).toMatch(/^[a-z]+$/);
      expect(initials.length, name).toBe([...name].length);
      expect(full.startsWith(initials[0]), name).toBe(true);
    }
  });
});
