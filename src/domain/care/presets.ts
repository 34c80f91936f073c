import { CARE_EVENT_KIND_LABELS, CARE_EVENT_KINDS, type BenefitForm, type CareEventKind, type CarePreset, type CareRule } from '../../contracts/care.js';
import { DEFAULT_DEADLINE_DAYS } from './deadlines.js';

/**
 * The rules a union starts with and the provincial presets it may start from (DOMAIN.md §4 "Care": 福建 2018 and
 * 安徽 2018). Amounts in fen.
 */

/** No caps, goods or cash, the default deadline; 家庭矛盾/情绪波动 is "visit, no money" (a cap of 0 per event). */
export const DEFAULT_CARE_RULES: Record<CareEventKind, CareRule> = Object.fromEntries(
  CARE_EVENT_KINDS.map((kind) => [
    kind,
    {
      deadlineDays: DEFAULT_DEADLINE_DAYS[kind],
      standardFen: null,
      capPerEventFen: kind === 'family_conflict' ? 0 : null,
      capPerYearFen: null,
      countPerYear: null,
      forms: ['goods', 'cash'],
      claimMonths: null,
      requiresDues: false,
    } satisfies CareRule,
  ]),
) as Record<CareEventKind, CareRule>;

interface PresetFigures {
  festivalCapPerYearFen: number;
  birthdayCapFen: number;
  /** Cap per event for the kinds the preset names; the other kinds keep the union's figures. */
  capPerEventFen: Partial<Record<CareEventKind, number>>;
}

const YUAN = 100;

const PRESETS: Record<CarePreset, PresetFigures> = {
  fujian_2018: {
    festivalCapPerYearFen: 1300 * YUAN,
    birthdayCapFen: 300 * YUAN,
    capPerEventFen: {
      childbirth: 500 * YUAN,
      hospital: 500 * YUAN,
      surgery: 1000 * YUAN,
      death_self: 2000 * YUAN,
      death_relative: 1000 * YUAN,
      retirement: 500 * YUAN,
    },
  },
  anhui_2018: {
    festivalCapPerYearFen: 1500 * YUAN,
    birthdayCapFen: 300 * YUAN,
    capPerEventFen: {
      marriage: 600 * YUAN,
      childbirth: 600 * YUAN,
      hospital: 1000 * YUAN,
      death_self: 2000 * YUAN,
      death_relative: 1000 * YUAN,
      retirement: 1000 * YUAN,
    },
  },
};

/** Festival gifts are goods, not cash or shopping cards [default]; a birthday is a cake or a cake voucher. */
const FESTIVAL_FORMS: BenefitForm[] = ['goods'];
const BIRTHDAY_FORMS: BenefitForm[] = ['goods', 'voucher'];

type PolicyType = { kind: CareEventKind; name: string; rule: CareRule };

/**
 * The union's table set from a preset: each type of a kind the preset names gets that cap per event, and the
 * standard amount equal to it; names, deadlines, the other rule fields and the other kinds stay as they were.
 * 福建 names a surgery cap: when the table has no 住院手术 (no type of kind surgery, nor one so named) it is added
 * after the last hospital type. A type named 住院手术 of another kind counts as the surgery type, since names are
 * unique in a union. Hospital "once a year" is not in the presets; a school sets it.
 */
export function presetPolicy(
  preset: CarePreset,
  types: readonly PolicyType[],
): { types: PolicyType[]; festivalCapPerYearFen: number; birthdayCapFen: number; festivalForms: BenefitForm[]; birthdayForms: BenefitForm[] } {
  const figures = PRESETS[preset];
  const surgeryName = CARE_EVENT_KIND_LABELS.surgery;
  const hasSurgeryKind = types.some((t) => t.kind === 'surgery');
  const capOf = (t: PolicyType): number | undefined => {
    const kind = !hasSurgeryKind && t.name.trim() === surgeryName ? 'surgery' : t.kind;
    return figures.capPerEventFen[kind];
  };
  const result: PolicyType[] = types.map((t) => {
    const cap = capOf(t);
    return cap === undefined ? { ...t, rule: { ...t.rule } } : { ...t, rule: { ...t.rule, capPerEventFen: cap, standardFen: cap } };
  });
  const surgeryCap = figures.capPerEventFen.surgery;
  const hasSurgery = hasSurgeryKind || types.some((t) => t.name.trim() === surgeryName);
  if (surgeryCap !== undefined && !hasSurgery) {
    const added: PolicyType = { kind: 'surgery', name: surgeryName, rule: { ...DEFAULT_CARE_RULES.surgery, forms: [...DEFAULT_CARE_RULES.surgery.forms], capPerEventFen: surgeryCap, standardFen: surgeryCap } };
    const lastHospital = result.map((t) => t.kind).lastIndexOf('hospital');
    result.splice(lastHospital === -1 ? result.length : lastHospital + 1, 0, added);
  }
  return {
    types: result,
    festivalCapPerYearFen: figures.festivalCapPerYearFen,
    birthdayCapFen: figures.birthdayCapFen,
    festivalForms: [...FESTIVAL_FORMS],
    birthdayForms: [...BIRTHDAY_FORMS],
  };
}
