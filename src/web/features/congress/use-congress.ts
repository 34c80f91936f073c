import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api';
import type { AttendanceRoster, HallScreen, RepresentativeList, SessionDetail, TermDetail, TermList, VoteDetail, VoteView } from './congress-types';

/** While a session is under way its figures and votes move by the minute: the phone page follows them this often. */
const LIVE_SESSION_MS = 5_000;

/** The union's terms, newest first, with my standing in each. */
export function useTerms() {
  return useQuery({ queryKey: ['congress', 'terms'], queryFn: () => api.get<TermList>('/congress/terms') });
}

/** One term: policy, constituencies, composition, sessions, my standing. */
export function useTerm(id: string | undefined) {
  return useQuery({ queryKey: ['congress', 'term', id], queryFn: () => api.get<TermDetail>(`/congress/terms/${id}`), enabled: !!id });
}

/** Every mandate of a term (active and ended), the composition and the history of changes. */
export function useRepresentatives(termId: string) {
  return useQuery({ queryKey: ['congress', 'representatives', termId], queryFn: () => api.get<RepresentativeList>(`/congress/terms/${termId}/representatives`) });
}

/** One session; refetched every few seconds while it is under way (attendance, votes opening and closing). */
export function useSession(id: string) {
  return useQuery({
    queryKey: ['congress', 'session', id],
    queryFn: () => api.get<SessionDetail>(`/congress/sessions/${id}`),
    enabled: !!id,
    refetchInterval: (q) => (q.state.data?.status === 'open' ? LIVE_SESSION_MS : false),
  });
}

/** The attendance roster of a session (managers); followed while the session is under way, as people scan in. */
export function useAttendance(sessionId: string, isLive: boolean) {
  return useQuery({
    queryKey: ['congress', 'attendance', sessionId],
    queryFn: () => api.get<AttendanceRoster>(`/congress/sessions/${sessionId}/attendance`),
    refetchInterval: isLive ? LIVE_SESSION_MS : false,
  });
}

/** One vote with, for a closed named vote, who voted what (managers). */
export function useVote(id: string, isEnabled: boolean) {
  return useQuery({ queryKey: ['congress', 'vote', id], queryFn: () => api.get<VoteDetail>(`/congress/votes/${id}`), enabled: isEnabled });
}

/** The hall screen's figures, polled every few seconds (the check-in code inside it changes every 30 s). */
export function useHallScreen(sessionId: string, pollMs: number) {
  return useQuery({
    queryKey: ['congress', 'screen', sessionId],
    queryFn: () => api.get<HallScreen>(`/congress/sessions/${sessionId}/screen`),
    refetchInterval: pollMs,
    refetchIntervalInBackground: true,
    retry: false,
  });
}

/** After any change: every congress answer (terms, sessions, rosters, votes) and the bell. */
export function useRefreshCongress() {
  const client = useQueryClient();
  return () => Promise.all([client.invalidateQueries({ queryKey: ['congress'] }), client.invalidateQueries({ queryKey: ['notifications'] })]);
}

/** 签到: sends the code read from the hall's QR code. */
export function useCongressCheckIn(sessionId: string) {
  const refresh = useRefreshCongress();
  return useMutation({
    mutationFn: (code: string) => api.send<{ message: string; at: string }>('POST', `/congress/sessions/${sessionId}/checkin`, { code }),
    onSuccess: () => refresh(),
  });
}

/** 投票: my online ballot in an open vote (once; the server answers 409 to a second one). */
export function useCastBallot(voteId: string) {
  const refresh = useRefreshCongress();
  return useMutation({
    mutationFn: (choice: 'yes' | 'no' | 'abstain') => api.send<VoteView>('POST', `/congress/votes/${voteId}/ballots`, { choice }),
    onSettled: () => refresh(),
  });
}
