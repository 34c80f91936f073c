import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ProposalAssign, ProposalCreate, ProposalPatch, ProposalReview } from '../../../contracts/proposals';
import { api, sendForm } from '../../lib/api';
import type {
  AssignedList,
  CosignerCandidate,
  OverdueList,
  ProposalDetail,
  ProposalFigures,
  ProposalFile,
  ProposalHandler,
  ProposalList,
  ProposalListQuery,
  ProposalMy,
  ProposalNote,
  Rating,
  ResultCode,
} from './proposal-types';

/** 我的提案: am I a representative, the sessions with their windows, my proposals, invitations, replies to rate. */
export function useProposalsMy(isEnabled = true) {
  return useQuery({ queryKey: ['proposals', 'my'], queryFn: () => api.get<ProposalMy>('/proposals/my'), enabled: isEnabled });
}

/** One proposal with what the actor may do with it. */
export function useProposal(id: string) {
  return useQuery({ queryKey: ['proposals', 'detail', id], queryFn: () => api.get<ProposalDetail>(`/proposals/${id}`), enabled: !!id });
}

/** The representatives of a session's term who may be asked to co-sign (the actor left out). */
export function useCosignerCandidates(sessionId: string | undefined) {
  return useQuery({
    queryKey: ['proposals', 'candidates', sessionId],
    queryFn: () => api.get<{ items: CosignerCandidate[] }>('/proposals/cosigner-candidates', { sessionId }).then((r) => r.items),
    enabled: !!sessionId,
    staleTime: 5 * 60_000,
  });
}

/** A page of the proposals the actor may see (the committee: everything submitted). */
export function useProposalList(q: ProposalListQuery, isEnabled = true) {
  return useQuery({
    queryKey: ['proposals', 'list', q],
    queryFn: () => api.get<ProposalList>('/proposals', { ...q, status: q.status === 'all' ? undefined : q.status }),
    placeholderData: keepPreviousData,
    enabled: isEnabled,
  });
}

/** The departments (handler accounts) proposals can be assigned to. */
export function useHandlers(isEnabled = true) {
  return useQuery({
    queryKey: ['proposals', 'handlers'],
    queryFn: () => api.get<{ items: ProposalHandler[] }>('/proposals/handlers').then((r) => r.items),
    enabled: isEnabled,
    staleTime: 5 * 60_000,
  });
}

/** A department's own proposals: open (to answer), replied, or all. */
export function useAssigned(status: 'open' | 'replied' | 'all') {
  return useQuery({
    queryKey: ['proposals', 'assigned', status],
    queryFn: () => api.get<AssignedList>('/proposals/assigned', { status }),
    placeholderData: keepPreviousData,
  });
}

/** 督办: assigned proposals past their reply deadline. */
export function useOverdue() {
  return useQuery({ queryKey: ['proposals', 'overdue'], queryFn: () => api.get<OverdueList>('/proposals/overdue') });
}

/** The four rates of a session (the latest by default) and per department, with the union's sessions. */
export function useProposalFigures(sessionId: string | undefined, isEnabled = true) {
  return useQuery({
    queryKey: ['proposals', 'figures', sessionId ?? null],
    queryFn: () => api.get<ProposalFigures>('/proposals/figures', { sessionId }),
    placeholderData: keepPreviousData,
    enabled: isEnabled,
  });
}

/**
 * After any proposal change: every proposal list and page, the home dashboard and the bell. Mutations do not wait
 * for it: a card or form that the change removes (an answered invitation, a sent reply) still gets its callbacks.
 */
export function useRefreshProposals() {
  const client = useQueryClient();
  return () =>
    Promise.all([
      client.invalidateQueries({ queryKey: ['proposals'] }),
      client.invalidateQueries({ queryKey: ['dashboard'] }),
      client.invalidateQueries({ queryKey: ['notifications'] }),
    ]);
}

/** Sends files one by one (field `file`), telling which one is on its way. */
export async function uploadProposalFiles(path: string, files: File[], onFile?: (index: number, file: File) => void): Promise<ProposalFile[]> {
  const stored: ProposalFile[] = [];
  for (const [i, file] of files.entries()) {
    onFile?.(i, file);
    const form = new FormData();
    form.append('file', file);
    stored.push(await sendForm<ProposalFile>(path, form));
  }
  return stored;
}

