import type { RosterRow } from './activity-admin-types';

/** The roster's views: everyone, by registration status, and by attendance. */
export const ROSTER_FILTERS = ['all', 'confirmed', 'waitlisted', 'pending', 'attended', 'absent'] as const;
/** One of the roster's views. */
export type RosterFilter = (typeof ROSTER_FILTERS)[number];

/** The views' names on the filter buttons. */
export const ROSTER_FILTER_LABELS: Record<RosterFilter, string> = {
  all: '全部',
  confirmed: '已报名',
  waitlisted: '候补',
  pending: '待审核',
  attended: '已签到',
  absent: '缺席',
};

/**
 * Whether a row belongs to a view. `isPresent` is the attendance as ticked on screen; someone is absent when
 * they were expected — signed up, or invited to an activity without sign-up — and are not present.
 */
export function isInView(row: RosterRow, view: RosterFilter, isPresent: boolean, hasSignup: boolean): boolean {
  switch (view) {
    case 'all':
      return true;
    case 'confirmed':
    case 'waitlisted':
    case 'pending':
      return row.status === view;
    case 'attended':
      return isPresent;
    case 'absent':
      return !isPresent && (hasSignup ? row.status === 'confirmed' : row.isInvited);
  }
}

/** The member ids ticked on the roster or entered from paper (scans are not the organiser's to change). */
export function tickedIds(rows: readonly RosterRow[]): Set<string> {
  return new Set(rows.filter((r) => r.attendedAt !== null && r.attendanceSource !== 'scan').map((r) => r.memberId));
}
