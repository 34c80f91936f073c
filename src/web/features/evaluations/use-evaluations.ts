import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { BallotInput, EvaluationDetail, EvaluationResults, EvaluationSummary } from '../../../contracts/evaluations';
import { api } from '../../lib/api';

/** While voting is open the organisers watch the participation climb: their page follows it this often. */
const LIVE_MS = 10_000;
/** A page left open on 未开始 notices the opening within this long. */
const WAITING_MS = 30_000;

/** The evaluations I may see: all of them for managers, the ones whose roll I am on for the others. */
export function useEvaluations() {
  return useQuery({ queryKey: ['evaluations', 'list'], queryFn: () => api.get<EvaluationSummary[]>('/evaluations') });
}

/**
 * One evaluation with my place on it. `isLive` (the organisers' page) follows the count of ballots every 10 s while
 * voting is open, for managers only; any page waiting for the opening checks every 30 s.
 */
export function useEvaluation(id: string, isLive = false) {
  return useQuery({
    queryKey: ['evaluations', 'detail', id],
    queryFn: () => api.get<EvaluationDetail>(`/evaluations/${id}`),
    enabled: !!id,
    refetchInterval: (q) => {
      const phase = q.state.data?.phase;
      // Voters never poll while open: hundreds of phones asking every 10 s would only load the server.
      if (phase === 'open' && isLive && q.state.data?.can.manage) return LIVE_MS;
      return phase === 'scheduled' ? WAITING_MS : false;
    },
  });
}

/** The figures of a closed evaluation (managers). */
export function useEvaluationResults(id: string, isEnabled: boolean) {
  return useQuery({ queryKey: ['evaluations', 'results', id], queryFn: () => api.get<EvaluationResults>(`/evaluations/${id}/results`), enabled: !!id && isEnabled });
}

/** After any change: every evaluation answer and the bell (publishing notifies the voters). */
export function useRefreshEvaluations() {
  const client = useQueryClient();
  return () => Promise.all([client.invalidateQueries({ queryKey: ['evaluations'] }), client.invalidateQueries({ queryKey: ['notifications'] })]);
}

/** 发布 / 提前结束 / 删除 a draft. */
export function useEvaluationAction(id: string) {
  const refresh = useRefreshEvaluations();
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (action: 'publish' | 'close' | 'delete'): Promise<void> => {
      if (action === 'delete') await api.send<void>('DELETE', `/evaluations/${id}`);
      else await api.send<EvaluationDetail>('POST', `/evaluations/${id}/${action}`);
    },
    onSuccess: (_done, action) => {
      // A deleted draft's page is left at once: asking for it again would only answer 404.
      if (action === 'delete') client.removeQueries({ queryKey: ['evaluations', 'detail', id] });
      return refresh();
    },
  });
}

/** 提交: my ballot, once (a second one answers 409). */
export function useCastEvaluationBallot(id: string) {
  const refresh = useRefreshEvaluations();
  return useMutation({
    mutationFn: (ballot: BallotInput) => api.send<{ message: string }>('POST', `/evaluations/${id}/ballots`, ballot),
    // Not awaited: the done state shows at once, the list and the detail catch up behind it.
    onSettled: () => void refresh(),
  });
}