/** A POST to one of a proposal's actions, answering with the proposal's page; everything proposal-related refreshes. */
function useProposalAction<TBody>(id: string, action: string) {
  const refresh = useRefreshProposals();
  return useMutation({
    mutationFn: (body: TBody) => api.send<ProposalDetail>('POST', `/proposals/${id}/${action}`, body),
    onSuccess: () => void refresh(),
  });
}

/** 起草: a new draft (co-signers invited at once), then its attachments. */
export function useCreateProposal() {
  const refresh = useRefreshProposals();
  return useMutation({
    mutationFn: async ({ body, files }: { body: ProposalCreate; files: File[] }) => {
      const proposal = await api.send<ProposalDetail>('POST', '/proposals', body);
      let fileError: unknown = null;
      // The draft stands even if a file fails; the page says so and the file can be added on the draft's page.
      await uploadProposalFiles(`/proposals/${proposal.id}/files`, files).catch((e: unknown) => (fileError = e));
      return { proposal, fileError };
    },
    onSuccess: () => void refresh(),
  });
}

/** 修改草稿; a change of wording asks the co-signers again. */
export function useUpdateProposal(id: string) {
  const refresh = useRefreshProposals();
  return useMutation({
    mutationFn: (patch: ProposalPatch) => api.send<ProposalDetail>('PATCH', `/proposals/${id}`, patch),
    onSuccess: () => void refresh(),
  });
}

/** 确认附议 / 不同意, by the invited co-signer (the id is given per call: the invitations list has many). */
export function useCosign() {
  const refresh = useRefreshProposals();
  return useMutation({
    mutationFn: ({ id, decision }: { id: string; decision: 'confirm' | 'decline' }) => api.send<ProposalDetail>('POST', `/proposals/${id}/cosign`, { decision }),
    onSuccess: () => void refresh(),
  });
}

/** 提交 (as a proposal, or as an opinion with `asOpinion`). */
export const useSubmitProposal = (id: string) => useProposalAction<{ asOpinion: boolean }>(id, 'submit');
/** 撤回 before review. */
export const useWithdrawProposal = (id: string) => useProposalAction<{ reason: string }>(id, 'withdraw');
/** 立案 / 转为意见建议 / 不予立案. */
export const useReviewProposal = (id: string) => useProposalAction<ProposalReview>(id, 'review');
/** 并案: the chosen proposals folded into this one. */
export const useMergeProposals = (id: string) => useProposalAction<{ sourceIds: string[] }>(id, 'merge');
/** 交办. */
export const useAssignProposal = (id: string) => useProposalAction<ProposalAssign>(id, 'assign');
/** 评价 a reply. */
export const useRateProposal = (id: string) => useProposalAction<{ rating: Rating; comment: string }>(id, 'rate');

/** 答复 by the lead department, then the reply's attachments. */
export function useReplyProposal(id: string) {
  const refresh = useRefreshProposals();
  return useMutation({
    mutationFn: async ({ body, files, round }: { body: { resultCode: ResultCode; text: string }; files: File[]; round: number }) => {
      const proposal = await api.send<ProposalDetail>('POST', `/proposals/${id}/reply`, body);
      let fileError: unknown = null;
      await uploadProposalFiles(`/proposals/${id}/replies/${round}/files`, files).catch((e: unknown) => (fileError = e));
      return { proposal, fileError };
    },
    onSettled: () => void refresh(),
  });
}

/** 督办意见 on a proposal. */
export function useAddNote(id: string) {
  const refresh = useRefreshProposals();
  return useMutation({
    mutationFn: (text: string) => api.send<ProposalNote>('POST', `/proposals/${id}/notes`, { text }),
    onSuccess: () => void refresh(),
  });
}

/** Removes an attachment of a draft. */
export function useDeleteProposalFile(id: string) {
  const refresh = useRefreshProposals();
  return useMutation({
    mutationFn: (fileId: string) => api.send<void>('DELETE', `/proposals/${id}/files/${fileId}`),
    onSettled: () => void refresh(),
  });
}
