import type { Database } from '../db/client.js';
import { closeDueOf } from '../modules/evaluations/evaluation-close.service.js';

/**
 * Closes every published evaluation whose window has ended, so that its figures are counted even if nobody opens
 * it. Each close takes the evaluation's exclusive advisory lock and closes only a still-published evaluation, so two
 * processes running this at the same minute (or a reader closing it lazily) close it once. Returns how many this
 * run closed.
 */
export async function closeDueEvaluations(database: Database, now: Date = new Date()): Promise<{ closed: number }> {
  return { closed: await closeDueOf(database, undefined, now) };
}
