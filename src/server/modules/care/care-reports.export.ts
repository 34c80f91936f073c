import type ExcelJS from 'exceljs';
import { ASSISTANCE_KIND_LABELS, CAMPAIGN_STATUS_LABELS, type CareReport } from '../../../contracts/care.js';
import { addLedgerSheet, newWorkbook, type LedgerColumn } from '../../exports/ledger-sheet.js';
import type { Ctx } from '../../http/context.js';
import { writeAudit } from '../audit/audit.writer.js';
import type { ExportFile } from '../activities/activities.export.js';
import { orgNameOf } from '../calendar/calendar.repository.js';
import { careReport } from './care-reports.service.js';

/*
 * 慰问统计.xlsx: the care report as a workbook, one sheet per table (by type, month, group; 五必访 late; festival
 * coverage; overrides; 帮扶 for the hardship keepers only). Amounts in yuan with two decimals, rates as percentages.
 */

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** Characters XML 1.0 cannot carry, which Excel and WPS refuse to open. */
const XML_INVALID = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const clean = (text: string | null | undefined): string => (text ?? '').replace(XML_INVALID, '');
const fileNamePart = (text: string) => clean(text).replace(/[\\/:*?"<>|\r\n\t]/g, '_').slice(0, 60);
const yuanCell = (fen: number) => fen / 100;
const MONEY = '#,##0.00';
const PERCENT = '0.0%';
const SOURCE_LABELS = { visit: '五必访', festival: '节日慰问', birthday: '生日慰问' } as const;

/** A ledger sheet (no filter) whose rows take text free of characters XML cannot carry, and a bold 合计 row. */
function addSheet(wb: ExcelJS.Workbook, name: string, title: string, columns: readonly LedgerColumn[]) {
  const ws = addLedgerSheet(wb, name, clean(title), columns, { titleHeight: 26, hasFilter: false });
  const addRow = (values: unknown[]) => ws.addRow(values.map((v) => (typeof v === 'string' ? clean(v) : v)));
  const addTotal = (values: unknown[]) => {
    const row = addRow(values);
    row.font = { bold: true };
    row.eachCell((cell) => (cell.border = { top: { style: 'thin' } }));
    return row;
  };
  return { ws, addRow, addTotal };
}

const COUNT_COLUMNS: LedgerColumn[] = [
  { header: '人次', width: 10 },
  { header: '人数', width: 10 },
  { header: '金额（元）', width: 14, numFmt: MONEY },
];
const countCells = (c: { times: number; people: number; amountFen: number }) => [c.times, c.people, yuanCell(c.amountFen)];

/** The workbook of a report. */
export async function careReportXlsx(orgName: string, r: CareReport): Promise<Buffer> {
  const wb = newWorkbook();
  const span = `${r.from} 至 ${r.to}`;

  const types = addSheet(wb, '按类别', `${orgName} 慰问统计（${span}）`, [{ header: '类别', width: 22 }, { header: '来源', width: 12 }, ...COUNT_COLUMNS]);
  for (const t of r.byType) types.addRow([t.typeName, SOURCE_LABELS[t.source], ...countCells(t)]);
  types.addTotal(['合计', '', ...countCells(r.totals)]);
  types.addRow(['人次：慰问的次数；人数：得到慰问的会员人数（同一人多次只计一次）；节日慰问按签收计。']);

  const months = addSheet(wb, '按月份', `按月份统计（${span}）`, [{ header: '月份', width: 12 }, ...COUNT_COLUMNS]);
  for (const m of r.byMonth) months.addRow([m.month, ...countCells(m)]);
  months.addTotal(['合计', ...countCells(r.totals)]);

  const groups = addSheet(wb, '按小组', `按工会小组统计（${span}）`, [{ header: '工会小组', width: 20 }, ...COUNT_COLUMNS]);
  for (const g of r.byGroup) groups.addRow([g.groupName, ...countCells(g)]);
  groups.addTotal(['合计', ...countCells(r.totals)]);

  const late = addSheet(wb, '五必访逾期', `五必访逾期情况（${span}）`, [
    { header: '会员', width: 12 },
    { header: '工会小组', width: 14 },
    { header: '事由', width: 16 },
    { header: '发生日期', width: 12 },
    { header: '应慰问日期', width: 12 },
    { header: '首次慰问日期', width: 14 },
    { header: '逾期天数', width: 10 },
  ]);
  for (const o of r.overdue) late.addRow([o.memberName, o.groupName ?? '未分组', o.typeName, o.occurredOn, o.dueOn, o.firstVisitOn ?? '尚未慰问', o.daysLate]);
  const rate = r.onTime.rate === null ? '—' : `${Math.round(r.onTime.rate * 1000) / 10}%`;
  late.addRow([]);
  late.addRow([`五必访按期率：${rate}（按期慰问 ${r.onTime.onTime} 件 / 应慰问 ${r.onTime.due} 件）`]);

  const festival = addSheet(wb, '节日慰问覆盖率', `节日慰问覆盖率（${span}）`, [
    { header: '节日', width: 10 },
    { header: '名称', width: 26 },
    { header: '状态', width: 10 },
    { header: '每人标准（元）', width: 14, numFmt: MONEY },
    { header: '应发人数', width: 10 },
    { header: '已签收', width: 10 },
    { header: '覆盖率', width: 10, numFmt: PERCENT },
    { header: '已发金额（元）', width: 14, numFmt: MONEY },
  ]);
  for (const c of r.campaigns) {
    festival.addRow([c.festival, c.title, CAMPAIGN_STATUS_LABELS[c.status], yuanCell(c.perPersonFen), c.coverage.intended, c.coverage.received, c.coverage.rate ?? '—', yuanCell(c.amountFen)]);
  }

  const overrides = addSheet(wb, '超标准审批', `超标准慰问审批（${span}）`, [
    { header: '慰问日期', width: 12 },
    { header: '会员', width: 12 },
    { header: '事由', width: 16 },
    { header: '金额（元）', width: 12, numFmt: MONEY },
    { header: '超出的规定', width: 40 },
    { header: '理由', width: 30 },
    { header: '批准人', width: 10 },
  ]);
  for (const o of r.overrides) {
    const row = overrides.addRow([o.visitedOn, o.memberName, o.typeName, yuanCell(o.amountFen), o.violations.map((v) => v.message).join('；'), o.reason, o.by]);
    row.alignment = { wrapText: true, vertical: 'top' };
  }

  if (r.assistance) {
    const help = addSheet(wb, '困难职工帮扶', `困难职工帮扶（${span}）`, [
      { header: '帮扶类别', width: 14 },
      { header: '人次', width: 10 },
      { header: '金额（元）', width: 14, numFmt: MONEY },
    ]);
    for (const k of r.assistance.byKind) help.addRow([ASSISTANCE_KIND_LABELS[k.kind], k.count, yuanCell(k.amountFen)]);
    help.addTotal(['合计', r.assistance.count, yuanCell(r.assistance.amountFen)]);
    help.addRow([`帮扶人数：${r.assistance.people} 人`]);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** GET /care/reports.xlsx?from&to (care.manage); the 帮扶 sheet only for the hardship keepers. Audited. */
export async function exportCareReport(ctx: Ctx, q: { from?: string; to?: string }): Promise<ExportFile> {
  const report = await careReport(ctx, q);
  const orgId = ctx.actor.org!.id;
  const orgName = await orgNameOf(ctx.db, orgId);
  const file = await careReportXlsx(orgName, report);
  await ctx.db.transaction((tx) =>
    writeAudit(tx, {
      orgId,
      actor: { userId: ctx.actor.userId, name: ctx.actor.name },
      action: 'care.report.exported',
      entityType: 'care_report',
      entityLabel: `慰问统计 ${report.from} 至 ${report.to}`,
      changes: { from: { to: report.from }, to: { to: report.to } },
    }),
  );
  return { file, contentType: XLSX_TYPE, fileName: `${fileNamePart(orgName)}慰问统计-${report.from}至${report.to}.xlsx` };
}
