import type { BenefitForm, CapViolation, CareEventDetail, CareEventSummary, CareEventType, CareFundCategory, CareVisit, VisitMethod } from '../../../contracts/care.js';
import { dueStateOf } from '../../../domain/care/index.js';
import type { CareEventFull, CareTypeRow, CareVisitFull } from './care.repository.js';
import { ruleOf } from './care.repository.js';

type FileView = { id: string; name: string; mime: string; size: number };

/** An event type with its rule as the API shows it. */
export function careTypeView(t: CareTypeRow): CareEventType {
  return { id: t.id, name: t.name, kind: t.kind, position: t.position, archived: t.archivedAt !== null, ...ruleOf(t) };
}

/** An event as the lists show it, with where it stands against its deadline today. */
export function eventSummaryView(e: CareEventFull, today: string): CareEventSummary {
  const { state, daysLeft } = dueStateOf({ status: e.status, dueOn: e.dueOn }, today);
  return {
    id: e.id,
    member: { id: e.memberId, name: e.memberName, groupName: e.groupName },
    type: { id: e.typeId, name: e.typeName, kind: e.typeKind },
    occurredOn: e.occurredOn,
    dueOn: e.dueOn,
    state,
    daysLeft,
    visitCount: e.visitCount,
    amountFen: e.givenFen,
    reportedBy: e.reporterName ?? '',
  };
}

/** A visit with its files; the override (who approved going past which rules, and why) when there was one. */
export function visitView(v: CareVisitFull, files: FileView[]): CareVisit {
  return {
    id: v.id,
    eventId: v.eventId,
    visitedOn: v.visitedOn,
    method: v.method as VisitMethod,
    visitors: (v.visitors as { userId: string | null; name: string }[]).map((x) => ({ userId: x.userId ?? null, name: x.name })),
    goods: v.goods,
    amountFen: v.amountFen,
    form: v.form as BenefitForm | null,
    notes: v.notes,
    fundCategory: v.fundCategory as CareFundCategory,
    payee: v.payee,
    override: v.overrideReason === null ? null : { reason: v.overrideReason, by: v.overrideByName ?? '', violations: (v.overrideViolations ?? []) as CapViolation[] },
    recordedBy: v.recorderName ?? '',
    recordedAt: new Date(v.recordedAt).toISOString(),
    files,
  };
}

/** The parts of an event's page beyond its row, its visits and files. */
export interface EventPageExtras {
  rule: CareEventDetail['rule'];
  suggestedVisitors: CareEventDetail['suggestedVisitors'];
  yearToDate: CareEventDetail['yearToDate'];
  can: CareEventDetail['can'];
}

/** An event's page. */
export function eventDetailView(e: CareEventFull, today: string, visits: CareVisit[], files: FileView[], extras: EventPageExtras): CareEventDetail {
  return { ...eventSummaryView(e, today), details: e.details, closedReason: e.closedReason, visits, files, ...extras };
}
