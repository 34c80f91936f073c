import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CareVisitInput } from '../../../contracts/care';
import { api, sendForm } from '../../lib/api';
import type { BirthdayList, CareEventDetail, CareEventList, CareEventType, CareListQuery, CareMy, CareSummary, HardshipMy } from './care-types';

/** The union's event types in their order (archived ones too: old events name them). */
export function useCareEventTypes() {
  return useQuery({
    queryKey: ['care', 'event-types'],
    queryFn: () => api.get<{ items: CareEventType[] }>('/care/event-types').then((r) => r.items),
    staleTime: 5 * 60_000,
  });
}

/** A page of events for the 待慰问 list; the last page stays on screen while the next loads. */
export function useCareEvents(q: CareListQuery) {
  return useQuery({
    queryKey: ['care', 'events', 'list', q],
    queryFn: () => api.get<CareEventList>('/care/events', { ...q }),
    placeholderData: keepPreviousData,
  });
}

/** Due and overdue counts, overall and per union group (the home card and the list's group line). */
export function useCareSummary(isEnabled = true) {
  return useQuery({ queryKey: ['care', 'summary'], queryFn: () => api.get<CareSummary>('/care/summary'), enabled: isEnabled });
}

/** One event with its visits, the suggested visitors, the type's rule and what the actor may do. */
export function useCareEvent(id: string) {
  return useQuery({ queryKey: ['care', 'events', 'detail', id], queryFn: () => api.get<CareEventDetail>(`/care/events/${id}`), enabled: !!id });
}

/** The signed-in member's own festival receipts and care events. */
export function useCareMy(isEnabled = true) {
  return useQuery({ queryKey: ['care', 'my'], queryFn: () => api.get<CareMy>('/care/my'), enabled: isEnabled });
}

/**
 * The signed-in member's own hardship file(s) (困难职工档案), newest year first, without the keepers' notes. Under
 * ['hardship'] so that the keepers' changes refresh it too.
 */
export function useMyHardship(isEnabled = true) {
  return useQuery({ queryKey: ['hardship', 'my'], queryFn: () => api.get<HardshipMy>('/hardship/my'), enabled: isEnabled });
}

/** Birthdays of this week or this month. */
export function useBirthdays(range: 'week' | 'month') {
  return useQuery({
    queryKey: ['care', 'birthdays', range],
    queryFn: () => api.get<BirthdayList>('/care/birthdays', { range }),
    placeholderData: keepPreviousData,
  });
}

/** After any care change: lists, the event, the summary, my page, the home dashboard and the bell. */
export function useRefreshCare() {
  const client = useQueryClient();
  return () =>
    Promise.all([
      client.invalidateQueries({ queryKey: ['care'] }),
      client.invalidateQueries({ queryKey: ['dashboard'] }),
      client.invalidateQueries({ queryKey: ['notifications'] }),
    ]);
}

/** Uploads files one by one to an event (evidence) or a visit (photos), reporting which one is on its way. */
export async function uploadCareFiles(path: string, files: File[], onFile?: (index: number, file: File) => void): Promise<void> {
  for (const [i, file] of files.entries()) {
    onFile?.(i, file);
    const form = new FormData();
    form.append('file', file);
    await sendForm(path, form);
  }
}

/** 登记: a new event, then its evidence files. */
export function useRegisterEvent() {
  const refresh = useRefreshCare();
  return useMutation({
    mutationFn: async ({ body, files }: { body: { memberId: string; typeId: string; occurredOn: string; details: string }; files: File[] }) => {
      const event = await api.send<CareEventDetail>('POST', '/care/events', body);
      let fileError: unknown = null;
      // The event stands even if a file fails; the page says so and the file can be added on the event's page.
      await uploadCareFiles(`/care/events/${event.id}/files`, files).catch((e: unknown) => (fileError = e));
      return { event, fileError };
    },
    onSuccess: () => refresh(),
  });
}

/** 记录慰问: a visit (with the chair's override when given), then its photos on the new visit. */
export function useRecordVisit(eventId: string) {
  const refresh = useRefreshCare();
  return useMutation({
    mutationFn: async ({ body, photos, knownVisitIds }: { body: CareVisitInput; photos: File[]; knownVisitIds: string[] }) => {
      // The answer is the event with all its visits; the new one is the visit the page did not have before.
      const event = await api.send<CareEventDetail>('POST', `/care/events/${eventId}/visits`, body);
      const visit = event.visits.find((v) => !knownVisitIds.includes(v.id)) ?? null;
      let fileError: unknown = null;
      if (visit) await uploadCareFiles(`/care/visits/${visit.id}/files`, photos).catch((e: unknown) => (fileError = e));
      return { event, visit, fileError };
    },
    onSettled: () => refresh(),
  });
}

/** 关闭事由 with a reason (已由学校慰问, 登记有误 …). */
export function useCloseEvent(eventId: string) {
  const refresh = useRefreshCare();
  return useMutation({
    mutationFn: (reason: string) => api.send<CareEventDetail>('POST', `/care/events/${eventId}/close`, { reason }),
    onSuccess: () => refresh(),
  });
}

/** 签收: the member confirms they received a festival gift. */
export function useConfirmReceipt() {
  const refresh = useRefreshCare();
  return useMutation({
    mutationFn: (campaignId: string) => api.send<unknown>('POST', `/care/campaigns/${campaignId}/confirm`),
    onSettled: () => refresh(),
  });
}

/** What POST /care/birthdays/benefits takes (the chair's override reason when going past the birthday rule). */
export interface BirthdayBenefitBody {
  memberId: string;
  year: number;
  item: string;
  amountFen: number;
  form: string;
  givenOn: string;
  override?: { reason: string };
}

/** 生日慰问: records the year's birthday benefit for a member. */
export function useGiveBirthdayBenefit() {
  const refresh = useRefreshCare();
  return useMutation({
    mutationFn: (body: BirthdayBenefitBody) => api.send<unknown>('POST', '/care/birthdays/benefits', body),
    onSuccess: () => refresh(),
  });
}
