import type { MemberView } from '../../../server/modules/members/members.presenter';
import type { MemberListQuery } from '../../../contracts/members';

export type { MemberView };

/** One line of a member's 变动记录, as GET /members/:id returns it. */
export interface MemberHistoryEntry {
  id: string;
  kind: string;
  onDate: string;
  fromValue: string | null;
  toValue: string | null;
  note: string | null;
  actorName: string | null;
}

/** GET /members/:id: the member plus their history, oldest first. */
export type MemberDetail = MemberView & { history: MemberHistoryEntry[] };

/** GET /members: one page of the roster and what the actor may do with it. */
export interface MemberPage {
  items: MemberView[];
  total: number;
  page: number;
  pageSize: number;
  canCreate: boolean;
  canImport: boolean;
}

/** The roster's filters, search and sort as they live in the URL (every value a string or absent). */
export type RosterFilters = Partial<Record<Exclude<keyof MemberListQuery, 'page' | 'pageSize'>, string>>;
