import type { z } from 'zod';
import type {
  assignedListSchema,
  cosignerCandidatesSchema,
  overdueListSchema,
  proposalHandlersSchema,
  proposalListSchema,
  proposalNoteViewSchema,
  PROPOSAL_LIST_STATUSES,
} from '../../../contracts/proposals';
import { ATTACHMENT_EXTENSIONS } from '../../../contracts/activities';

export type {
  ProposalCategory,
  ProposalDetail,
  ProposalFigures,
  ProposalFiguresView,
  ProposalFile,
  ProposalKind,
  ProposalMy,
  ProposalSession,
  ProposalStatus,
  ProposalSummary,
  Rating,
  ResultCode,
} from '../../../contracts/proposals';

/** GET /proposals: a page of proposals the actor may see. */
export type ProposalList = z.infer<typeof proposalListSchema>;
/** GET /proposals/assigned: a department's proposals with its role in each. */
export type AssignedList = z.infer<typeof assignedListSchema>;
/** GET /proposals/overdue: the proposals past their reply deadline. */
export type OverdueList = z.infer<typeof overdueListSchema>;
/** One representative who may be asked to co-sign. */
export type CosignerCandidate = z.infer<typeof cosignerCandidatesSchema>['items'][number];
/** One department (handler account) a proposal can be assigned to. */
export type ProposalHandler = z.infer<typeof proposalHandlersSchema>['items'][number];
/** One 督办 note. */
export type ProposalNote = z.infer<typeof proposalNoteViewSchema>;
/** The `status` filter of the committee's list. */
export type ProposalListStatus = (typeof PROPOSAL_LIST_STATUSES)[number];

/** The filters of the committee's list, as kept in the address. */
export interface ProposalListQuery {
  sessionId?: string;
  status: ProposalListStatus;
  kind?: 'proposal' | 'opinion';
  category?: string;
  q?: string;
  page: number;
}

/** What the server takes as an attachment (PDF, Office documents, pictures). */
export const ATTACHMENT_ACCEPT = ATTACHMENT_EXTENSIONS.join(',');
