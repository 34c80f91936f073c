import type { z } from 'zod';
import type { rollSchema } from '../../../contracts/elections';

export type { Candidate, ElectionDetail, ElectionSummary, PaperBoard, Round, RoundOutcome, Tracker, BallotMark } from '../../../contracts/elections';

/** GET /elections/:id/roll: the people fixed on the roll when the election started, with their presence. */
export type Roll = z.infer<typeof rollSchema>;
/** One person of the roll. */
export type RollPerson = Roll['people'][number];
/** POST /elections/rounds/:id/ballots: the receipt, shown once. */
export interface CastReceipt {
  receipt: string;
  message: string;
}
