import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api';
import type { AssistanceList, CampaignDetail, CampaignList, CarePolicy, CareReport, HardshipFileDetail, HardshipList, HealthCheckList, RetireeList } from './care-admin-types';

/** The union's standards table: event types with their rules, festival and birthday rules, 低保线. */
export function useCarePolicy() {
  return useQuery({ queryKey: ['care', 'policy'], queryFn: () => api.get<CarePolicy>('/care/policy') });
}

/** The festival campaigns of a year with their coverage. */
export function useCampaigns(year: number) {
  return useQuery({
    queryKey: ['care', 'campaigns', 'list', year],
    queryFn: () => api.get<CampaignList>('/care/campaigns', { year }),
    placeholderData: keepPreviousData,
  });
}

/** One campaign; refetched every 15 s while it is distributing so that coverage follows members' confirmations. */
export function useCampaign(id: string) {
  return useQuery({
    queryKey: ['care', 'campaigns', 'detail', id],
    queryFn: () => api.get<CampaignDetail>(`/care/campaigns/${id}`),
    refetchInterval: (q) => (q.state.data?.status === 'distributing' ? 15_000 : false),
  });
}

/** Retired members with their visits and festival receipts. */
export function useRetirees() {
  return useQuery({ queryKey: ['care', 'retirees'], queryFn: () => api.get<RetireeList>('/care/retirees') });
}

/** Women members and their 两癌筛查 of a year (the chair and the 女工 member only). */
export function useHealthChecks(year: number) {
  return useQuery({
    queryKey: ['care', 'health', year],
    queryFn: () => api.get<HealthCheckList>('/care/health-checks', { year }),
    placeholderData: keepPreviousData,
  });
}

/** The care report of a period: 人次 and amounts by type, month and group, overdue visits, campaigns, overrides. */
export function useCareReport(period: { from: string; to: string }) {
  return useQuery({
    queryKey: ['care', 'reports', period],
    queryFn: () => api.get<CareReport>('/care/reports', period),
    placeholderData: keepPreviousData,
  });
}

/** What the hardship list asks for. */
export interface HardshipListQuery {
  year?: number;
  status?: string;
  level?: string;
  reviewDue?: 'true';
}

/** The union's hardship files (keepers only) and how many are due for re-assessment. */
export function useHardshipFiles(q: HardshipListQuery) {
  return useQuery({
    queryKey: ['hardship', 'files', 'list', q],
    queryFn: () => api.get<HardshipList>('/hardship/files', { ...q }),
    placeholderData: keepPreviousData,
  });
}

/** One hardship file with how its level was reached, its household, evidence and assistance. */
export function useHardshipFile(id: string) {
  return useQuery({ queryKey: ['hardship', 'files', 'detail', id], queryFn: () => api.get<HardshipFileDetail>(`/hardship/files/${id}`) });
}

/** A year's assistance records (帮扶) with totals, optionally of one member. */
export function useAssistance(year: number, memberId?: string) {
  return useQuery({
    queryKey: ['hardship', 'assistance', year, memberId ?? null],
    queryFn: () => api.get<AssistanceList>('/hardship/assistance', { year, memberId }),
    placeholderData: keepPreviousData,
  });
}

/** After a change to care data: every care and hardship query, and the home page's counts. */
export function useRefreshCare() {
  const client = useQueryClient();
  return () =>
    Promise.all([
      client.invalidateQueries({ queryKey: ['care'] }),
      client.invalidateQueries({ queryKey: ['hardship'] }),
      client.invalidateQueries({ queryKey: ['dashboard'] }),
    ]);
}
