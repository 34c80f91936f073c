import type { z } from 'zod';
import type { CARE_LIST_STATUSES, careEventListSchema, careSummarySchema } from '../../../contracts/care';

export type {
  BirthdayList,
  CapViolation,
  CareEventDetail,
  CareEventSummary,
  CareEventType,
  CareMy,
  CareRule,
  CareVisit,
  HardshipMy,
} from '../../../contracts/care';

/** GET /care/events: a page of events with their due state. */
export type CareEventList = z.infer<typeof careEventListSchema>;

/** GET /care/summary: what is due and overdue, per union group. */
export type CareSummary = z.infer<typeof careSummarySchema>;

/** An evidence file of an event or a photo of a visit. */
export interface CareFile {
  id: string;
  name: string;
  mime: string;
  size: number;
}

/** What the server takes: an event's evidence (a picture or a PDF), a visit's photo (a picture). */
export const EVIDENCE_ACCEPT = 'image/jpeg,image/png,image/webp,application/pdf,.pdf';
export const PHOTO_ACCEPT = 'image/jpeg,image/png,image/webp';

/** Which events the 待慰问 list shows (the `status` filter of GET /care/events; open = due and overdue). */
export type CareListStatus = (typeof CARE_LIST_STATUSES)[number];

/** The filters of the 待慰问 list, as kept in the address. */
export interface CareListQuery {
  status: CareListStatus;
  groupId?: string;
  typeId?: string;
  page: number;
}
