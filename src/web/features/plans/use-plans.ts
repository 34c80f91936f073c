import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { metricInfoSchema } from '../../../contracts/plans';
import { api } from '../../lib/api';
import type { PlanDetail, PlanList } from './plan-types';

/** The organisation's plans, newest period first, and whether the user may write plans. */
export function usePlanList(isEnabled = true) {
  return useQuery({ queryKey: ['plans', 'list'], queryFn: () => api.get<PlanList>('/plans'), enabled: isEnabled });
}

/** One plan with its sections, goals (live values) and schedule. */
export function usePlan(id: string) {
  return useQuery({ queryKey: ['plans', 'detail', id], queryFn: () => api.get<PlanDetail>(`/plans/${id}`) });
}

/** The metric catalogue with whether the server can measure each metric yet. */
export function usePlanMetrics() {
  return useQuery({
    queryKey: ['plans', 'metrics'],
    queryFn: () => api.get<{ items: z.infer<typeof metricInfoSchema>[] }>('/plans/metrics').then((r) => r.items),
    staleTime: 10 * 60_000,
  });
}
