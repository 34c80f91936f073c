import { describe, expect, it } from 'vitest';
import { CARE_EVENT_KIND_LABELS, CARE_EVENT_KINDS, DEFAULT_CARE_EVENT_KINDS, type CareEventKind, type CareRule } from '../../contracts/care.js';
import { DEFAULT_CARE_RULES, presetPolicy } from './presets.js';

type Row = { kind: CareEventKind; name: string; rule: CareRule };

/** The table a union starts with: the default kinds with their default names and rules (no 住院手术). */
const defaults = (): Row[] => DEFAULT_CARE_EVENT_KINDS.map((kind) => ({ kind, name: CARE_EVENT_KIND_LABELS[kind], rule: DEFAULT_CARE_RULES[kind] }));
const caps = (types: Row[]) => types.map((t) => [t.name, t.rule.capPerEventFen, t.rule.standardFen]);

describe('default rules', () => {
  it('have a rule for every kind: default deadline, no caps, goods or cash, no claim window, no dues', () => {
    for (const kind of CARE_EVENT_KINDS) {
      const r = DEFAULT_CARE_RULES[kind];
      expect(r.forms, kind).toEqual(['goods', 'cash']);
      expect([r.capPerYearFen, r.countPerYear, r.claimMonths, r.standardFen], kind).toEqual([null, null, null, null]);
      expect(r.requiresDues, kind).toBe(false);
    }
    expect(DEFAULT_CARE_RULES.hospital.deadlineDays).toBe(3);
    expect(DEFAULT_CARE_RULES.marriage.deadlineDays).toBe(7);
    expect(DEFAULT_CARE_RULES.other.deadlineDays).toBeNull();
    expect(DEFAULT_CARE_RULES.hospital.capPerEventFen).toBeNull();
  });

  it('家庭矛盾/情绪波动 is "visit, no money": a cap of 0 per event', () => {
    expect(DEFAULT_CARE_RULES.family_conflict.capPerEventFen).toBe(0);
  });
});

describe('福建 2018', () => {
  it('sets the caps (and the standard) on the default table and adds 住院手术 after 生病住院', () => {
    const p = presetPolicy('fujian_2018', defaults());
    expect(caps(p.types)).toEqual([
      ['生病住院', 50000, 50000],
      ['住院手术', 100000, 100000],
      ['结婚', null, null],
      ['生育', 50000, 50000],
      ['本人去世', 200000, 200000],
      ['直系亲属去世', 100000, 100000],
      ['退休', 50000, 50000],
      ['意外或突发事件', null, null],
      ['家庭重大困难', null, null],
      ['家庭矛盾/情绪波动', 0, null],
    ]);
    expect(p.types[1]).toEqual({ kind: 'surgery', name: '住院手术', rule: { ...DEFAULT_CARE_RULES.surgery, capPerEventFen: 100000, standardFen: 100000 } });
  });

  it('sets festivals ≤ 1300 元 a year in goods and birthdays ≤ 300 元 as a cake or a cake voucher', () => {
    const p = presetPolicy('fujian_2018', defaults());
    expect(p.festivalCapPerYearFen).toBe(130000);
    expect(p.festivalForms).toEqual(['goods']);
    expect(p.birthdayCapFen).toBe(30000);
    expect(p.birthdayForms).toEqual(['goods', 'voucher']);
  });

  it('keeps a union’s names, deadlines and other rule fields, and matches by kind, not by name', () => {
    const custom: Row[] = [
      { kind: 'hospital', name: '住院慰问', rule: { ...DEFAULT_CARE_RULES.hospital, deadlineDays: 2, countPerYear: 1, capPerYearFen: 80000, claimMonths: 6, requiresDues: true, forms: ['cash'] } },
      { kind: 'death_relative', name: '父母去世', rule: DEFAULT_CARE_RULES.death_relative },
      { kind: 'death_relative', name: '配偶子女去世', rule: DEFAULT_CARE_RULES.death_relative },
      { kind: 'other', name: '退休教职工走访', rule: DEFAULT_CARE_RULES.other },
    ];
    const p = presetPolicy('fujian_2018', custom);
    expect(p.types.map((t) => t.name)).toEqual(['住院慰问', '住院手术', '父母去世', '配偶子女去世', '退休教职工走访']);
    expect(p.types[0].rule).toEqual({ deadlineDays: 2, standardFen: 50000, capPerEventFen: 50000, capPerYearFen: 80000, countPerYear: 1, forms: ['cash'], claimMonths: 6, requiresDues: true });
    expect(caps(p.types).slice(2)).toEqual([
      ['父母去世', 100000, 100000],
      ['配偶子女去世', 100000, 100000],
      ['退休教职工走访', null, null],
    ]);
  });

  it('does not add 住院手术 when the union has a surgery type under another name, and caps that one', () => {
    const table = [...defaults(), { kind: 'surgery' as const, name: '手术', rule: { ...DEFAULT_CARE_RULES.surgery, deadlineDays: 5 } }];
    const p = presetPolicy('fujian_2018', table);
    expect(p.types).toHaveLength(table.length);
    expect(p.types.find((t) => t.name === '手术')?.rule).toMatchObject({ capPerEventFen: 100000, standardFen: 100000, deadlineDays: 5 });
  });

  it('a type already named 住院手术 under another kind is taken as the surgery type, so the name stays unique', () => {
    const table = [...defaults(), { kind: 'other' as const, name: '住院手术', rule: DEFAULT_CARE_RULES.other }];
    const p = presetPolicy('fujian_2018', table);
    expect(p.types.filter((t) => t.name === '住院手术')).toEqual([{ kind: 'other', name: '住院手术', rule: { ...DEFAULT_CARE_RULES.other, capPerEventFen: 100000, standardFen: 100000 } }]);
  });

  it('adds 住院手术 at the end of a table without a hospital type', () => {
    const table = defaults().filter((t) => t.kind !== 'hospital');
    expect(presetPolicy('fujian_2018', table).types.at(-1)?.name).toBe('住院手术');
  });

  it('does not change the table it was given', () => {
    const table = defaults();
    const before = structuredClone(table);
    presetPolicy('fujian_2018', table);
    expect(table).toEqual(before);
  });
});

describe('安徽 2018', () => {
  it('sets its own caps and adds no 住院手术', () => {
    const p = presetPolicy('anhui_2018', defaults());
    expect(caps(p.types)).toEqual([
      ['生病住院', 100000, 100000],
      ['结婚', 60000, 60000],
      ['生育', 60000, 60000],
      ['本人去世', 200000, 200000],
      ['直系亲属去世', 100000, 100000],
      ['退休', 100000, 100000],
      ['意外或突发事件', null, null],
      ['家庭重大困难', null, null],
      ['家庭矛盾/情绪波动', 0, null],
    ]);
    expect(p.festivalCapPerYearFen).toBe(150000);
    expect(p.birthdayCapFen).toBe(30000);
  });

  it('leaves a surgery type the union keeps as it was, having no figure for it', () => {
    const fujian = presetPolicy('fujian_2018', defaults()).types;
    const anhui = presetPolicy('anhui_2018', fujian);
    expect(anhui.types.find((t) => t.kind === 'surgery')?.rule.capPerEventFen).toBe(100000);
    expect(anhui.types.find((t) => t.kind === 'hospital')?.rule.capPerEventFen).toBe(100000);
  });

  it('neither preset sets "hospital once a year"; a school sets it', () => {
    for (const preset of ['fujian_2018', 'anhui_2018'] as const) {
      for (const t of presetPolicy(preset, defaults()).types) expect(t.rule.countPerYear, `${preset} ${t.name}`).toBeNull();
    }
  });
});
