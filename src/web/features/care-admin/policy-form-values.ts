import type { BenefitForm, CareEventKind, CarePolicy, CarePolicyInput } from '../../../contracts/care';
import { parseYuan, yuanInput } from '../../lib/money';

/**
 * One event type as the standards form edits it. Field names are the API's (`capPerEventFen` …) so that a field
 * error from the server ("types.2.capPerEventFen") lands on the right input; the money fields hold yuan text.
 */
export interface TypeFormValues {
  id?: string;
  name: string;
  kind: CareEventKind;
  archived: boolean;
  deadlineDays: number | null;
  standardFen: string;
  capPerEventFen: string;
  capPerYearFen: string;
  countPerYear: number | null;
  forms: BenefitForm[];
  claimMonths: number | null;
  requiresDues: boolean;
}

/** The whole standards form: types, festival and birthday rules, ethnic festivals, 低保线 per year (yuan text). */
export interface PolicyFormValues {
  types: TypeFormValues[];
  festivalCapPerYearFen: string;
  festivalForms: BenefitForm[];
  birthdayCapFen: string;
  birthdayForms: BenefitForm[];
  ethnicFestivals: string[];
  povertyLines: { year: number | null; monthlyFen: string }[];
}

/** The form's starting values from the union's table (amounts in yuan, blanks for "no limit"). */
export function policyFormValuesOf(policy: CarePolicy): PolicyFormValues {
  return {
    types: policy.types.map((t) => ({
      id: t.id,
      name: t.name,
      kind: t.kind,
      archived: t.archived,
      deadlineDays: t.deadlineDays,
      standardFen: yuanInput(t.standardFen),
      capPerEventFen: yuanInput(t.capPerEventFen),
      capPerYearFen: yuanInput(t.capPerYearFen),
      countPerYear: t.countPerYear,
      forms: [...t.forms],
      claimMonths: t.claimMonths,
      requiresDues: t.requiresDues,
    })),
    festivalCapPerYearFen: yuanInput(policy.festivalCapPerYearFen),
    festivalForms: [...policy.festivalForms],
    birthdayCapFen: yuanInput(policy.birthdayCapFen),
    birthdayForms: [...policy.birthdayForms],
    ethnicFestivals: [...policy.ethnicFestivals],
    povertyLines: [...policy.povertyLines].sort((a, b) => b.year - a.year).map((l) => ({ year: l.year, monthlyFen: yuanInput(l.monthlyFen) })),
  };
}

// Blank means "no limit". The form's rules refuse text that is not an amount before this runs.
const fenOrNull = (text: string | undefined): number | null => (text && text.trim() ? parseYuan(text) : null);
const numberOrNull = (n: number | null | undefined): number | null => (n === null || n === undefined ? null : n);

/** A new type row: category 其他, no deadline, goods and cash, no limits. */
export function newTypeValues(): TypeFormValues {
  return {
    name: '',
    kind: 'other',
    archived: false,
    deadlineDays: null,
    standardFen: '',
    capPerEventFen: '',
    capPerYearFen: '',
    countPerYear: null,
    forms: ['goods', 'cash'],
    claimMonths: null,
    requiresDues: false,
  };
}

/** PUT /care/policy's body from the form: yuan → fen, blanks → null, names trimmed, empty 低保线 rows dropped. */
export function policyBodyOf(v: PolicyFormValues): CarePolicyInput {
  return {
    types: v.types.map((t) => ({
      ...(t.id ? { id: t.id } : {}),
      name: t.name.trim(),
      kind: t.kind,
      archived: t.archived,
      deadlineDays: numberOrNull(t.deadlineDays),
      standardFen: fenOrNull(t.standardFen),
      capPerEventFen: fenOrNull(t.capPerEventFen),
      capPerYearFen: fenOrNull(t.capPerYearFen),
      countPerYear: numberOrNull(t.countPerYear),
      forms: t.forms,
      claimMonths: numberOrNull(t.claimMonths),
      requiresDues: t.requiresDues,
    })),
    festivalCapPerYearFen: fenOrNull(v.festivalCapPerYearFen),
    festivalForms: v.festivalForms,
    birthdayCapFen: fenOrNull(v.birthdayCapFen),
    birthdayForms: v.birthdayForms,
    ethnicFestivals: [...new Set(v.ethnicFestivals.map((f) => f.trim()).filter(Boolean))],
    povertyLines: v.povertyLines
      .filter((l) => l.year !== null && l.monthlyFen.trim() !== '')
      .map((l) => ({ year: l.year as number, monthlyFen: parseYuan(l.monthlyFen) ?? 0 })),
  };
}
