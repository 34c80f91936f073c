import type { z } from 'zod';
import {
  HARDSHIP_LEVEL_LABELS,
  type AssistanceRecord,
  type HardshipFileDetail,
  type HardshipFileSummary,
  type hardshipOwnFileSchema,
} from '../../../contracts/care.js';
import { yuan } from '../../../domain/care/index.js';
import { assertNever } from '../../../domain/policy.js';
import type { AssistanceRow, HardshipFull } from './hardship.repository.js';

type Household = HardshipFileDetail['household'];
type Figures = Pick<HardshipFull, 'annualIncomeFen' | 'unavoidableCostsFen' | 'isAccident' | 'povertyLineFen' | 'perCapitaMonthlyFen' | 'level'>;

/** A file as the audit trail names it: by its year, never by the member (the vice chair reads the trail). */
export const fileLabel = (year: number) => `${year} 年度困难职工档案`;

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

/** Why neither of the income tests made the household poor enough, and what the accident test found. */
function otherGrounds(f: Figures): string {
  if (f.isAccident) return '因灾因意外致困';
  if (f.level === 'accident') return `刚性支出 ${yuan(f.unavoidableCostsFen)} 元，超过家庭年收入的 80%`;
  return '非因灾因意外致困，刚性支出未超过家庭年收入的 80%';
}

/**
 * How the level was reached, in words ("人均月收入 812.50 元，低于低保线 850.00 元 → 深度困难"); the same
 * integer comparisons as domain/care hardshipLevel, which decided it.
 */
export function levelReason(f: Figures): string {
  const label = HARDSHIP_LEVEL_LABELS[f.level];
  const perCapita = `人均月收入 ${yuan(f.perCapitaMonthlyFen)} 元`;
  const line = f.povertyLineFen;
  if (line === null) return `未设置本年度低保线，只能按意外致困评定；${otherGrounds(f)} → ${label}`;
  switch (f.level) {
    case 'deep':
      return `${perCapita}，低于低保线 ${yuan(line)} 元 → ${label}`;
    case 'relative':
      return `${perCapita}，不低于低保线 ${yuan(line)} 元，低于低保线的 2 倍 ${yuan(2 * line)} 元 → ${label}`;
    case 'accident':
    case 'none':
      return `${perCapita}，不低于低保线的 2 倍 ${yuan(2 * line)} 元；${otherGrounds(f)} → ${label}`;
    default:
      return assertNever(f.level);
  }
}

/** An assistance record as keepers see it. */
export function assistanceView(r: AssistanceRow): AssistanceRecord {
  return {
    id: r.id,
    member: { id: r.memberId, name: r.memberName },
    hardshipFileId: r.hardshipFileId,
    kind: r.kind,
    campaign: r.campaign as AssistanceRecord['campaign'],
    amountFen: r.amountFen,
    givenOn: r.givenOn,
    notes: r.notes,
    payee: r.payee,
    fundCategory: r.fundCategory,
    recordedBy: r.recorderName ?? '',
    recordedAt: iso(r.createdAt)!,
  };
}

/** What the actor may do with a file, from its status and the actor's rights. */
export function fileAbilities(f: HardshipFull, rights: { manage: boolean; approve: boolean }): HardshipFileDetail['can'] {
  const isOpen = f.status === 'draft' || f.status === 'submitted';
  return {
    edit: rights.manage && isOpen,
    submit: rights.manage && f.status === 'draft',
    approve: rights.approve && f.status === 'submitted',
    reassess: rights.manage && f.status === 'approved' && f.reassessedInYear === null,
    close: rights.manage && f.status !== 'closed',
  };
}

/** A file's page for its keepers. */
export function fileDetail(
  f: HardshipFull,
  extra: { files: HardshipFileDetail['files']; assistance: AssistanceRecord[]; can: HardshipFileDetail['can'] },
): HardshipFileDetail {
  return {
    id: f.id,
    member: { id: f.memberId, name: f.memberName, groupName: f.groupName },
    year: f.year,
    householdSize: f.householdSize,
    annualIncomeFen: f.annualIncomeFen,
    unavoidableCostsFen: f.unavoidableCostsFen,
    isAccident: f.isAccident,
    household: f.household as Household,
    reasons: f.reasons,
    povertyLineFen: f.povertyLineFen,
    perCapitaMonthlyFen: f.perCapitaMonthlyFen,
    level: f.level,
    levelReason: levelReason(f),
    status: f.status,
    approvedBy: f.approverName,
    approvedAt: iso(f.approvedAt),
    reviewDueOn: f.reviewDueOn,
    isReviewDue: f.isReviewDue,
    reassessedInYear: f.reassessedInYear,
    closedReason: f.closedReason,
    assistanceFen: f.assistanceFen,
    ...extra,
  };
}

/** A line of the keepers' list. */
export function fileSummary(f: HardshipFull): HardshipFileSummary {
  return {
    id: f.id,
    member: { id: f.memberId, name: f.memberName, groupName: f.groupName },
    year: f.year,
    householdSize: f.householdSize,
    perCapitaMonthlyFen: f.perCapitaMonthlyFen,
    povertyLineFen: f.povertyLineFen,
    level: f.level,
    status: f.status,
    reviewDueOn: f.reviewDueOn,
    isReviewDue: f.isReviewDue,
    assistanceFen: f.assistanceFen,
  };
}

/** The member's own file: their figures and level, without the keepers' notes (who approved, why it was closed). */
export function ownFile(f: HardshipFull): z.infer<typeof hardshipOwnFileSchema> {
  return {
    id: f.id,
    member: { id: f.memberId, name: f.memberName },
    year: f.year,
    householdSize: f.householdSize,
    annualIncomeFen: f.annualIncomeFen,
    unavoidableCostsFen: f.unavoidableCostsFen,
    isAccident: f.isAccident,
    household: f.household as Household,
    reasons: f.reasons,
    povertyLineFen: f.povertyLineFen,
    perCapitaMonthlyFen: f.perCapitaMonthlyFen,
    level: f.level,
    levelReason: levelReason(f),
    status: f.status,
    approvedAt: iso(f.approvedAt),
    reviewDueOn: f.reviewDueOn,
    assistanceFen: f.assistanceFen,
  };
}
