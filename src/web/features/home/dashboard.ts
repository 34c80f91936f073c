import { useQuery } from '@tanstack/react-query';
import type { CalendarItemView } from '../../../contracts/plans';
import { api } from '../../lib/api';

/** GET /dashboard: the current organisation's figures, all counted by the server. */
export interface Dashboard {
  orgName: string | null;
  counts: { label: string; value: number }[];
  groups: { id: string; name: string; members: number }[];
  childUnions: { id: string; name: string; members: number; groups: number }[];
  recent: { at: string; actorName: string; action: string; entityLabel: string | null }[];
  /** This month's calendar items; absent from a server without the calendar. */
  thisMonth?: CalendarItemView[];
  /** Hardship files due for their yearly review; a number only for the chair and the 生活福利 member. */
  hardshipReviewsDue?: number | null;
}

/** The home page's figures for the organisation the user works in now. */
export function useDashboard(isEnabled: boolean) {
  return useQuery({ queryKey: ['dashboard'], queryFn: () => api.get<Dashboard>('/dashboard'), enabled: isEnabled });
}
