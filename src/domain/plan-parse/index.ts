/**
 * The plan-document parser: a union work plan (工作计划) as plain text → title, date line, sections, month
 * schedule and goals. Pure; the server and the CLI get the text from .txt/.docx files (server/modules/plans).
 */
import type { ParsedPlan } from './parse.js';

export { parsePlan, type ParsedPlan } from './parse.js';
export { statedPeriod, type StatedPeriod } from './stated-period.js';

/** The CLI/JSON shape: {"sections": [headings], "months": {"3": [...], ...}, "goals": [{text, metric, comparator, target}]}. */
export function planParseJson(p: ParsedPlan): { sections: string[]; months: Record<string, string[]>; goals: ParsedPlan['goals'] } {
  const months: Record<string, string[]> = {};
  for (const item of p.items) for (const m of item.months) (months[String(m)] ??= []).push(item.text);
  return { sections: p.sections.map((s) => s.heading), months, goals: p.goals };
}
