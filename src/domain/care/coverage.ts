/**
 * The figures the plan's goals and the reports read (DOMAIN.md §4 "Care"): a campaign's coverage (覆盖率) and the
 * share of 五必访 events visited by their deadline (按期率).
 */

/** Coverage = received ÷ intended; null when nobody was intended (no rate rather than 0 % or 100 %). */
export function coverage(intended: number, received: number): { intended: number; received: number; rate: number | null } {
  return { intended, received, rate: intended === 0 ? null : received / intended };
}

/**
 * 按期率 on a day: among events with a deadline that has passed (dueOn before today) or been met (first visit on or
 * before dueOn), the share first visited on or before the deadline. Events without a deadline, and open ones whose
 * deadline is today or later, are not counted yet; a late visit counts as late. Closed events (e.g. 登记有误) are
 * the caller's to leave out. Null when no event counts.
 */
export function onTimeRate(events: readonly { dueOn: string | null; firstVisitOn: string | null }[], today: string): { due: number; onTime: number; rate: number | null } {
  let due = 0;
  let onTime = 0;
  for (const e of events) {
    if (e.dueOn === null) continue;
    const isMet = e.firstVisitOn !== null && e.firstVisitOn <= e.dueOn;
    if (isMet) {
      due++;
      onTime++;
    } else if (e.dueOn < today || e.firstVisitOn !== null) {
      due++;
    }
  }
  return { due, onTime, rate: due === 0 ? null : onTime / due };
}
