import type { HardshipFile, HardshipInput, HardshipLevel, HardshipPatch } from '../../../contracts/care';
import { hardshipLevel, perCapitaMonthlyFen } from '../../../domain/care/hardship';
import { parseYuan, yuanInput } from '../../lib/money';

/** The hardship file form: the API's field names, money as yuan text, the household as rows. */
export interface HardshipFormValues {
  memberId?: string;
  year: number;
  householdSize: number | null;
  annualIncomeFen: string;
  unavoidableCostsFen: string;
  isAccident: boolean;
  household: { name: string; relation: string; note?: string }[];
  reasons: string;
}

/** A new file for a year: one person, nothing typed yet. */
export function newHardshipValues(year: number, memberId?: string): HardshipFormValues {
  return { memberId, year, householdSize: null, annualIncomeFen: '', unavoidableCostsFen: '', isAccident: false, household: [], reasons: '' };
}

/** An existing file in the form (amounts in yuan). */
export function hardshipFormValuesOf(f: HardshipFile): HardshipFormValues {
  return {
    memberId: f.member.id,
    year: f.year,
    householdSize: f.householdSize,
    annualIncomeFen: yuanInput(f.annualIncomeFen),
    unavoidableCostsFen: yuanInput(f.unavoidableCostsFen),
    isAccident: f.isAccident,
    household: f.household.map((h) => ({ ...h })),
    reasons: f.reasons,
  };
}

function figuresOf(v: HardshipFormValues) {
  return {
    householdSize: v.householdSize ?? 1,
    annualIncomeFen: parseYuan(v.annualIncomeFen) ?? 0,
    unavoidableCostsFen: parseYuan(v.unavoidableCostsFen) ?? 0,
    isAccident: v.isAccident,
    household: v.household.map((h) => ({ name: h.name.trim(), relation: h.relation.trim(), note: (h.note ?? '').trim() })),
    reasons: v.reasons.trim(),
  };
}

/** POST /hardship/files's body (yuan → fen, text trimmed). */
export function hardshipBodyOf(v: HardshipFormValues): HardshipInput {
  return { memberId: v.memberId ?? '', year: v.year, ...figuresOf(v) };
}

/** PATCH /hardship/files/:id's body: the figures, household and reasons (member and year stay). */
export function hardshipPatchOf(v: HardshipFormValues): HardshipPatch {
  return figuresOf(v);
}

/**
 * The level the figures typed so far would give against a 低保线 (null: none for the year), or null while the
 * household size or the income is missing or not an amount. The server decides; this only previews.
 */
export function previewLevel(v: Partial<HardshipFormValues>, povertyLineFen: number | null): { perCapitaFen: number; level: HardshipLevel } | null {
  const size = v.householdSize;
  const income = parseYuan(v.annualIncomeFen ?? '');
  const costs = (v.unavoidableCostsFen ?? '').trim() === '' ? 0 : parseYuan(v.unavoidableCostsFen);
  if (!size || size < 1 || !Number.isInteger(size) || income === null || costs === null) return null;
  const figures = { annualIncomeFen: income, unavoidableCostsFen: costs, householdSize: size, isAccident: !!v.isAccident, povertyLineFen };
  return { perCapitaFen: perCapitaMonthlyFen(income, costs, size), level: hardshipLevel(figures) };
}
