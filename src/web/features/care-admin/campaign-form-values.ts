import type { Audience, AudienceKind } from '../../../contracts/activities';
import { GIFT_FESTIVALS, NON_GIFT_DAYS, type BenefitForm, type CampaignInput, type CareFundCategory } from '../../../contracts/care';
import { parseYuan } from '../../lib/money';

/** The 新建节日慰问 form: the API's field names, the value per person in yuan text, the audience as picked. */
export interface CampaignFormValues {
  festival?: string;
  year: number;
  title: string;
  perPersonFen: string;
  form?: BenefitForm;
  goods: string;
  audience: { kind: AudienceKind; groupIds?: string[]; departments?: string[]; memberIds?: string[] };
  fundCategory: CareFundCategory;
}

/** The audience the API expects: only the ids of the chosen kind. */
export function audienceBodyOf(a: CampaignFormValues['audience']): Audience {
  switch (a.kind) {
    case 'groups':
      return { kind: 'groups', groupIds: a.groupIds ?? [] };
    case 'departments':
      return { kind: 'departments', departments: (a.departments ?? []).map((d) => d.trim()).filter(Boolean) };
    case 'list':
      return { kind: 'list', memberIds: a.memberIds ?? [] };
    case 'club':
      // Campaigns do not offer interest groups; a stray choice falls back to everyone rather than sending no id.
      return { kind: 'all' };
    default:
      return { kind: a.kind };
  }
}

/** POST /care/campaigns's body from the form (yuan → fen). */
export function campaignBodyOf(v: CampaignFormValues): CampaignInput {
  return {
    festival: (v.festival ?? '').trim(),
    year: v.year,
    title: v.title.trim(),
    perPersonFen: parseYuan(v.perPersonFen) ?? 0,
    form: v.form ?? 'goods',
    goods: v.goods.trim(),
    audience: audienceBodyOf(v.audience),
    fundCategory: v.fundCategory,
  };
}

// The short names people also write with 节 in a title (中秋 → 中秋节); 元旦, 春节 and ethnic festivals stay as they are.
const TITLE_NAMES: Record<string, string> = { 清明: '清明节', 端午: '端午节', 中秋: '中秋节', 国庆: '国庆节' };

/** The title a campaign gets unless the user writes one: "2026年中秋节慰问". */
export function defaultCampaignTitle(festival: string, year: number): string {
  return `${year}年${TITLE_NAMES[festival] ?? festival}慰问`;
}

/** The festivals a campaign may be for, in the calendar's order: the gift festivals and the union's ethnic ones. */
export function campaignFestivals(ethnicFestivals: readonly string[]): { gift: string[]; ethnic: string[]; refused: string[] } {
  return { gift: [...GIFT_FESTIVALS], ethnic: ethnicFestivals.filter((f) => !(GIFT_FESTIVALS as readonly string[]).includes(f)), refused: [...NON_GIFT_DAYS] };
}
