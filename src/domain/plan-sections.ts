/**
 * Which section of a plan is about its schedule (工作安排 / 活动安排 / 行事历): the plan page and the Word export
 * show the schedule's month table there, so a plan reads like the printed ones without keeping the schedule twice.
 */
const SCHEDULE_SECTION = /工作安排|活动安排|行事历/;

/** Index of the first section whose heading names the schedule, or -1 when none does. */
export function scheduleSectionIndex(headings: readonly string[]): number {
  return headings.findIndex((h) => SCHEDULE_SECTION.test(h));
}
