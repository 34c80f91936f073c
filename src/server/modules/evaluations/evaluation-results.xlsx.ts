import type { EvaluationResults, GradeTally } from '../../../contracts/evaluations.js';
import { addLedgerSheet, newWorkbook, type LedgerColumn } from '../../exports/ledger-sheet.js';
import { clean, evaluationDocName } from './evaluation-report.docx.js';

const FIGURE_COLUMNS: LedgerColumn[] = [
  { header: '统计范围', width: 12 },
  { header: '测评对象', width: 12 },
  { header: '职务', width: 20 },
  { header: '测评项目', width: 18 },
  { header: '等次', width: 10 },
  { header: '票数', width: 8 },
  { header: '占比', width: 10, numFmt: '0.0%' },
];
const COMMENT_COLUMNS: LedgerColumn[] = [
  { header: '测评对象', width: 12 },
  { header: '职务', width: 20 },
  { header: '意见建议', width: 80 },
];

/**
 * The results as a workbook: 测评结果 — one row per scope (全体, then each group `results.groups` shows), target,
 * item (each dimension, then 总体评价) and grade, with its count and share — and 意见建议, the comments in their
 * stored random order (no such sheet when comments were not collected). The title row carries the participation; figures are withheld as in the report.
 */
export async function evaluationResultsXlsx(r: EvaluationResults): Promise<Buffer> {
  const wb = newWorkbook();
  const ws = addLedgerSheet(wb, '测评结果', clean(`${evaluationDocName(r.title, '结果')}（${r.participationText}）`), FIGURE_COLUMNS, { titleHeight: 28 });
  const rowsOf = (scope: string, t: { name: string; post: string; dimensions: GradeTally[]; overall: GradeTally }) => {
    const item = (label: string, grades: string[], tally: GradeTally) => grades.forEach((g, i) => ws.addRow([scope, clean(t.name), clean(t.post), label, g, tally.counts[i], tally.permille[i] / 1000]));
    r.dimensions.forEach((d, i) => item(d, r.grades, t.dimensions[i]));
    item('总体评价', r.overallGrades, t.overall);
  };
  if (r.targets === null) {
    const note = ws.addRow([`实际参评 ${r.cast} 人，少于 ${r.minGroupSize} 人，为保护参评人的匿名，不公布各项评价结果。`]);
    ws.mergeCells(note.number, 1, note.number, FIGURE_COLUMNS.length);
  } else {
    for (const t of r.targets) rowsOf('全体', t);
    for (const g of r.groups) for (const t of g.targets) rowsOf(`${g.label}（${g.cast} 人）`, t);
    if (r.hiddenGroupsNote) {
      const note = ws.addRow([`注：${r.hiddenGroupsNote}。`]);
      ws.mergeCells(note.number, 1, note.number, FIGURE_COLUMNS.length);
    }
  }
  if (!r.allowComments) return Buffer.from(await wb.xlsx.writeBuffer());
  const cs = addLedgerSheet(wb, '意见建议', clean(`${r.title} 意见建议`), COMMENT_COLUMNS, { titleHeight: 28 });
  for (const t of r.targets ?? []) {
    for (const c of t.comments) {
      const row = cs.addRow([clean(t.name), clean(t.post), clean(c)]);
      row.alignment = { vertical: 'top', wrapText: true };
    }
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
