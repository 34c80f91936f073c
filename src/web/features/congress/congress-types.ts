import type { z } from 'zod';
import type {
  attendanceFiguresSchema,
  attendanceRosterSchema,
  compositionSchema,
  congressCheckinCodeSchema,
  hallScreenSchema,
  representativeChangeSchema,
  representativeListSchema,
  sessionSummarySchema,
  termDetailSchema,
  termListSchema,
  voteDetailSchema,
} from '../../../contracts/congress';

export type { Representative, SessionDetail, VoteView } from '../../../contracts/congress';

/** GET /congress/terms: the terms, newest first, each with my standing. */
export type TermList = z.infer<typeof termListSchema>;
/** One term of the list. */
export type TermListItem = TermList['items'][number];
/** GET /congress/terms/:id. */
export type TermDetail = z.infer<typeof termDetailSchema>;
/** A session's list line. */
export type SessionSummary = z.infer<typeof sessionSummarySchema>;
/** 应到 / 实到 / 缺席 / 未签到 and the quorum. */
export type AttendanceFigures = z.infer<typeof attendanceFiguresSchema>;
/** The composition of the representatives against the policy. */
export type Composition = z.infer<typeof compositionSchema>;
/** One line of the history of changes (补选、罢免、离任). */
export type RepresentativeChange = z.infer<typeof representativeChangeSchema>;
/** GET /congress/terms/:id/representatives. */
export type RepresentativeList = z.infer<typeof representativeListSchema>;
/** GET /congress/sessions/:id/attendance. */
export type AttendanceRoster = z.infer<typeof attendanceRosterSchema>;
/** One person of the attendance roster. */
export type AttendanceRow = AttendanceRoster['items'][number];
/** GET /congress/votes/:id (with the named ballots of a closed named vote, for managers). */
export type VoteDetail = z.infer<typeof voteDetailSchema>;
/** GET /congress/sessions/:id/checkin-code. */
export type CongressCheckinCode = z.infer<typeof congressCheckinCodeSchema>;
/** GET /congress/sessions/:id/screen. */
export type HallScreen = z.infer<typeof hallScreenSchema>;
/** One vote as the hall screen shows it. */
export type ScreenVote = HallScreen['votes'][number];
