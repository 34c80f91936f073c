import fs from 'node:fs';
import path from 'node:path';
import { GOAL_METRICS, formatTarget } from '../domain/goal-metrics.js';
import { parsePlan, planParseJson, type ParsedPlan } from '../domain/plan-parse/index.js';
import { planTextFromFile } from '../server/modules/plans/plan-text.js';

/** `plan:parse FILE [--json]`: shows what the plan parser reads from a .txt/.docx plan; returns the exit code. */
export async function planParseCommand(args: string[], print: (line: string) => void): Promise<number> {
  const file = args.find((a) => !a.startsWith('--'));
  if (!file) throw new Error('用法：plan:parse FILE [--json]');
  if (!fs.existsSync(file)) throw new Error(`找不到文件：${file}`);
  const parsed = parsePlan(await planTextFromFile(path.basename(file), fs.readFileSync(file)));
  if (args.includes('--json')) print(JSON.stringify(planParseJson(parsed)));
  else planSummary(parsed).forEach((line) => print(line));
  return 0;
}

/** A parsed plan as a reader would check it: title, date, sections, the schedule by month, the goals. */
export function planSummary(p: ParsedPlan): string[] {
  const lines = [`标题：${p.title ?? '（未识别）'}`, `落款日期：${p.planDate ?? '（未识别）'}`];
  lines.push(`章节（${p.sections.length} 个）：${p.sections.map((s) => s.heading).join('、') || '无'}`);
  const months = Object.entries(planParseJson(p).months);
  const dated = p.items.filter((i) => i.months.length > 0);
  lines.push(`行事历（${dated.length} 项）：${months.length ? '' : '无'}`);
  for (const [month, items] of months) lines.push(`  ${month}月：${items.join('；')}`);
  const undated = p.items.filter((i) => i.months.length === 0);
  if (undated.length) lines.push(`未写明月份的安排（${undated.length} 项）：${undated.map((i) => i.text).join('；')}`);
  lines.push(`目标（${p.goals.length} 个）：${p.goals.length ? '' : '无'}`);
  for (const g of p.goals) {
    const metric = g.metric ? GOAL_METRICS[g.metric] : null;
    lines.push(metric ? `  ${g.text} → ${metric.label} ${formatTarget(g.comparator, g.target, metric.unit)}` : `  ${g.text}`);
  }
  return lines;
}
