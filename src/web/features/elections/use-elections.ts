import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api';
import type { ElectionDetail, ElectionSummary, PaperBoard, Roll, Tracker } from './elections-types';

/** While a round is open the figures move by the minute (people arrive, ballots come in, tellers enter paper). */
const LIVE_MS = 5_000;

/** True while the election has a round open for ballots. */
export const hasOpenRound = (e: ElectionDetail | undefined) => !!e?.rounds.some((r) => r.status === 'open');

/** The elections I may see: all for managers, those I am on the roll of for others. */
export function useElections() {
  return useQuery({ queryKey: ['elections', 'list'], queryFn: () => api.get<ElectionSummary[]>('/elections') });
}

/** One election with my standing; followed every few seconds while it is running. */
export function useElection(id: string) {
  return useQuery({
    queryKey: ['elections', 'detail', id],
    queryFn: () => api.get<ElectionDetail>(`/elections/${id}`),
    enabled: !!id,
    refetchInterval: (q) => (q.state.data?.status === 'running' ? LIVE_MS : false),
  });
}

/** The roll with presence (managers); followed while people are being ticked in or a session's attendance moves. */
export function useRoll(id: string, isLive: boolean) {
  return useQuery({ queryKey: ['elections', 'roll', id], queryFn: () => api.get<Roll>(`/elections/${id}/roll`), refetchInterval: isLive ? LIVE_MS : false });
}

/** The paper board of a round: two tellers enter at the same time, so it follows their entries while open. */
export function usePaperBoard(roundId: string, isLive: boolean) {
  return useQuery({
    queryKey: ['elections', 'paper', roundId],
    queryFn: () => api.get<PaperBoard>(`/elections/rounds/${roundId}/paper`),
    refetchInterval: isLive ? LIVE_MS : false,
  });
}

/** The published ballots of a counted round. */
export function useTracker(roundId: string) {
  return useQuery({ queryKey: ['elections', 'tracker', roundId], queryFn: () => api.get<Tracker>(`/elections/rounds/${roundId}/tracker`), enabled: !!roundId });
}

/** After any change: every elections answer. */
export function useRefreshElections() {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: ['elections'] });
}
